import { describe, expect, it } from 'vitest';
import { passagesOf, sectionsOf } from '../../../src/search/index/documents.js';
import { MAX_PASSAGE_CHARS } from '../../../src/search/index/passages.js';
import { article, CORPUS } from '../fixtures.js';

describe('passagesOf', () => {
  it('numbers every paragraph of the corpus in order, as one passage each', () => {
    const docs = passagesOf(CORPUS);
    expect(docs.map((d) => [d.id, d.article.file, d.paragraph.number, d.part])).toEqual([
      [0, 'handel.txt', 1, undefined],
      [1, 'handel.txt', 2, undefined],
      [2, 'handel.txt', 3, undefined],
      [3, 'krieg.txt', 1, undefined],
      [4, 'krieg.txt', 2, undefined],
    ]);
  });

  it('splits an over-long paragraph into numbered parts of one paragraph', () => {
    const sentence = 'Peking beschränkt die Ausfuhr seltener Metalle nach Russland. ';
    const long = sentence.repeat(Math.ceil((MAX_PASSAGE_CHARS * 2) / sentence.length)).trim();
    const docs = passagesOf({ dir: '/c', skipped: [], articles: [article('lang.txt', 'Lang', [[undefined, long], [undefined, 'Kurz.']])] });
    const parts = docs.filter((d) => d.paragraph.number === 1);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((d) => d.part)).toEqual(parts.map((_, i) => ({ index: i + 1, count: parts.length })));
    expect(parts.every((d) => d.text.length <= MAX_PASSAGE_CHARS)).toBe(true);
    expect(docs.at(-1)).toMatchObject({ id: parts.length, text: 'Kurz.', part: undefined });
  });
});

describe('sectionsOf', () => {
  it('groups paragraphs in a row under one heading of one article', () => {
    expect(sectionsOf(passagesOf(CORPUS)).map((s) => [s.article.file, s.heading, s.paragraphs])).toEqual([
      ['handel.txt', undefined, [0]],
      ['handel.txt', 'Gallium und Germanium', [1, 2]],
      ['krieg.txt', undefined, [3, 4]],
    ]);
  });
});
