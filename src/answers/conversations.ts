import { MAX_QUESTION_LENGTH } from './ask.js';

/** Threads remembered; the least recently asked in are forgotten first. */
const REMEMBERED_THREADS = 5000;

/**
 * The conversation of each thread where the bot answered: what was asked so far, so that a
 * follow-up ("und wann?") is answered with the earlier question as context (see
 * search/plan/follow-up.ts). Only the newest MAX_QUESTION_LENGTH characters are kept: a chain
 * of short follow-ups keeps the thing it is about, a long thread does not grow without bound.
 * In memory only: after a restart a follow-up stands on its own.
 */
export class Conversations {
  readonly #asked = new Map<string, string>();
  readonly #capacity: number;

  constructor(capacity = REMEMBERED_THREADS) {
    this.#capacity = capacity;
  }

  /** What was asked in the thread so far, or undefined where the bot has not answered. */
  earlier(threadId: string): string | undefined {
    return this.#asked.get(threadId);
  }

  /** Adds a question the bot answered in the thread. */
  remember(threadId: string, question: string): void {
    const before = this.#asked.get(threadId);
    const joined = before === undefined ? question : `${before} ${question}`;
    this.#asked.delete(threadId);
    this.#asked.set(threadId, joined.length <= MAX_QUESTION_LENGTH ? joined : joined.slice(joined.length - MAX_QUESTION_LENGTH).replace(/^\S*\s/u, ''));
    if (this.#asked.size > this.#capacity) this.#asked.delete(this.#asked.keys().next().value as string);
  }
}
