import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { messages } from '../../answers/i18n.js';
import { notice } from '../../answers/reply.js';
import { afterCooldown } from './after-cooldown.js';
import { askRecorded } from './ask-recorded.js';
import type { MessageCommand } from './command.js';

/** "Search the corpus" on a message: its text is the question. */
export const searchMessageCommand = {
  kind: 'message',
  data: new ContextMenuCommandBuilder()
    .setName('Search the corpus')
    .setNameLocalizations({ de: 'Im Korpus suchen' })
    .setType(ApplicationCommandType.Message)
    .toJSON(),
  run(interaction, context) {
    const t = messages(context.locale);
    const text = interaction.targetMessage.content.trim();
    if (text === '') return notice('info', t.emptyMessage);
    return afterCooldown(context, interaction.user.id, () => askRecorded(interaction, context, text, false));
  },
} satisfies MessageCommand;
