import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type SlashCommandIntegerOption } from 'discord.js';
import { reportMessages } from '../../answers/report-messages.js';
import { runReport } from '../../answers/run-report.js';
import { notice } from '../../answers/reply.js';
import { MAX_RETENTION_DAYS } from '../../config.js';
import { mayReload } from '../permissions.js';
import type { ChatCommand } from './command.js';

/** The period of a report when `days` is not given. */
export const DEFAULT_REPORT_DAYS = 30;

/** The report's period, the same on both subcommands. */
function daysOption(option: SlashCommandIntegerOption): SlashCommandIntegerOption {
  return option
    .setName('days')
    .setNameLocalizations({ de: 'tage' })
    .setDescription(`The last N days (default ${DEFAULT_REPORT_DAYS})`)
    .setDescriptionLocalizations({ de: `Die letzten N Tage (Standard ${DEFAULT_REPORT_DAYS})` })
    .setMinValue(1)
    .setMaxValue(MAX_RETENTION_DAYS);
}

export const reportCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('report')
    .setNameLocalizations({ de: 'bericht' })
    .setDescription('Moderators: what the corpus fails to answer')
    .setDescriptionLocalizations({ de: 'Moderatoren: was das Korpus nicht beantwortet' })
    // The same rule as /reload: hidden from members without Manage Server, checked again on run.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('unanswered')
        .setNameLocalizations({ de: 'unbeantwortet' })
        .setDescription('Questions that got no answer, grouped, most asked first')
        .setDescriptionLocalizations({ de: 'Fragen ohne Antwort, gruppiert, die häufigsten zuerst' })
        .addIntegerOption(daysOption),
    )
    .addSubcommand((s) =>
      s
        .setName('feedback')
        .setNameLocalizations({ de: 'bewertungen' })
        .setDescription('Answers with at least one 👎, most 👎 first')
        .setDescriptionLocalizations({ de: 'Antworten mit mindestens einem 👎, die meisten zuerst' })
        .addIntegerOption(daysOption),
    )
    .toJSON(),
  defer: () => 'private',
  run(interaction, { feedback, config, locale, logger }) {
    const subcommand = interaction.options.getSubcommand(false);
    if (!mayReload(interaction, config.moderatorRoleIds)) {
      logger.warn({ userId: interaction.user.id, subcommand }, 'report refused: not a moderator');
      return notice('error', reportMessages(locale).denied);
    }
    const days = Math.min(MAX_RETENTION_DAYS, Math.max(1, interaction.options.getInteger('days') ?? DEFAULT_REPORT_DAYS));
    return runReport(feedback, subcommand === 'feedback' ? 'feedback' : 'unanswered', days, 0, locale);
  },
} satisfies ChatCommand;
