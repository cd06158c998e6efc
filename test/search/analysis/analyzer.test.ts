import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { LEMMA_HEADER, parseLemmas } from '../../../src/search/lexicon/lemmas.js';
import { normalizeWord } from '../../../src/search/analysis/normalize.js';
import { cistem } from '../../../src/search/analysis/stem.js';
import { tokenizeWords } from '../../../src/search/analysis/tokenize.js';

const analyzer = new Analyzer();
const term = (word: string) => analyzer.term(word);

describe('normalizeWord', () => {
  it('folds umlauts, ß and accents', () => {
    expect(normalizeWord('Größe')).toBe('grosse');
    expect(normalizeWord('Übernahmen')).toBe('ubernahmen');
    expect(normalizeWord('Café')).toBe('cafe');
  });

  it('folds the keyboard spellings ae, oe, ue, but keeps ue after a vowel or q', () => {
    expect(normalizeWord('Abhaengigkeit')).toBe(normalizeWord('Abhängigkeit'));
    expect(normalizeWord('Groessen')).toBe(normalizeWord('Größen'));
    expect(normalizeWord('fuer')).toBe('fur');
    expect(normalizeWord('Quelle')).toBe('quelle');
    expect(normalizeWord('Steuer')).toBe('steuer');
  });
});

describe('stemming', () => {
  it.each([
    ['Technologien', 'Technologie'],
    ['Sanktionen', 'Sanktion'],
    ['Chinas', 'China'],
    ['Exporte', 'Export'],
    ['Exporten', 'Export'],
    ['Partnerschaften', 'Partnerschaft'],
    ['Abhaengigkeit', 'Abhängigkeit'],
    ['Lieferungen', 'Lieferung'],
  ])('%s meets %s', (a, b) => {
    expect(term(a)).toBe(term(b));
  });

  it('keeps words apart that differ in meaning', () => {
    expect(term('China')).not.toBe(term('Chip'));
    expect(term('Handel')).not.toBe(term('Hand'));
  });

  it('is CISTEM without the ge- prefix rule', () => {
    expect(cistem('gesamtexporte')).toBe('gesamtexpor');
    expect(cistem('aktien')).toBe('aktie');
  });
});

describe('tokenizing', () => {
  it('keeps numbers with their separators and drops one-letter words', () => {
    expect(analyzer.terms('Von 142 auf 128,99 US-Dollar im Jahr 2024, Modell R1 und K2 – a b')).toEqual(
      expect.arrayContaining(['142', '128,99', '2024', 'r1', 'k2']),
    );
    expect(analyzer.terms('a b c')).toEqual([]);
  });

  it('indexes hyphenated compounds whole and as parts', () => {
    expect(analyzer.terms('KI-Blase')).toEqual([term('KIBlase'), term('KI'), term('Blase')]);
    expect(analyzer.terms('Roboterhund-Hersteller')).toEqual([term('Roboterhundhersteller'), term('Roboterhund'), term('Hersteller')]);
  });

  it('does not glue a footnote mark to its word', () => {
    expect(tokenizeWords('CIPS¹ wächst').map((t) => t.surface)).toEqual(['CIPS', 'wächst']);
  });

  it('gives offsets of words and of compound parts', () => {
    const tokens = tokenizeWords('Die KI-Blase');
    expect(tokens.map((t) => [t.surface, t.start, t.end])).toEqual([
      ['Die', 0, 3],
      ['KI-Blase', 4, 12],
    ]);
    expect(tokens[1]?.parts.map((t) => [t.surface, t.start, t.end])).toEqual([
      ['KI', 4, 6],
      ['Blase', 7, 12],
    ]);
  });
});

describe('stopwords', () => {
  it('drops German and English function words, in any spelling', () => {
    expect(analyzer.terms('der die das und für fuer the of and who is')).toEqual([]);
  });

  it('keeps news words that long stopword lists drop', () => {
    expect(analyzer.terms('neue mehr Jahr heute')).toHaveLength(4);
  });
});

describe('Analyzer options', () => {
  it('throws early on an unknown stemmer, with an exact message', () => {
    // @ts-expect-error: testing a bad value from untyped callers
    expect(() => new Analyzer({ stemmer: 'porter' })).toThrow('Quelle: unknown stemmer "porter"; use one of cistem, germanLight, none');
  });
});

describe('lemmatize', () => {
  const lemmas = parseLemmas(`${LEMMA_HEADER}\nmanner\tmann\nsank\tsinken\n`);

  it('reduces a word the full-form lexicon knows to its lemma before stemming, only when asked', () => {
    const lemmatizing = new Analyzer({ lemmatize: true }, lemmas);
    expect(lemmatizing.term('Männer')).toBe(lemmatizing.term('Mann'));
    expect(lemmatizing.term('sank')).toBe(lemmatizing.term('sinken'));
    // Off by default (see AnalyzerOptions.lemmatize): the lexicon only joins separable verbs.
    expect(new Analyzer({}, lemmas).term('Männer')).toBe(new Analyzer().term('Männer'));
  });
});
