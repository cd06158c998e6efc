import { describe, expect, it } from 'vitest';
import { signalsOf } from '../../../src/search/decide/signals.js';
import type { Ranked } from '../../../src/search/rank/rank.js';
import { concept } from '../fixtures.js';

// "Wie lerne ich am schnellsten Russisch?": two things; a passage whose article title says "lernen".
const CONCEPTS = [concept('wie', { frame: true }), concept('lerne', { unit: 1 }), concept('Russisch', { unit: 2 })];
const best = (matched: number[], said: number[]): Ranked => ({ id: 0, score: 1, coverage: 0.7, exactCoverage: 0.5, matched: new Set(matched), said: new Set(said), terms: new Map() });

describe('signalsOf', () => {
  it('reads coverage and things off the best passage', () => {
    const signals = signalsOf({ concepts: CONCEPTS, best: best([1, 2], [1, 2]), bestText: 'Russisch lernen', unknownShare: 0.1, english: false }, 0.5);
    expect(signals).toEqual({ coverage: 0.7, exactCoverage: 0.5, unknownShare: 0.1, english: false, contentMatched: 2, contentWords: 2, contentSaid: 2 });
  });

  it('counts a thing only the article title matches at titleThingWeight', () => {
    const signals = signalsOf({ concepts: CONCEPTS, best: best([1, 2], [2]), bestText: 'Russisch', unknownShare: 0, english: false }, 0.5);
    expect(signals.contentMatched).toBe(1.5);
    expect(signals.contentSaid).toBe(1);
  });

  it('has nothing to read when nothing matched', () => {
    expect(signalsOf({ concepts: CONCEPTS, best: undefined, bestText: '', unknownShare: 1, english: true }, 0.5)).toEqual({ coverage: 0, exactCoverage: 0, unknownShare: 1, english: true, contentMatched: 0, contentWords: 2, contentSaid: 0 });
  });
});
