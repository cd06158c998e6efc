import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { passagesOf } from '../../../src/search/index/documents.js';
import { presentPage, toPassage } from '../../../src/search/present/passages.js';
import type { Ranked } from '../../../src/search/rank/rank.js';
import { article } from '../fixtures.js';

const analyzer = new Analyzer();
const ESCOBAR = article('escobar.txt', 'Chinas Überschuss', [[undefined, 'China exportiert mehr denn je.'], ['Handel', 'Der Handel mit Russland wächst seit 2022.']], 'Pepe Escobar');
const docs = passagesOf({ dir: '/c', skipped: [], articles: [ESCOBAR] });
const ranked = (id: number, score: number): Ranked => ({ id, score, coverage: 1, exactCoverage: 1, matched: new Set(), said: new Set(), terms: new Map([[analyzer.term('Handel') ?? '', 1]]), describedShare: 0 });
const NO_FOCUS = { concepts: [], named: [], byAuthor: [], aboutArticle: false };
const PAGE = { offset: 0, limit: 5 };

describe('toPassage', () => {
  it('cites the article and paragraph, rounds the score and marks what matched', () => {
    const passage = toPassage(docs[1] as (typeof docs)[number], ranked(1, 1.23456), analyzer, 'date');
    expect(passage).toMatchObject({ file: 'escobar.txt', title: 'Chinas Überschuss', heading: 'Handel', paragraph: 2, text: 'Der Handel mit Russland wächst seit 2022.', score: 1.235, matched: ['Handel'] });
    expect(passage.part).toBeUndefined();
    expect(passage.highlights).toEqual([{ start: 4, end: 10 }]);
  });
});

describe('presentPage', () => {
  it('pages through the ranked passages', () => {
    const all = [ranked(1, 2), ranked(0, 1)];
    expect(presentPage(all, NO_FOCUS, PAGE, docs, analyzer, undefined)).toMatchObject({ total: 2, passages: [{ paragraph: 2 }, { paragraph: 1 }] });
    expect(presentPage(all, NO_FOCUS, { offset: 1, limit: 5 }, docs, analyzer, undefined)).toMatchObject({ total: 2, passages: [{ paragraph: 1 }] });
  });

  it('puts the byline first for a question about an article, at the best score', () => {
    const page = presentPage([ranked(1, 2)], { ...NO_FOCUS, aboutArticle: true }, PAGE, docs, analyzer, undefined);
    expect(page.total).toBe(2);
    expect(page.passages[0]).toMatchObject({ kind: 'byline', paragraph: 0, text: 'Chinas Überschuss — Pepe Escobar', score: 2 });
  });

  it('puts the bylines of the authors asked for first, and after the passages for a question about the author', () => {
    const byAuthor = presentPage([], { ...NO_FOCUS, named: [ESCOBAR], byAuthor: [ESCOBAR] }, PAGE, docs, analyzer, undefined);
    expect(byAuthor.passages.map((p) => p.kind)).toEqual(['byline']);
    const aboutAuthor = presentPage([ranked(1, 2)], { ...NO_FOCUS, named: [ESCOBAR] }, PAGE, docs, analyzer, undefined);
    expect(aboutAuthor.passages.map((p) => p.kind ?? 'paragraph')).toEqual(['paragraph', 'byline']);
  });
});
