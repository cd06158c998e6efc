import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../src/corpus/types.js';
import { buildEngine } from '../../../src/search/engine.js';
import { MAX_PASSAGE_CHARS, splitPassages } from '../../../src/search/index/passages.js';

describe('splitPassages', () => {
  it('keeps a paragraph of normal length whole', () => {
    expect(splitPassages('Ein Satz. Noch ein Satz.')).toEqual(['Ein Satz. Noch ein Satz.']);
  });

  it('splits a long paragraph at sentence boundaries into bounded passages, losing nothing', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Das ist Satz Nummer ${i + 1} über den Handel.`);
    const parts = splitPassages(sentences.join(' '), 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(500);
      expect(part).toMatch(/^Das ist Satz Nummer \d+ .*\.$/u);
    }
    expect(parts.join(' ')).toBe(sentences.join(' '));
  });

  it('cuts a paragraph without sentences at spaces, or hard', () => {
    const words = 'wort '.repeat(1000).trim();
    for (const part of splitPassages(words, 100)) expect(part.length).toBeLessThanOrEqual(100);
    const blob = 'x'.repeat(1050);
    expect(splitPassages(blob, 100).map((p) => p.length)).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50]);
  });
});

describe('an over-long paragraph in the engine', () => {
  it('is answered with the part that matches, numbered as part of its paragraph', () => {
    const filler = 'Dieser Satz handelt von nichts Besonderem. '.repeat(500);
    const text = `${filler}Hier steht das seltene Wort Gallium. ${filler}`;
    const corpus: Corpus = { dir: '/c', skipped: [], articles: [{ file: 'scrape.txt', title: 'Ohne Umbrüche', titleDerived: false, byline: undefined, date: undefined, paragraphs: [{ number: 1, heading: undefined, text }] }] };
    const passage = buildEngine(corpus).search('Gallium').passages[0];
    expect(passage?.paragraph).toBe(1);
    expect(passage?.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(passage?.text).toContain('Gallium');
    expect(passage?.part?.count).toBeGreaterThan(10);
  });
});

describe('proximity', () => {
  it('ranks a passage that says it in one sentence above one with the words scattered', () => {
    const filler = 'Dazwischen steht ein Satz über etwas ganz anderes, lang und ohne Bezug.';
    const corpus: Corpus = {
      dir: '/c',
      skipped: [],
      articles: [
        { file: 'a.txt', title: 'A', titleDerived: false, byline: undefined, date: undefined, paragraphs: [{ number: 1, heading: undefined, text: `Gallium und Gallium. ${filler} Export, Export. ${filler} Kontrolle, Kontrolle.` }] },
        { file: 'b.txt', title: 'B', titleDerived: false, byline: undefined, date: undefined, paragraphs: [{ number: 1, heading: undefined, text: `${filler} Die Kontrolle des Exports von Gallium ist streng. ${filler}` }] },
      ],
    };
    expect(buildEngine(corpus).search('Kontrolle Gallium Export').passages.map((p) => p.file)).toEqual(['b.txt', 'a.txt']);
  });
});
