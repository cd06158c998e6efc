import MiniSearch, { type Options as MiniSearchOptions } from 'minisearch';
import type { Corpus } from '../../corpus/types.js';
import type { Analyzer } from '../analysis/analyzer.js';
import { passagesOf, sectionsOf, type IndexedDoc, type Section } from './documents.js';
import { checkInternals } from './minisearch-internals.js';
import { SnapshotMismatchError, type EngineSnapshot } from './snapshot.js';
import { titleParts } from './title-parts.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Paragraphs indexed between two pauses of a sliced build: about 25 ms of work, short
 * enough that a bot answering during a reload stays responsive.
 */
export const BUILD_SLICE = 500;

/** How the indexes score: field boosts and the weights of prefix and typo matches. */
export interface IndexOptions {
  readonly boost: { readonly text: number; readonly heading: number; readonly title: number; readonly description: number };
  readonly prefixWeight: number;
  readonly fuzzyWeight: number;
}

/**
 * The corpus, indexed: paragraph text in one MiniSearch index; headings and titles once per
 * section in a second one; and the vocabulary of both, for planning questions.
 */
export interface Indexes {
  readonly docs: readonly IndexedDoc[];
  readonly sections: readonly Section[];
  readonly text: MiniSearch<IndexedDoc>;
  readonly context: MiniSearch<Section>;
  readonly vocabulary: Vocabulary;
}

/**
 * Builds the indexes, or restores them from a snapshot of the same corpus, pausing (yield)
 * after each slice of BUILD_SLICE passages; the caller decides how to pause. Throws
 * SnapshotMismatchError when the snapshot does not fit the corpus.
 */
export function* indexSteps(corpus: Corpus, analyzer: Analyzer, options: IndexOptions, snapshot: EngineSnapshot | undefined): Generator<void, Indexes, void> {
  const vocabulary = snapshot === undefined ? new Vocabulary() : Vocabulary.fromJSON(snapshot.vocabulary);
  const docs = passagesOf(corpus);
  const sections = sectionsOf(docs);
  const searchOptions = {
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    maxFuzzy: 2,
    weights: { prefix: options.prefixWeight, fuzzy: options.fuzzyWeight },
  };
  let nextDoc = 0;
  const textOptions: MiniSearchOptions<IndexedDoc> = {
    fields: ['text'],
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.text) as string,
    tokenize: (text) => {
      const terms = analyzer.terms(text);
      vocabulary.addDocumentTerms(nextDoc++, terms);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { ...searchOptions, boost: { text: options.boost.text } },
  };
  const contextOptions: MiniSearchOptions<Section> = {
    fields: ['heading', 'title', 'description'],
    extractField: (section, field) => {
      if (field === 'id') return section.id as unknown as string;
      if (field === 'heading') return section.heading ?? '';
      const parts = titleParts(section.article.title);
      return field === 'title' ? parts.name : parts.description;
    },
    tokenize: (text) => {
      const terms = analyzer.terms(text);
      vocabulary.addTerms(terms);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { ...searchOptions, boost: { heading: options.boost.heading, title: options.boost.title, description: options.boost.description } },
  };
  let text: MiniSearch<IndexedDoc>;
  let context: MiniSearch<Section>;
  if (snapshot === undefined) {
    text = new MiniSearch<IndexedDoc>(textOptions);
    context = new MiniSearch<Section>(contextOptions);
    checkInternals(text);
    context.addAll(sections);
    for (let start = 0; start < docs.length; start += BUILD_SLICE) {
      text.addAll(docs.slice(start, start + BUILD_SLICE));
      if (start + BUILD_SLICE < docs.length) yield;
    }
  } else {
    text = MiniSearch.loadJS(snapshot.index, textOptions);
    context = MiniSearch.loadJS(snapshot.context, contextOptions);
    checkInternals(text);
    if (text.documentCount !== docs.length || context.documentCount !== sections.length) {
      throw new SnapshotMismatchError(`Quelle: index snapshot has ${text.documentCount} paragraphs, the corpus ${docs.length}`);
    }
  }
  vocabulary.freeze();
  return { docs, sections, text, context, vocabulary };
}

/** The indexes serialized, for the index cache. */
export function snapshotOf(indexes: Indexes, format: string): EngineSnapshot {
  return { format, index: indexes.text.toJSON(), context: indexes.context.toJSON(), vocabulary: indexes.vocabulary.toJSON() };
}
