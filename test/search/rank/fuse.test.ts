import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../../src/search/rank/fuse.js';
import type { Ranked } from '../../../src/search/rank/rank.js';

const ranked = (id: number, coverage = 0.8): Ranked => ({ id, score: 10 - id, coverage, exactCoverage: coverage, matched: new Set([0]), said: new Set([0]), terms: new Map([['russland', 1]]), describedShare: 0 });

describe('fuseRankings', () => {
  it('adds 1/(k + rank) per list, so a passage both rankings put high wins', () => {
    const fused = fuseRankings([ranked(1), ranked(2), ranked(3)], [{ slot: 3, score: 0.9 }, { slot: 7, score: 0.8 }], { fusionK: 60 });
    // 2 (third lexically) and 7 (second by the service) tie at 1/62: passage order decides.
    expect(fused.map((r) => r.id)).toEqual([3, 1, 2, 7]);
    expect(fused[0]?.score).toBeCloseTo(1 / 63 + 1 / 61);
  });

  it('keeps the lexical signals of a passage both found, and none for one only the service found', () => {
    const fused = fuseRankings([ranked(1)], [{ slot: 5, score: 0.9 }, { slot: 1, score: 0.5 }], { fusionK: 60 });
    expect(fused.find((r) => r.id === 1)).toMatchObject({ coverage: 0.8, terms: new Map([['russland', 1]]) });
    expect(fused.find((r) => r.id === 5)).toMatchObject({ coverage: 0, exactCoverage: 0, terms: new Map() });
  });

  it('is the lexical ranking when the service found nothing, and breaks ties by passage order', () => {
    expect(fuseRankings([ranked(4), ranked(2)], [], { fusionK: 60 }).map((r) => r.id)).toEqual([4, 2]);
    expect(fuseRankings([], [{ slot: 9, score: 0.5 }, { slot: 2, score: 0.5 }], { fusionK: 60 }).map((r) => r.id)).toEqual([9, 2]);
    expect(fuseRankings([ranked(9)], [{ slot: 2, score: 0.5 }], { fusionK: 60 }).map((r) => r.id)).toEqual([2, 9]);
  });
});
