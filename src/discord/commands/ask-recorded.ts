import type { Interaction } from 'discord.js';
import { askWithOutcome, type AskResult } from '../../answers/ask.js';
import type { Reply } from '../../answers/reply.js';
import { newAnswerId } from '../custom-id.js';
import type { CommandContext } from './command.js';

/** What answering a question needs of a command's context. */
export type AskServices = Pick<CommandContext, 'library' | 'config' | 'locale' | 'feedback' | 'semantic'>;

/** A question asked through Discord: where, whether privately, and what was asked before in its thread. */
export interface RecordedQuestion {
  readonly question: string;
  readonly private: boolean;
  /** What was asked earlier in the thread: a follow-up borrows from it (see AskRequest.context). */
  readonly context?: string | undefined;
}

/** An answer, its id in the feedback store (undefined when the store is off), and what was found. */
export interface RecordedAnswer extends AskResult {
  readonly answerId: string | undefined;
}

/**
 * Answers a question asked through Discord and, with the feedback store on, gives the answer
 * an id (carried by its 👍/👎 buttons) and queues its record: written after the reply, never
 * on its path.
 */
export function askRecorded(interaction: Pick<Interaction, 'guildId' | 'channelId'>, context: CommandContext, question: string, isPrivate: boolean, earlier?: string): Reply | Promise<Reply> {
  const result = answerRecorded(context, interaction, { question, private: isPrivate, context: earlier });
  return result instanceof Promise ? result.then((r) => r.reply) : result.reply;
}

/** askRecorded with what was found, for a caller that decides whether to post the answer at all (answers given unasked). */
export function answerRecorded(services: AskServices, where: Pick<Interaction, 'guildId' | 'channelId'>, request: RecordedQuestion): RecordedAnswer | Promise<RecordedAnswer> {
  const { library, config, locale, feedback, semantic } = services;
  const answerId = feedback === undefined ? undefined : newAnswerId();
  const record = (result: AskResult): RecordedAnswer => {
    const { outcome } = result;
    if (feedback !== undefined && answerId !== undefined && outcome !== undefined) {
      feedback.record({ id: answerId, guildId: where.guildId, channelId: where.channelId, locale, question: outcome.question, abstained: outcome.abstained, uncertain: outcome.confidence === 'uncertain', top: outcome.top, private: request.private });
    }
    return { ...result, answerId };
  };
  const ask = { question: request.question, private: request.private, limit: config.askResults, ...(answerId === undefined ? {} : { answerId }), ...(request.context === undefined ? {} : { context: request.context }) };
  // With semantic search the answer waits for the question's vector; without, it is there at once.
  const result = askWithOutcome(library.engine, ask, locale, semantic);
  return result instanceof Promise ? result.then(record) : record(result);
}
