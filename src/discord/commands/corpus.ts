import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { addArticle, confirmRemoval, listArticles, type CurationLimits } from '../../answers/corpus.js';
import { corpusMessages } from '../../answers/corpus-messages.js';
import { notice } from '../../answers/reply.js';
import type { Config } from '../../config.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../limits.js';
import { mayReload } from '../permissions.js';
import { truncate } from '../truncate.js';
import type { ChatCommand } from './command.js';

/** What refusals quote, from the configuration. */
export function curationLimits(config: Config): CurationLimits {
  return { maxBytes: config.uploadMaxBytes, timeoutSeconds: config.uploadTimeoutSeconds };
}

/** The moderator behind an interaction, as the manifest and the log keep them. */
export function moderatorOf(interaction: Pick<ChatInputCommandInteraction, 'user'>): { id: string; name: string } {
  return { id: interaction.user.id, name: interaction.user.username };
}

export const corpusCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('corpus')
    .setNameLocalizations({ de: 'korpus' })
    .setDescription('Moderators: add, remove or list the articles of the corpus')
    .setDescriptionLocalizations({ de: 'Moderatoren: Artikel des Korpus hinzufügen, entfernen oder auflisten' })
    // The same rule as /reload: hidden from members without Manage Server, checked again on run.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setNameLocalizations({ de: 'hinzufuegen' })
        .setDescription('Add a .txt or .md file as an article, then reload the index')
        .setDescriptionLocalizations({ de: 'Eine .txt- oder .md-Datei als Artikel aufnehmen, dann den Index neu laden' })
        .addAttachmentOption((o) =>
          o.setName('file').setNameLocalizations({ de: 'datei' }).setDescription('The article, UTF-8 text').setDescriptionLocalizations({ de: 'Der Artikel, UTF-8-Text' }).setRequired(true),
        )
        .addBooleanOption((o) =>
          o
            .setName('replace')
            .setNameLocalizations({ de: 'ersetzen' })
            .setDescription('Replace an uploaded article of the same name')
            .setDescriptionLocalizations({ de: 'Einen hochgeladenen Artikel gleichen Namens ersetzen' }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setNameLocalizations({ de: 'entfernen' })
        .setDescription('Remove an uploaded article (after a confirmation), then reload the index')
        .setDescriptionLocalizations({ de: 'Einen hochgeladenen Artikel entfernen (nach Bestätigung), dann den Index neu laden' })
        .addStringOption((o) =>
          o
            .setName('article')
            .setNameLocalizations({ de: 'artikel' })
            .setDescription('An uploaded article')
            .setDescriptionLocalizations({ de: 'Ein hochgeladener Artikel' })
            .setRequired(true)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('list')
        .setNameLocalizations({ de: 'liste' })
        .setDescription('The articles, where they come from, and who uploaded them')
        .setDescriptionLocalizations({ de: 'Die Artikel, ihre Herkunft und wer sie hochgeladen hat' }),
    )
    .toJSON(),
  // A download and a rebuild may take longer than Discord's 3 s.
  defer: () => 'private',
  async run(interaction, { curator, config, locale, logger }) {
    const subcommand = interaction.options.getSubcommand(false);
    if (!mayReload(interaction, config.moderatorRoleIds)) {
      logger.warn({ userId: interaction.user.id, subcommand }, 'corpus refused: not a moderator');
      return notice('error', corpusMessages(locale).denied);
    }
    const limits = curationLimits(config);
    switch (subcommand) {
      case 'add': {
        const file = interaction.options.getAttachment('file');
        if (file === null) return notice('error', corpusMessages(locale).refusedTitle, corpusMessages(locale).noFile);
        return addArticle(curator, { name: file.name, url: file.url, size: file.size, replace: interaction.options.getBoolean('replace') === true, by: moderatorOf(interaction) }, locale, limits);
      }
      case 'remove':
        return confirmRemoval(curator, interaction.options.getString('article') ?? '', locale, limits);
      default:
        return listArticles(curator, locale);
    }
  },
  autocomplete(interaction, { curator }) {
    const typed = interaction.options.getFocused().toLowerCase();
    return curator
      .uploads()
      .filter((a) => a.file.length <= CHOICE_VALUE_MAX && (a.file.toLowerCase().includes(typed) || a.title.toLowerCase().includes(typed)))
      .slice(0, AUTOCOMPLETE_CHOICES_MAX)
      .map((a) => ({ name: truncate(`${a.title} (${a.file})`, CHOICE_NAME_MAX), value: a.file }));
  },
} satisfies ChatCommand;
