import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { defaultEngineOptions } from '../../../src/search/engine.js';
import { buildBridges } from '../../../src/search/lexicon/bridges.js';
import { indexLexicon } from '../../../src/search/lexicon/lexicon.js';
import { parseLemmas, LEMMA_HEADER } from '../../../src/search/lexicon/lemmas.js';
import { planQuery } from '../../../src/search/plan/plan.js';
import { Vocabulary } from '../../../src/search/index/vocabulary.js';

const analyzer = new Analyzer();
const PARAGRAPHS = [
  'Gerade einmal 30 bis 40 Prozent der benötigten Software kann Russland noch aus eigener Kraft stemmen.',
  'Mehr als die Hälfte der Anwendungen stammt mittlerweile aus China.',
  'Der Import von Maschinen aus China wächst.',
  'Russland und China handeln mehr denn je.',
];

function plan(question: string) {
  const vocabulary = new Vocabulary();
  PARAGRAPHS.forEach((text, i) => vocabulary.addDocumentTerms(i, analyzer.terms(text)));
  vocabulary.freeze();
  // Inline synonym sets in the committed format: index terms, tab-separated.
  const lexicon = indexLexicon({ english: '', synonyms: [['einfuhr', 'impor'], ['inzwisch', 'mittlerweil']].map((set) => set.join('\t')).join('\n') });
  const bridges = buildBridges(lexicon, { documentFrequency: (t) => vocabulary.documentFrequency(t), compoundsWith: () => [] }, { ...defaultEngineOptions, maxBridgeDocFreq: 200 });
  return planQuery(analyzer, vocabulary, bridges, PARAGRAPHS.length, question, { ...defaultEngineOptions, commonDocFreq: 200 });
}

describe('planQuery', () => {
  it('weighs a word the corpus lacks by its bridges, keeping a lowercase word below a noun', () => {
    // "Einfuhr" and "inzwischen" both reach a word of one paragraph ("Import", "mittlerweile");
    // the adverb is how the question is put, the noun what it is about.
    const concepts = plan('Wie viel Einfuhr hat Russland inzwischen?').concepts;
    const weight = (term: string) => concepts.find((c) => c.term === term)?.weight ?? Number.NaN;
    expect(weight('inzwisch') / weight('einfuhr')).toBeCloseTo(defaultEngineOptions.lowercaseWeight);
  });
});

describe('separable verbs in questions', () => {
  // Inline lines as the committed lemma lexicon has them: irregular forms, separable verbs.
  const lemmas = parseLemmas(`${LEMMA_HEADER}\nbrach\tbrechen\nfing\tfangen\n~ein\tbrechen\teinbrechen\n~um\tbenennen\tumbenennen\n~an\tfangen\tanfangen\n`);
  const withLemmas = new Analyzer({}, lemmas);
  const termsOf = (question: string) => {
    const vocabulary = new Vocabulary();
    vocabulary.freeze();
    return planQuery(withLemmas, vocabulary, buildBridges(indexLexicon({ english: '', synonyms: '' }), { documentFrequency: () => 0, compoundsWith: () => [] }, { ...defaultEngineOptions, maxBridgeDocFreq: 200 }), 10, question, { ...defaultEngineOptions, commonDocFreq: 200 }).concepts.map((c) => [c.surface, c.term]);
  };

  it('joins a verb with its particle at the end of the clause, also an irregular form', () => {
    expect(termsOf('Wie benenne ich eine Datei um?')).toContainEqual(['benenne', withLemmas.term('umbenennen')]);
    expect(termsOf('Wann brach der Kurs ein?')).toContainEqual(['brach', withLemmas.term('einbrechen')]);
    expect(termsOf('Wann fing der Krieg an, und wer brach ihn ab?')).toContainEqual(['fing', withLemmas.term('anfangen')]);
  });

  it('joins nothing where the particle does not end a clause, or without the lexicon', () => {
    expect(termsOf('Wie brach er ein Gesetz?')).toContainEqual(['brach', withLemmas.term('brach')]);
    expect(new Analyzer().term('brach')).toBe(withLemmas.term('brach'));
  });
});

