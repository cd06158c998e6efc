import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { rerankByProximity } from '../../../src/search/rank/proximity.js';
import type { Ranked } from '../../../src/search/rank/rank.js';

const analyzer = new Analyzer();
const OPTIONS = { proximityWeight: 1, proximityDepth: 10, reasonWeight: 1 };
const TEXTS = [
  // The two words in different sentences…
  'Gallium ist ein seltenes Metall. Seit dem Sommer beschränkt China den Export.',
  // …and in one sentence.
  'China beschränkt den Export von Gallium.',
  // A reason.
  'Peking fährt die Lieferungen zurück, weil es Sekundärsanktionen fürchtet.',
  'Peking fährt die Lieferungen zurück.',
];
const terms = (...words: string[]) => new Map(words.map((w) => [analyzer.term(w) ?? '', 1]));
const entry = (id: number, score: number, matched: Map<string, number>): Ranked => ({ id, score, coverage: 1, exactCoverage: 1, matched: new Set(), said: new Set(), terms: matched, describedShare: 0 });
const textOf = (id: number) => TEXTS[id] ?? '';

describe('rerankByProximity', () => {
  it('puts a passage that says the question in one sentence above one that scatters its words', () => {
    const ranked = [entry(0, 1.2, terms('Gallium', 'Export')), entry(1, 1, terms('Gallium', 'Export'))];
    expect(rerankByProximity(ranked, textOf, analyzer, undefined, OPTIONS).map((r) => r.id)).toEqual([1, 0]);
    expect(rerankByProximity(ranked, textOf, analyzer, undefined, { ...OPTIONS, proximityWeight: 0 })).toBe(ranked);
  });

  it('prefers a passage that gives a reason for a why-question, and only then', () => {
    const ranked = [entry(3, 1.5, terms('Lieferungen')), entry(2, 1, terms('Lieferungen'))];
    expect(rerankByProximity(ranked, textOf, analyzer, 'reason', OPTIONS).map((r) => r.id)).toEqual([2, 3]);
    expect(rerankByProximity(ranked, textOf, analyzer, 'date', OPTIONS).map((r) => r.id)).toEqual([3, 2]);
  });

  it('leaves everything below the depth where it was', () => {
    const ranked = [entry(0, 1.2, terms('Gallium', 'Export')), entry(1, 1, terms('Gallium', 'Export')), entry(2, 0.1, terms('Lieferungen'))];
    const reranked = rerankByProximity(ranked, textOf, analyzer, 'reason', { ...OPTIONS, proximityDepth: 2 });
    expect(reranked.map((r) => r.id)).toEqual([1, 0, 2]);
    expect(reranked[2]).toBe(ranked[2]);
  });
});
