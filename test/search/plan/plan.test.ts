import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { defaultEngineOptions } from '../../../src/search/engine.js';
import { buildBridges } from '../../../src/search/lexicon/bridges.js';
import { indexLexicon } from '../../../src/search/lexicon/lexicon.js';
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
