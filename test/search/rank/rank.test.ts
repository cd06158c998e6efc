import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/corpus/types.js';
import { rank } from '../../../src/search/rank/rank.js';
import type { ConceptMatches, PassageMatch } from '../../../src/search/retrieve/retriever.js';
import { article, concept } from '../fixtures.js';

const OPTIONS = { minCoverage: 0.2, coverageExponent: 2, articleWeight: 0 };
const A = article('a.txt', 'A', []);
const B = article('b.txt', 'B', []);
/** Passages 0–2 are in article A, 3–5 in B. */
const articleOf = (id: number): Article => (id < 3 ? A : B);

function match(score: number, covered = 1, where: Partial<PassageMatch> = {}): PassageMatch {
  return { score, covered, textual: true, local: true, described: false, terms: new Map(), ...where };
}
function found(entries: Record<number, PassageMatch>, direct: Record<number, number> = {}, described: number[] = []): ConceptMatches {
  const matches = new Map(Object.entries(entries).map(([id, m]) => [Number(id), m]));
  return { matches, direct: new Map(Object.entries(direct).map(([id, c]) => [Number(id), c])), described: new Set(described) };
}

describe('rank', () => {
  it('puts the passage that covers the whole question above one that repeats a single word', () => {
    const concepts = [concept('Gallium', { weight: 2 }), concept('Export', { weight: 1 })];
    const { ranked } = rank(concepts, [found({ 0: match(3), 1: match(1) }), found({ 1: match(1) })], articleOf, OPTIONS);
    expect(ranked.map((r) => r.id)).toEqual([1, 0]);
    expect(ranked[0]?.coverage).toBe(1);
    expect(ranked[1]?.coverage).toBeCloseTo(2 / 3);
  });

  it('keeps apart what matched as typed and through bridges', () => {
    const concepts = [concept('Einfuhr'), concept('China')];
    // Passage 0 matches "Einfuhr" only through a synonym (covered 0.6, no direct match).
    const { ranked } = rank(concepts, [found({ 0: match(1, 0.6) }), found({ 0: match(1) }, { 0: 1 })], articleOf, OPTIONS);
    expect(ranked[0]).toMatchObject({ coverage: 0.8, exactCoverage: 0.5 });
  });

  it('drops a passage that only sits under a matching title, or covers too little', () => {
    const concepts = [concept('Russland'), concept('Software', { weight: 9 })];
    const { ranked } = rank(concepts, [found({ 0: match(3, 1, { textual: false, local: false }), 1: match(1) }), found({})], articleOf, OPTIONS);
    expect(ranked).toEqual([]);
  });

  it('counts the weight of content words that matched nothing as unknown, not frame words', () => {
    const concepts = [concept('Jangtse', { weight: 3 }), concept('wie', { frame: true }), concept('China')];
    expect(rank(concepts, [found({}), found({}), found({ 0: match(1) })], articleOf, OPTIONS).unknownShare).toBeCloseTo(3 / 5);
  });

  it('skips a concept that was not looked up, but keeps its weight in the question', () => {
    const concepts = [concept('lang', { frame: true, measure: true }), concept('Jangtse')];
    const { ranked, unknownShare } = rank(concepts, [undefined, found({ 4: match(2) })], articleOf, OPTIONS);
    expect(ranked[0]).toMatchObject({ id: 4, coverage: 0.5, matched: new Set([1]) });
    expect(unknownShare).toBe(0);
  });

  it('lifts passages of the article that covers the rest of the question', () => {
    const concepts = [concept('Musk'), concept('Neuralink')];
    // Passages 0 and 3 match "Neuralink" alike; only article A (0–2) also speaks of Musk.
    const retrieved = [found({ 2: match(1) }), found({ 0: match(1), 3: match(1) })];
    expect(rank(concepts, retrieved, articleOf, OPTIONS).ranked.map((r) => r.id)).toEqual([0, 2, 3]);
    const { ranked } = rank(concepts, retrieved, articleOf, { ...OPTIONS, articleWeight: 1 });
    expect(ranked.map((r) => r.id)).toEqual([0, 2, 3]);
    expect((ranked[0]?.score ?? 0) / (ranked[2]?.score ?? 1)).toBeCloseTo(2 / 1.25);
  });

  it("gives every passage of a page the share of the question its description says as asked", () => {
    // "Wie entferne ich einen leeren Ordner?" beside "rmdir - Leere Verzeichnisse entfernen"
    // (article A): the description says "entfernen" and "leer", and "Ordner" only through a synonym.
    const concepts = [concept('entfernen'), concept('leer'), concept('Ordner', { weight: 2 })];
    const retrieved = [found({ 0: match(1), 3: match(1) }, { 0: 1, 3: 1 }, [0]), found({ 0: match(1), 1: match(1) }, { 0: 1, 1: 1 }, [0, 1]), found({ 0: match(1, 0.6), 3: match(2) }, { 3: 1 })];
    const { ranked } = rank(concepts, retrieved, articleOf, OPTIONS);
    expect(ranked.find((r) => r.id === 0)?.describedShare).toBeCloseTo(2 / 4);
    expect(ranked.find((r) => r.id === 1)?.describedShare).toBeCloseTo(2 / 4);
    expect(ranked.find((r) => r.id === 3)?.describedShare).toBe(0);
  });

  it('matches a simple reference on random questions: coverage, the minimum, the order', () => {
    const passage = fc.record({ score: fc.double({ min: 0.01, max: 10, noNaN: true }), covered: fc.constantFrom(0.5, 0.7, 0.8, 1), textual: fc.boolean() });
    const question = fc.array(fc.record({ weight: fc.double({ min: 0.1, max: 5, noNaN: true }), matches: fc.dictionary(fc.integer({ min: 0, max: 5 }).map(String), passage) }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(question, (words) => {
        const concepts = words.map((w, i) => concept(`w${i}`, { weight: w.weight }));
        const retrieved = words.map((w) => found(Object.fromEntries(Object.entries(w.matches).map(([id, p]) => [id, match(p.score, p.covered, { textual: p.textual })]))));
        const { ranked } = rank(concepts, retrieved, articleOf, OPTIONS);
        // The reference: a passage's coverage is the weight it matches at its quality, over the question's.
        const total = words.reduce((sum, w) => sum + w.weight, 0);
        const expected = new Map<number, number>();
        for (let id = 0; id < 6; id++) {
          const hits = words.map((w) => w.matches[String(id)]);
          const coverage = hits.reduce((sum, h, i) => sum + (h === undefined ? 0 : (words[i]?.weight ?? 0) * h.covered), 0) / total;
          if (hits.some((h) => h?.textual === true) && coverage >= OPTIONS.minCoverage) expected.set(id, coverage);
        }
        expect(new Set(ranked.map((r) => r.id))).toEqual(new Set(expected.keys()));
        for (const r of ranked) expect(r.coverage).toBeCloseTo(expected.get(r.id) ?? Number.NaN);
        for (let i = 1; i < ranked.length; i++) expect((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0)).toBe(true);
      }),
    );
  });
});
