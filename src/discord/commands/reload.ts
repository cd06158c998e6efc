import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { messages } from '../../answers/i18n.js';
import { reload } from '../../answers/reload.js';
import { notice } from '../../answers/reply.js';
import { mayReload } from '../permissions.js';
import type { ChatCommand } from './command.js';

export const reloadCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('reload')
    .setNameLocalizations({ de: 'neu-laden' })
    .setDescription('Moderators: rebuild the index from the corpus dir, without downtime')
    .setDescriptionLocalizations({ de: 'Moderatoren: den Index aus dem Korpus neu aufbauen, ohne Ausfall' })
    // Hidden from members without Manage Server by default; run() checks again, because
    // server admins can change who sees the command.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  defer: () => 'private',
  async run(interaction, { library, config, locale, logger, semantic, replicas }) {
    if (!mayReload(interaction, config.moderatorRoleIds)) {
      logger.warn({ userId: interaction.user.id }, 'reload refused: not a moderator');
      return notice('error', messages(locale).reloadDenied);
    }
    logger.info({ userId: interaction.user.id, user: interaction.user.username }, 'reload requested');
    const reply = await reload(library, locale, logger, semantic);
    // Every other replica reloads from its own dir too (they read the same uploads from the store).
    await replicas?.reloaded().catch((err: unknown) => logger.warn({ err }, 'reload: the other replicas could not be told'));
    return reply;
  },
} satisfies ChatCommand;
