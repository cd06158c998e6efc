import type { Ranked } from './engine.js';

/** The decision to answer, with the signal that decided it. */
export interface Verdict {
  readonly answer: boolean;
  readonly reason: 'nothing-matched' | 'low-coverage' | 'bridges-only' | 'answer';
}

export interface AbstainOptions {
  /** The best passage must cover at least this share of the question's weight. */
  readonly answerCoverage: number;
  /** …and at least this share through the question's own words (not only through bridges). */
  readonly answerExactCoverage: number;
}

/**
 * Whether the best passage answers the question. One rare shared word is not enough on a
 * broad corpus (a man page has "Boden", "Moskau" or "2014" too): the passage must cover a
 * good share of what the question is about, and some of it through the words the user typed.
 */
export function decide(ranked: readonly Ranked[], options: AbstainOptions): Verdict {
  const best = ranked[0];
  if (best === undefined) return { answer: false, reason: 'nothing-matched' };
  if (best.coverage < options.answerCoverage) return { answer: false, reason: 'low-coverage' };
  if (best.exactCoverage < options.answerExactCoverage) return { answer: false, reason: 'bridges-only' };
  return { answer: true, reason: 'answer' };
}
