import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { ask } from '../../answers/ask.js';
import { messages } from '../../answers/i18n.js';
import { notice } from '../../answers/reply.js';
import type { MessageCommand } from './command.js';

/** "Search the corpus" on a message: its text is the question. */
export const searchMessageCommand = {
  kind: 'message',
  data: new ContextMenuCommandBuilder()
    .setName('Search the corpus')
    .setNameLocalizations({ de: 'Im Korpus suchen' })
    .setType(ApplicationCommandType.Message)
    .toJSON(),
  run(interaction, { library, config, cooldown, locale }) {
    const t = messages(locale);
    const text = interaction.targetMessage.content.trim();
    if (text === '') return notice('info', t.emptyMessage);
    const wait = cooldown.take(interaction.user.id);
    if (wait > 0) return notice('warning', t.cooldown(wait));
    return ask(library.engine, { question: text, limit: config.askResults }, locale);
  },
} satisfies MessageCommand;
