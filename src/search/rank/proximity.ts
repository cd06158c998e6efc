import type { Analyzer } from '../analysis/analyzer.js';
import { hasAnswerKind, type AnswerKind } from '../analysis/answer-kind.js';
import { highlight } from '../analysis/highlight.js';
import type { Ranked } from './rank.js';

export interface ProximityOptions {
  /** How much a passage gains when what it matches stands in one sentence (0: not at all)… */
  readonly proximityWeight: number;
  /** …among the best this many. */
  readonly proximityDepth: number;
  /** How much a passage gains for a why-question when it gives a reason (0: nothing). */
  readonly reasonWeight: number;
}

/**
 * The best few, re-ranked by how much of what they match stands in one sentence: a question
 * asks about one statement, and a paragraph that says it in one sentence answers it better
 * than one that has its words scattered. A why-question also prefers a passage that gives a reason.
 */
export function rerankByProximity(ranked: Ranked[], textOf: (id: number) => string, analyzer: Analyzer, kind: AnswerKind | undefined, options: ProximityOptions): Ranked[] {
  if (options.proximityWeight === 0 || ranked.length < 2) return ranked;
  const head = ranked.slice(0, options.proximityDepth).map((entry) => {
    const text = textOf(entry.id);
    const share = highlight(analyzer, text, entry.terms).sentenceShare;
    // "Warum…?" is answered by a passage that gives a reason ("weil", "wegen", "führt dazu").
    const boost = kind === 'reason' && hasAnswerKind(text, kind) ? 1 + options.reasonWeight : 1;
    return { ...entry, score: entry.score * (1 + options.proximityWeight * share) * boost };
  });
  head.sort((a, b) => b.score - a.score || a.id - b.id);
  return [...head, ...ranked.slice(options.proximityDepth)];
}
