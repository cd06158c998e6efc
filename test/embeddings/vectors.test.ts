import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VectorStore } from '../../src/embeddings/vectors.js';

const f32 = (...values: number[]) => Float32Array.from(values);

/**
 * The reference: every filled slot scored one by one, sorted, cut at k. The property's values
 * are multiples of 1/8, whose products and short sums are exact in any order, so scores (and
 * ties) compare exactly whatever order the store adds in.
 */
function reference(vectors: readonly (Float32Array | undefined)[], query: Float32Array, k: number) {
  const scored: { slot: number; score: number }[] = [];
  vectors.forEach((vector, slot) => {
    if (vector === undefined) return;
    const score = Array.from(query).reduce((sum, q, i) => sum + q * (vector[i] as number), 0);
    scored.push({ slot, score });
  });
  return scored.sort((a, b) => b.score - a.score || a.slot - b.slot).slice(0, Math.max(0, k));
}

describe('VectorStore', () => {
  it('keeps all vectors in one contiguous buffer, with empty slots', () => {
    const store = VectorStore.from([f32(1, 0), undefined, f32(0.6, 0.8)]);
    expect(store.dimension).toBe(2);
    expect(store.size).toBe(3);
    expect(store.count).toBe(2);
    expect(store.bytes).toBe(3 * 2 * 4 + 3);
    expect(store.has(1)).toBe(false);
    expect(store.get(1)).toBeUndefined();
    expect(Array.from(store.get(2) ?? [])).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(store.get(0)?.buffer).toBe(store.get(2)?.buffer);
    expect(store.missing()).toEqual([1]);
  });

  it('ranks by dot product and skips empty slots', () => {
    const store = VectorStore.from([f32(1, 0), undefined, f32(0.6, 0.8), f32(0, 1)]);
    expect(store.topK(f32(0, 1), 2)).toEqual([
      { slot: 3, score: 1 },
      { slot: 2, score: Math.fround(0.8) },
    ]);
    expect(store.topK(f32(0, 1), 10).map((s) => s.slot)).toEqual([3, 2, 0]);
    expect(store.topK(f32(0, 1), 0)).toEqual([]);
    expect(store.score(f32(1, 0), 2)).toBeCloseTo(0.6, 6);
    // Past the sums of four, the rest of the dimensions count too.
    const wide = VectorStore.from([f32(1, 2, 3, 4, 5, 6, 7), f32(0, 0, 0, 0, 0, 0, 1)]);
    expect(wide.score(f32(1, 1, 1, 1, 1, 1, 1), 0)).toBe(28);
    expect(wide.topK(f32(0, 0, 0, 0, 0, 0, -1), 2)).toEqual([
      { slot: 1, score: -1 },
      { slot: 0, score: -7 },
    ]);
    expect(store.score(f32(1, 0), 1)).toBeUndefined();
  });

  it('is empty when no passage has a vector', () => {
    const store = VectorStore.from([undefined, undefined], 4);
    expect(store.count).toBe(0);
    expect(store.topK(f32(1, 0, 0, 0), 3)).toEqual([]);
    expect(VectorStore.from([]).topK(new Float32Array(0), 3)).toEqual([]);
  });

  it('refuses vectors and queries of another dimension', () => {
    expect(() => VectorStore.from([f32(1, 0), f32(1, 0, 0)])).toThrow(new Error('Quelle: vector 1 has 3 dimensions, the store 2'));
    expect(() => VectorStore.from([f32(1, 0)], 3)).toThrow(new Error('Quelle: vector 0 has 2 dimensions, the store 3'));
    expect(() => VectorStore.from([f32(1, 0)]).topK(f32(1, 0, 0), 1)).toThrow(new Error('Quelle: the query has 3 dimensions, the vectors 2'));
  });

  it('finds what a simple reference finds, for any vectors, gaps, ties and k', () => {
    const value = fc.integer({ min: -8, max: 8 }).map((n) => n / 8);
    const input = fc.integer({ min: 1, max: 11 }).chain((dim) =>
      fc.record({
        vectors: fc.array(fc.option(fc.array(value, { minLength: dim, maxLength: dim }), { nil: undefined, freq: 4 }), { maxLength: 40 }),
        query: fc.array(value, { minLength: dim, maxLength: dim }),
        k: fc.integer({ min: -1, max: 45 }),
        dim: fc.constant(dim),
      }),
    );
    fc.assert(
      fc.property(input, ({ vectors, query, k, dim }) => {
        const typed = vectors.map((v) => (v === undefined ? undefined : Float32Array.from(v)));
        const q = Float32Array.from(query);
        const store = VectorStore.from(typed, dim);
        expect(store.topK(q, k)).toEqual(reference(typed, q, k));
      }),
      { numRuns: 500 },
    );
  });
});
