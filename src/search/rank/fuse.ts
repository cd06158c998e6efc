import type { ScoredSlot } from '../../embeddings/vectors.js';
import type { Ranked } from './rank.js';

export interface FuseOptions {
  /** Reciprocal rank fusion's constant: larger flattens the difference between ranks (60 in the literature). */
  readonly fusionK: number;
}

/**
 * The lexical ranking and the dense one (passages by similarity to the question's vector)
 * fused by reciprocal rank fusion: a passage scores 1/(k + rank) in each list it is in. Ranks,
 * not scores, are fused, because BM25 and cosine similarity have no common scale. A passage
 * only the service found joins with no lexical signals: it matched no word of the question.
 */
export function fuseRankings(lexical: readonly Ranked[], dense: readonly ScoredSlot[], options: FuseOptions): Ranked[] {
  const fused = new Map<number, { entry: Ranked; score: number }>();
  lexical.forEach((entry, rank) => fused.set(entry.id, { entry, score: 1 / (options.fusionK + rank + 1) }));
  dense.forEach(({ slot }, rank) => {
    const add = 1 / (options.fusionK + rank + 1);
    const known = fused.get(slot);
    if (known !== undefined) known.score += add;
    else fused.set(slot, { entry: { id: slot, score: 0, coverage: 0, exactCoverage: 0, matched: new Set(), said: new Set(), terms: new Map(), describedShare: 0 }, score: add });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || a.entry.id - b.entry.id).map(({ entry, score }) => ({ ...entry, score }));
}
