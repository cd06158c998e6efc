/** Realistic inline fixtures shared by the tests of the search stages. */
import type { Article, Corpus } from '../../src/corpus/types.js';
import { Analyzer } from '../../src/search/analysis/analyzer.js';
import { indexSteps, type Indexes } from '../../src/search/index/indexes.js';
import type { Concept } from '../../src/search/plan/plan.js';

/** A question word as the planner makes it; tests set what their stage reads. */
export function concept(surface: string, fields: Partial<Concept> = {}): Concept {
  return {
    term: surface.toLowerCase(),
    weight: 1,
    prefix: false,
    fuzzy: 0,
    compounds: [],
    stem: undefined,
    related: [],
    alternatives: [],
    surface,
    english: surface.toLowerCase(),
    frame: false,
    emphasis: 1,
    measure: false,
    unit: 0,
    tool: false,
    ...fields,
  };
}

export function article(file: string, title: string, paragraphs: readonly (readonly [string | undefined, string])[], byline?: string): Article {
  return { file, title, titleDerived: false, byline, date: undefined, paragraphs: paragraphs.map(([heading, text], i) => ({ number: i + 1, heading, text })) };
}

/** Two short articles in the style of the seeds: a heading over two of the paragraphs. */
export const CORPUS: Corpus = {
  dir: '/corpus',
  skipped: [],
  articles: [
    article('handel.txt', 'Chinas Handel mit Russland', [
      [undefined, 'Die USA machen weniger als 10 Prozent der chinesischen Gesamtexporte aus.'],
      ['Gallium und Germanium', 'Peking beschränkt die Ausfuhr seltener Metalle. Russland bekommt weniger Lieferungen.'],
      ['Gallium und Germanium', 'Die Preise steigen seit dem Sommer.'],
    ]),
    article('krieg.txt', 'Der Krieg und die Wirtschaft', [
      [undefined, 'China ist nach der russischen Großinvasion der Ukraine in eine neue Rolle geschlüpft.'],
      [undefined, 'Russland droht zum Vasallenstaat Chinas zu werden, weil es auf Lieferungen angewiesen ist.'],
    ]),
  ],
};

/** The indexes of a corpus, built in one go with the default boosts. */
export function indexed(corpus: Corpus = CORPUS, analyzer = new Analyzer()): Indexes {
  const steps = indexSteps(corpus, analyzer, { boost: { text: 1, heading: 0.6, title: 0.4, description: 1 }, prefixWeight: 0.6, fuzzyWeight: 0.5 }, undefined);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
