/**
 * The figures of the benchmark, as pure functions: percentiles of latencies and the answer
 * quality of a ranked list. Kept free of I/O so that test/bench/metrics.test.ts can pin them.
 */

/** Ranks at which a hit counts, and the depth of the reciprocal rank. */
export const QUALITY_DEPTH = 5;

/**
 * The nearest-rank percentile of `values` (`p` in (0, 100]): the smallest value such that at
 * least p% of the values are at or below it. Nearest-rank never invents a value between two
 * samples, so a p99 is always a latency that really happened.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('Quelle bench: percentile of no values');
  if (!(p > 0 && p <= 100)) throw new Error(`Quelle bench: percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] as number;
}

/** Whitespace and Unicode form must not decide whether a passage "contains" an expected phrase. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The 1-based rank of the first passage that contains one of `expect`, or `undefined` when
 * none of the returned passages does.
 */
export function firstRelevantRank(passages: readonly string[], expect: readonly string[]): number | undefined {
  const wanted = expect.map(normalizeForMatch);
  const index = passages.findIndex((text) => {
    const normalized = normalizeForMatch(text);
    return wanted.some((phrase) => normalized.includes(phrase));
  });
  return index < 0 ? undefined : index + 1;
}

export interface Quality {
  /** Share of questions whose first passage is relevant. */
  readonly hit1: number;
  /** Share of questions with a relevant passage among the first three. */
  readonly hit3: number;
  /** Mean reciprocal rank, counting only ranks up to QUALITY_DEPTH. */
  readonly mrr5: number;
}

/** hit@1, hit@3 and MRR@5 over the first-relevant ranks of a set of questions. */
export function quality(ranks: readonly (number | undefined)[]): Quality {
  if (ranks.length === 0) return { hit1: 0, hit3: 0, mrr5: 0 };
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  for (const rank of ranks) {
    if (rank === undefined) continue;
    if (rank <= 1) hit1++;
    if (rank <= 3) hit3++;
    if (rank <= QUALITY_DEPTH) reciprocal += 1 / rank;
  }
  return { hit1: hit1 / ranks.length, hit3: hit3 / ranks.length, mrr5: reciprocal / ranks.length };
}

/** `value / base`, or undefined when there is no meaningful base. */
export function ratio(value: number, base: number | undefined): number | undefined {
  return base === undefined || base <= 0 ? undefined : value / base;
}
