import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/corpus/types.js';
import { boostArticles } from '../../../src/search/rank/boost.js';
import type { Ranked } from '../../../src/search/rank/rank.js';

const article = (file: string): Article => ({ file, title: file, titleDerived: false, byline: undefined, date: undefined, paragraphs: [] });
const systemctl = article('systemctl.1.txt');
const bootctl = article('bootctl.1.txt');
const ranked = (id: number, score: number): Ranked => ({ id, score, coverage: 0.5, exactCoverage: 0.5, matched: new Set(), said: new Set(), terms: new Map(), describedShare: 0 });
const articleOf = (id: number) => (id < 10 ? bootctl : systemctl);

describe('boostArticles', () => {
  it('weighs the named pages 1 + weight times and ranks again', () => {
    const boosted = boostArticles([ranked(1, 3), ranked(2, 2), ranked(11, 1)], new Set([systemctl]), articleOf, 3);
    expect(boosted.map((r) => [r.id, r.score])).toEqual([[11, 4], [1, 3], [2, 2]]);
  });

  it('changes nothing without a named page or weight', () => {
    const list = [ranked(1, 3), ranked(11, 1)];
    expect(boostArticles(list, new Set(), articleOf, 3)).toEqual(list);
    expect(boostArticles(list, new Set([systemctl]), articleOf, 0)).toEqual(list);
  });
});
