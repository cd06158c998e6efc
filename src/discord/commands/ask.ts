import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH, searchedText } from '../../answers/ask.js';
import { afterCooldown } from './after-cooldown.js';
import { askRecorded } from './ask-recorded.js';
import type { ChatCommand } from './command.js';

export const askCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations({ de: 'frage' })
    .setDescription('Ask the corpus: the best passages with their source')
    .setDescriptionLocalizations({ de: 'Frage an das Korpus: die passendsten Absätze mit Quelle' })
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalizations({ de: 'frage' })
        .setDescription('Your question, in German or English')
        .setDescriptionLocalizations({ de: 'Ihre Frage, auf Deutsch oder Englisch' })
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addBooleanOption((o) =>
      o
        .setName('private')
        .setNameLocalizations({ de: 'privat' })
        .setDescription('Only you see the answer (you can still post it)')
        .setDescriptionLocalizations({ de: 'Nur Sie sehen die Antwort (Sie können sie danach posten)' }),
    )
    .toJSON(),
  run(interaction, context) {
    const question = interaction.options.getString('question') ?? '';
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    // In a thread where the bot answered, /ask is a follow-up: the thread's earlier questions are its context.
    const thread = interaction.channel?.isThread() === true ? interaction.channelId : undefined;
    const earlier = thread === undefined ? undefined : context.conversations?.earlier(thread);
    return afterCooldown(context, interaction.user.id, () => {
      const reply = askRecorded(interaction, context, question, isPrivate, earlier);
      if (thread !== undefined && !isPrivate) context.conversations?.remember(thread, searchedText(question));
      return reply;
    });
  },
} satisfies ChatCommand;
