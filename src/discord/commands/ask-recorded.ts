import type { Interaction } from 'discord.js';
import { askWithOutcome, type AskResult } from '../../answers/ask.js';
import type { Reply } from '../../answers/reply.js';
import { newAnswerId } from '../custom-id.js';
import type { CommandContext } from './command.js';

/**
 * Answers a question asked through Discord and, with the feedback store on, gives the answer
 * an id (carried by its 👍/👎 buttons) and queues its record: written after the reply, never
 * on its path.
 */
export function askRecorded(interaction: Pick<Interaction, 'guildId' | 'channelId'>, context: CommandContext, question: string, isPrivate: boolean): Reply | Promise<Reply> {
  const { library, config, locale, feedback, semantic } = context;
  const answerId = feedback === undefined ? undefined : newAnswerId();
  const record = ({ reply, outcome }: AskResult): Reply => {
    if (feedback !== undefined && answerId !== undefined && outcome !== undefined) {
      feedback.record({ id: answerId, guildId: interaction.guildId, channelId: interaction.channelId, locale, question: outcome.question, abstained: outcome.abstained, uncertain: outcome.confidence === 'uncertain', top: outcome.top, private: isPrivate });
    }
    return reply;
  };
  // With semantic search the answer waits for the question's vector; without, it is there at once.
  const result = askWithOutcome(library.engine, { question, private: isPrivate, limit: config.askResults, ...(answerId === undefined ? {} : { answerId }) }, locale, semantic);
  return result instanceof Promise ? result.then(record) : record(result);
}
