import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { Vocabulary } from '../../../src/search/index/vocabulary.js';

const analyzer = new Analyzer();
const terms = (text: string) => analyzer.terms(text);

/** Paragraphs in the style of the seeds, one document each. */
function vocabularyOf(...paragraphs: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  paragraphs.forEach((text, doc) => vocabulary.addDocumentTerms(doc, terms(text)));
  vocabulary.freeze();
  return vocabulary;
}

const NEWS = vocabularyOf(
  'Russland bleibt toxisch, in manchen Bereichen wie dem Bankensektor auch für China.',
  'Der Sektor wächst, die Gazprombank auch.',
  'Bereits im Juli 2023 wurden Exportkontrollen für Gallium verhängt; die Kontrolle ist streng.',
  'Ein Bankrott droht nicht.',
  'Der Aktienkurs fiel, der Kurs der Aktie auch.',
);
const term = (word: string) => analyzer.term(word) as string;

describe('Vocabulary', () => {
  it('counts each paragraph once per term', () => {
    const vocabulary = vocabularyOf('Bank und Bank', 'Bank');
    expect(vocabulary.documentFrequency(term('Bank'))).toBe(2);
    expect(vocabulary.documentFrequency(term('Sektor'))).toBe(0);
  });

  it('finds compounds with a word as their head', () => {
    expect(NEWS.compoundsEndingWith(term('Bank'), 3, 10)).toEqual([term('Gazprombank')]);
  });

  it('finds compounds with a word as their first part, when the rest is a word of the corpus', () => {
    expect(NEWS.compoundsStartingWith(term('Banken'), 10)).toEqual([term('Bankensektor')]);
    expect(NEWS.compoundsStartingWith(term('Export'), 10)).toEqual([term('Exportkontrollen')]);
    // "Bankrott" is no bank: "rott" is not a word of the corpus.
    expect(NEWS.compoundsStartingWith(term('Bank'), 10)).not.toContain(term('Bankrott'));
  });

  it('finds the compound of two words', () => {
    expect(NEWS.compoundsOf(term('Aktie'), term('Kurs'), 10)).toEqual([term('Aktienkurs')]);
  });
});
