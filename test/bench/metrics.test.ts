import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRelevantRank, percentile, quality, ratio } from '../../bench/metrics.js';

describe('percentile', () => {
  const latencies = [4.1, 0.9, 1.2, 1.0, 30.5, 1.1, 0.8, 1.3, 1.0, 2.2];

  it('returns a sample that really happened (nearest rank)', () => {
    expect(percentile(latencies, 50)).toBe(1.1);
    expect(percentile(latencies, 90)).toBe(4.1);
    expect(percentile(latencies, 99)).toBe(30.5);
    expect(percentile(latencies, 100)).toBe(30.5);
    expect(percentile([7], 50)).toBe(7);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    percentile(input, 50);
    expect(input).toEqual([3, 1, 2]);
  });

  it('rejects no values and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('Quelle bench: percentile of no values');
    expect(() => percentile([1], 0)).toThrow('Quelle bench: percentile must be in (0, 100], got 0');
    expect(() => percentile([1], 101)).toThrow('Quelle bench: percentile must be in (0, 100], got 101');
  });

  it('matches a count-based reference: at least p% of the values are at or below it, and it is the smallest such', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const result = percentile(values, p);
        const atOrBelow = values.filter((v) => v <= result).length;
        const below = values.filter((v) => v < result).length;
        expect(values).toContain(result);
        expect(atOrBelow / values.length).toBeGreaterThanOrEqual(p / 100);
        expect(below / values.length).toBeLessThan(p / 100);
      }),
    );
  });
});

describe('firstRelevantRank', () => {
  const passages = [
    'Die Staatsduma hat das Gesetz in erster Lesung angenommen.',
    'Der Handel zwischen Russland und China erreichte 2024 mit etwa 245 Milliarden Dollar\neinen Rekord.',
    'Chips für KI-Systeme fehlen weiterhin.',
  ];

  it('gives the 1-based rank of the first passage holding any expected phrase', () => {
    expect(firstRelevantRank(passages, ['Chips für KI-Systeme'])).toBe(3);
    expect(firstRelevantRank(passages, ['Chips für KI-Systeme', 'Handel zwischen Russland'])).toBe(2);
  });

  it('ignores line breaks and Unicode form, not case', () => {
    expect(firstRelevantRank(passages, ['245 Milliarden Dollar einen Rekord'])).toBe(2);
    expect(firstRelevantRank(['Annäherung an Nordkorea'], ['Anna\u0308herung an Nordkorea'])).toBe(1);
    expect(firstRelevantRank(passages, ['chips für ki-systeme'])).toBeUndefined();
  });

  it('is undefined when nothing was returned or nothing matches', () => {
    expect(firstRelevantRank([], ['Handel'])).toBeUndefined();
    expect(firstRelevantRank(passages, ['Gallium'])).toBeUndefined();
  });
});

describe('quality', () => {
  it('computes hit@1, hit@3 and MRR@5 over the ranks', () => {
    const q = quality([1, 2, 3, 5, 8, undefined]);
    expect(q.hit1).toBeCloseTo(1 / 6);
    expect(q.hit3).toBeCloseTo(3 / 6);
    expect(q.mrr5).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 5) / 6);
  });

  it('is all zeros for no questions', () => {
    expect(quality([])).toEqual({ hit1: 0, hit3: 0, mrr5: 0 });
  });
});

describe('ratio', () => {
  it('divides by the baseline, and has no value without one', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(3, undefined)).toBeUndefined();
  });
});
