import MiniSearch, { type AsPlainObject, type Options as MiniSearchOptions, type SearchOptions } from 'minisearch';
import type { Article, Corpus, Paragraph } from '../corpus/types.js';
import { Analyzer, type AnalyzerOptions } from './analysis/analyzer.js';
import { decide } from './abstain.js';
import { contentThings, isContent } from './content-things.js';
import { answerKind, hasAnswerKind, type AnswerKind } from './answer-kind.js';
import { findArticles } from './find-articles.js';
import { asksAboutArticle, authorIndex, bylineText, isMetaWord, mentionsAuthorship } from './meta.js';
import { highlight } from './highlight.js';
import { buildBridges, NO_BRIDGES } from './lexicon/bridges.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { splitPassages } from './passages.js';
import { planQuery, type Concept } from './query.js';
import type { Answer, AnswerSignals, Engine, EngineStats, Passage, SearchOptions as QuestionOptions } from './types.js';
import { Vocabulary } from './vocabulary.js';

export interface EngineOptions {
  /** Tokenizing, stemming and stopwords. */
  readonly analyzer?: AnalyzerOptions;
  /** Field boosts: a word in a paragraph's heading or article title says less than one in the paragraph. */
  readonly boost?: { readonly text?: number; readonly heading?: number; readonly title?: number };
  /**
   * The share of a question's weight (rare words weigh more) a passage must match to be an
   * answer. Below it the engine abstains rather than return a passage that shares one word.
   */
  readonly minCoverage?: number;
  /** Score weight of a match through a compound of the question word ("Großinvasion" for "Invasion"). */
  readonly compoundWeight?: number;
  /** Score weight of a prefix match ("Vasallenstaat" for "Vasallen"). */
  readonly prefixWeight?: number;
  /** Score weight of a typo match ("DeepSeek" for "Deepsek"). */
  readonly fuzzyWeight?: number;
  /** Score weight of a match of a long unknown word's shortened stem. */
  readonly stemWeight?: number;
  /**
   * Only rare words are widened by prefix and compound matching: words in at most this
   * share of paragraphs, or in at most `maxExpandedDocFreq` of them.
   */
  readonly maxExpandedDocShare?: number;
  readonly maxExpandedDocFreq?: number;
  /** Words shorter than this are not searched as prefixes. */
  readonly minPrefixLength?: number;
  /** Words shorter than this are not searched as the head of compounds. */
  readonly minCompoundHeadLength?: number;
  /** At most this many compounds per question word. */
  readonly maxCompounds?: number;
  /** Unknown words this long get one edit of typo tolerance… */
  readonly minFuzzyLength?: number;
  /** …and this long two edits. */
  readonly minTwoEditLength?: number;
  /** Unknown words this long are also searched by a shortened stem. */
  readonly minTruncateLength?: number;
  /** How strongly coverage of the question scales a passage's score (0: not at all). */
  readonly coverageExponent?: number;
  /** Power of the inverse document frequency in a question word's weight. */
  readonly idfPower?: number;
  /** Wall time of loading, added to the index time in `stats().buildMs`. */
  readonly loadMs?: number;
  /**
   * The English–German dictionary and German synonyms (see search/lexicon/). Without them the
   * engine matches only the words of the question and their forms.
   */
  readonly lexicon?: Lexicon;
  /** Score and coverage weight of a match through a translation of an English word. */
  readonly translationWeight?: number;
  /** …through a synonym or abbreviation ("Einfuhr" for "Import", "EU" for "Europäische Union"). */
  readonly synonymWeight?: number;
  /** …through the parts of a question compound the corpus lacks ("Rohstoff" + "Exporte"). */
  readonly splitWeight?: number;
  /** …through the head of a question compound the corpus lacks ("Hirnchips" → "Chips"). */
  readonly headWeight?: number;
  /** A translation or synonym the corpus lacks reaches its compounds when it has this many letters… */
  readonly minBridgedPartLength?: number;
  /** …at most this many of them, shortest first. */
  readonly maxBridgedCompounds?: number;
  /**
   * A word in more than this share of paragraphs (and more than `commonDocFreq` of them, for
   * small corpora) is common: no translation or synonym leads to it, and a common frame word
   * ("gibt" in 1,700 man-page paragraphs) is not searched. It tells little, and its lookup
   * costs most of a question's time.
   */
  readonly commonDocShare?: number;
  readonly commonDocFreq?: number;
  /** How much a passage gains when what it matches stands in one sentence (0: not at all)… */
  readonly proximityWeight?: number;
  /** …among the best this many. */
  readonly proximityDepth?: number;
  /** Weight factor of frame words ("warum", "gehen", "sagen"): how a question asks, not what about. */
  readonly frameWeight?: number;
  /** Weight factor of lowercase words (verbs, adjectives) in a German question written with capitals. */
  readonly lowercaseWeight?: number;
  /** The best passage must cover this share of the question's weight, or the engine abstains. */
  readonly answerCoverage?: number;
  /** Abstain when words the corpus has nothing for weigh more than this share of the question… */
  readonly maxUnknownShare?: number;
  /** …unless the best passage matches this share of the question's weight as typed. */
  readonly trustedExactCoverage?: number;
  /** A German question must match this share of its weight as typed, not only through synonyms. */
  readonly minGermanExactCoverage?: number;
  /** A question of 2 to this many content words must have more than half of them matched by its best passage (0: no such rule). */
  readonly halfMatchedWords?: number;
  /** A best passage matching this many content things of the question is answered despite unknown or only bridged words (0: off; see abstain.ts). */
  readonly trustedContentThings?: number;
  /**
   * How much a thing counts that only the best passage's article title matches, not its text
   * or heading ("Wie lerne ich am schnellsten Russisch?": "lernen" is in a title). It still
   * counts: a question names the topic once, the paragraph that answers often only the detail.
   */
  readonly titleThingWeight?: number;
  /** How much a passage among the best `proximityDepth` gains for a why-question when it gives a reason ("weil", "wegen"; 0: nothing). */
  readonly reasonWeight?: number;
  /** …through a German word that shares specific English translations ("Gespräch" ~ talk ~ "Unterredung"). */
  readonly paraphraseWeight?: number;
  /** Paraphrases kept per German word… */
  readonly maxParaphrases?: number;
  /** …through English words with at most this many German translations. */
  readonly maxParaphraseFanout?: number;
  /** Translations kept per English word, the corpus's most frequent first. */
  readonly maxTranslations?: number;
  /** Synonyms kept per German word, the most specific first. */
  readonly maxSynonyms?: number;
  /**
   * How much a passage gains by how much of the question its whole article matches (0: not
   * at all): a question names its topic ("Musk", "Putin") once, and the paragraph that
   * answers it often says only the detail asked for.
   */
  readonly articleWeight?: number;
}

export const defaultEngineOptions = {
  analyzer: {},
  boost: { text: 1, heading: 0.6, title: 0.4 },
  minCoverage: 0.2,
  compoundWeight: 0.7,
  prefixWeight: 0.6,
  fuzzyWeight: 0.5,
  stemWeight: 0.4,
  minPrefixLength: 5,
  minCompoundHeadLength: 4,
  maxCompounds: 15,
  minFuzzyLength: 7,
  minTwoEditLength: 9,
  minTruncateLength: 9,
  loadMs: 0,
  coverageExponent: 2,
  maxExpandedDocShare: 0.002,
  maxExpandedDocFreq: 3,
  idfPower: 1,
  translationWeight: 0.8,
  synonymWeight: 0.6,
  splitWeight: 0.7,
  headWeight: 0.5,
  minBridgedPartLength: 5,
  commonDocShare: 0.005,
  proximityWeight: 1,
  proximityDepth: 10,
  commonDocFreq: 200,
  maxBridgedCompounds: 3,
  frameWeight: 0.3,
  lowercaseWeight: 0.6,
  maxTranslations: 6,
  maxSynonyms: 6,
  articleWeight: 1,
  paraphraseWeight: 0.4,
  maxParaphrases: 3,
  maxParaphraseFanout: 12,
  answerCoverage: 0.25,
  maxUnknownShare: 0.3,
  trustedExactCoverage: 0.6,
  minGermanExactCoverage: 0.05,
  halfMatchedWords: 3,
  trustedContentThings: 3,
  titleThingWeight: 0.5,
  reasonWeight: 1,
} as const satisfies Required<Omit<EngineOptions, 'lexicon'>>;

const NONE: ReadonlySet<number> = new Set();

/** How much of a question word a match covers, by the way it matched. */
const MATCH_QUALITY = { exact: 1, prefix: 0.8, compound: 0.8, fuzzy: 0.7, stem: 0.5 } as const;

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

/** One passage: a paragraph, or a part of an over-long one (see passages.ts). */
interface IndexedDoc {
  readonly id: number;
  readonly article: Article;
  readonly paragraph: Paragraph;
  /** The passage's text: the paragraph's, or one part of it. */
  readonly text: string;
  /** Which part, for a paragraph split into several. */
  readonly part: { readonly index: number; readonly count: number } | undefined;
}

/** Paragraphs in a row of one article under one heading. */
interface Section {
  readonly id: number;
  readonly article: Article;
  readonly heading: string | undefined;
  readonly paragraphs: number[];
}

/** One paragraph found for one term: its score, and the index terms that matched. */
interface Hit {
  readonly id: number;
  score: number;
  readonly terms: string[];
  /** Found in the paragraph text, not only in its heading or title. */
  readonly inText: boolean;
  /** Found in the paragraph text or its heading: said by the passage, not only by its article's title. */
  readonly local: boolean;
}

interface DocMatch {
  score: number;
  covered: number;
  /** Matched in the paragraph's own text, not only in its heading or title. */
  textual: boolean;
  /** Matched in the paragraph's text or heading. */
  local: boolean;
  /** Index terms matched in this doc → weight of the concept they stand for. */
  readonly terms: Map<string, number>;
}

/** What all concepts of a question matched in one paragraph. */
interface Combined extends DocMatch {
  /** Weight matched through the question's own words, before bridges. */
  exact: number;
  /** Indexes of the content concepts matched. */
  readonly matched: Set<number>;
  /** …of those matched in the paragraph's text or heading, not only in its article's title. */
  readonly said: Set<number>;
}

/** A paragraph that matched, with the signals the decision to answer reads. */
export interface Ranked {
  readonly id: number;
  readonly score: number;
  /** Share of the question's weight it matches, bridges counted at their weight. */
  readonly coverage: number;
  /** Share of the question's weight it matches through the question's own words. */
  readonly exactCoverage: number;
  /** Indexes of the question's content concepts it matches (see content-things.ts)… */
  readonly matched: ReadonlySet<number>;
  /** …and of those its text or heading says, not only its article's title. */
  readonly said: ReadonlySet<number>;
  readonly terms: Map<string, number>;
}

type RawResults = Map<number, { score: number; match: Record<string, string[]> }>;

/**
 * MiniSearch's unsorted result map, by the document ids we gave. `search()` would sort every
 * result and copy it into a new object: for a common word in 40k paragraphs that is most of
 * the query time, and the engine ranks by its own combined score anyway. `executeQuery` is
 * MiniSearch's own step before that (7.x, pinned in package-lock.json).
 */
function rawSearch<T>(index: MiniSearch<T>, term: string, options: SearchOptions): Map<number, { score: number; match: Record<string, string[]> }> {
  const internals = index as unknown as { executeQuery(query: string, options: SearchOptions): RawResults; _documentIds: Map<number, number> };
  const byId = new Map<number, { score: number; match: Record<string, string[]> }>();
  for (const [shortId, result] of internals.executeQuery(term, options)) byId.set(internals._documentIds.get(shortId) as number, result);
  return byId;
}

/**
 * Paragraphs indexed between two pauses of a sliced build: about 25 ms of work, short
 * enough that a bot answering during a reload stays responsive.
 */
export const BUILD_SLICE = 500;

/** Bumped whenever what a snapshot holds, or how the analyzer reads text, changes. */
export const SNAPSHOT_VERSION = 2;

/**
 * A built index, serialized: both MiniSearch indexes and the vocabulary. The corpus itself
 * is not in it (it is loaded anyway, and the snapshot is only valid for the same corpus).
 */
export interface EngineSnapshot {
  readonly version: number;
  readonly index: AsPlainObject;
  readonly context: AsPlainObject;
  readonly vocabulary: readonly (readonly [string, number])[];
}

/** A snapshot that was made for another corpus or another version. */
export class SnapshotMismatchError extends Error {
  override readonly name = 'SnapshotMismatchError';
}

/** Builds an engine over an already loaded corpus, in one go. */
export function buildEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  return runToEnd(engineSteps(corpus, options, undefined));
}

/**
 * The same engine, built in slices of BUILD_SLICE paragraphs with a turn of the event loop
 * between them: indexing 40k paragraphs takes seconds of CPU, and a bot that blocked that
 * long would miss gateway heartbeats and the 3 s deadline of questions asked meanwhile.
 */
export async function buildEngineInSlices(corpus: Corpus, options: EngineOptions = {}): Promise<Engine> {
  const steps = engineSteps(corpus, options, undefined);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The engine over `corpus` from a snapshot of the same corpus (see Engine.snapshot), without
 * indexing. Throws SnapshotMismatchError when the snapshot does not fit the corpus.
 */
export function restoreEngine(corpus: Corpus, snapshot: EngineSnapshot, options: EngineOptions = {}): Engine {
  if (snapshot.version !== SNAPSHOT_VERSION) throw new SnapshotMismatchError(`Quelle: index snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  return runToEnd(engineSteps(corpus, options, snapshot));
}

/** Runs the steps without pausing. */
function runToEnd(steps: Generator<void, Engine, void>): Engine {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The build, pausing (yield) after each slice; the caller decides how to pause. */
function* engineSteps(corpus: Corpus, options: EngineOptions, snapshot: EngineSnapshot | undefined): Generator<void, Engine, void> {
  const started = performance.now();
  const opts = { ...defaultEngineOptions, ...options, boost: { ...defaultEngineOptions.boost, ...options.boost } };
  if (!(opts.minCoverage >= 0 && opts.minCoverage <= 1)) {
    throw new Error(`Quelle: minCoverage must be between 0 and 1, got ${opts.minCoverage}`);
  }
  const analyzer = new Analyzer(opts.analyzer);
  const vocabulary = snapshot === undefined ? new Vocabulary() : Vocabulary.fromJSON(snapshot.vocabulary);
  const docs: IndexedDoc[] = [];
  for (const article of corpus.articles) {
    for (const paragraph of article.paragraphs) {
      const parts = splitPassages(paragraph.text);
      parts.forEach((text, i) => docs.push({ id: docs.length, article, paragraph, text, part: parts.length > 1 ? { index: i + 1, count: parts.length } : undefined }));
    }
  }

  // Paragraph text goes in one index; headings and titles, which repeat for every
  // paragraph under them, go once per section into a second one. Indexing them per
  // paragraph cost a third of the build time.
  const sections: Section[] = [];
  for (const doc of docs) {
    const last = sections[sections.length - 1];
    if (last !== undefined && last.article === doc.article && last.heading === doc.paragraph.heading) last.paragraphs.push(doc.id);
    else sections.push({ id: sections.length, article: doc.article, heading: doc.paragraph.heading, paragraphs: [doc.id] });
  }
  const searchOptions = {
    tokenize: (text: string) => [text],
    processTerm: (term: string) => term,
    maxFuzzy: 2,
    weights: { prefix: opts.prefixWeight, fuzzy: opts.fuzzyWeight },
  };
  let nextDoc = 0;
  const indexOptions: MiniSearchOptions<IndexedDoc> = {
    fields: ['text'],
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.text) as string,
    tokenize: (text) => {
      const terms = analyzer.terms(text);
      vocabulary.addDocumentTerms(nextDoc++, terms);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { ...searchOptions, boost: { text: opts.boost.text } },
  };
  const contextOptions: MiniSearchOptions<Section> = {
    fields: ['heading', 'title'],
    extractField: (section, field) => (field === 'id' ? section.id : field === 'heading' ? (section.heading ?? '') : section.article.title) as string,
    tokenize: (text) => {
      const terms = analyzer.terms(text);
      vocabulary.addTerms(terms);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { ...searchOptions, boost: { heading: opts.boost.heading, title: opts.boost.title } },
  };
  let index: MiniSearch<IndexedDoc>;
  let contextIndex: MiniSearch<Section>;
  if (snapshot === undefined) {
    index = new MiniSearch<IndexedDoc>(indexOptions);
    contextIndex = new MiniSearch<Section>(contextOptions);
    contextIndex.addAll(sections);
    for (let start = 0; start < docs.length; start += BUILD_SLICE) {
      index.addAll(docs.slice(start, start + BUILD_SLICE));
      if (start + BUILD_SLICE < docs.length) yield;
    }
  } else {
    index = MiniSearch.loadJS(snapshot.index, indexOptions);
    contextIndex = MiniSearch.loadJS(snapshot.context, contextOptions);
    if (index.documentCount !== docs.length || contextIndex.documentCount !== sections.length) {
      throw new SnapshotMismatchError(`Quelle: index snapshot has ${index.documentCount} paragraphs, the corpus ${docs.length}`);
    }
  }
  vocabulary.freeze();
  const common = Math.max(opts.commonDocFreq, docs.length * opts.commonDocShare);
  const planOptions = { ...opts, commonDocFreq: common };
  const bridges =
    opts.lexicon === undefined
      ? NO_BRIDGES
      : buildBridges(
          opts.lexicon,
          {
            documentFrequency: (term) => vocabulary.documentFrequency(term),
            // As the head only (a "Handelskrieg" is a "Krieg"; a "Kriegsschiff" is not), and
            // only words long enough to be a part on their own ("Krieg", not "Rat").
            compoundsWith: (term) =>
              term.length < opts.minBridgedPartLength ? [] : vocabulary.compoundsEndingWith(term, 3, opts.maxBridgedCompounds).filter((t) => vocabulary.documentFrequency(t) > 0),
          },
          { ...opts, maxBridgeDocFreq: common },
        );
  const builtMs = performance.now() - started;
  const stats: EngineStats = {
    corpusDir: corpus.dir,
    articles: corpus.articles.length,
    paragraphs: docs.length,
    terms: vocabulary.size,
    skipped: corpus.skipped,
    buildMs: Math.round(opts.loadMs + builtMs),
    builtAt: new Date().toISOString(),
  };
  const byFile = new Map(corpus.articles.map((article) => [article.file, article]));

  /**
   * Lookups of the question being answered: a word can stand in several concepts and bridges
   * ("Kurs" as a word, a synonym and a translation), and a lookup of a common word is the
   * costly part of a question. Set by `search` for its duration (searches are synchronous).
   */
  let questionLookups: Map<string, Hit[]> | undefined;

  /** Paragraphs matching a term in their text, heading or title; scores of the fields add up. */
  const lookup = (term: string, options: { prefix?: boolean; fuzzy?: number } = {}): Hit[] => {
    const key = `${term}\u0000${options.prefix === true ? 'p' : ''}${options.fuzzy ?? 0}`;
    const known = questionLookups?.get(key);
    if (known !== undefined) return known;
    const found = lookupIndexes(term, options);
    questionLookups?.set(key, found);
    return found;
  };

  const lookupIndexes = (term: string, options: { prefix?: boolean; fuzzy?: number }): Hit[] => {
    const hits = new Map<number, Hit>();
    for (const [id, result] of rawSearch(index, term, options)) {
      hits.set(id, { id, score: result.score, terms: Object.keys(result.match), inText: true, local: true });
    }
    for (const [sectionId, result] of rawSearch(contextIndex, term, options)) {
      const inHeading = Object.values(result.match).some((fields) => fields.includes('heading'));
      for (const id of (sections[sectionId] as Section).paragraphs) {
        const hit = hits.get(id);
        if (hit === undefined) hits.set(id, { id, score: result.score, terms: Object.keys(result.match), inText: false, local: inHeading });
        else hit.score += result.score;
      }
    }
    return [...hits.values()];
  };

  const collect = (matches: Map<number, DocMatch>, concept: Concept, results: Hit[], weight: number, quality: number) => {
    for (const result of results) {
      const id = result.id;
      let match = matches.get(id);
      if (match === undefined) {
        match = { score: 0, covered: 0, textual: false, local: false, terms: new Map() };
        matches.set(id, match);
      }
      match.score = Math.max(match.score, result.score * weight);
      match.covered = Math.max(match.covered, quality);
      if (result.inText) match.textual = true;
      if (result.local) match.local = true;
      // Frame words ("gibt", "wann") are not what the reader looks for: not marked in the excerpt.
      if (!concept.frame) for (const term of result.terms) match.terms.set(term, concept.weight);
    }
  };

  /** Paragraphs that hold every term of a phrase; the score is their mean. */
  const lookupPhrase = (terms: readonly string[]): Hit[] => {
    if (terms.length === 1) return lookup(terms[0] as string);
    let found: Map<number, Hit> | undefined;
    for (const term of terms) {
      const next = new Map<number, Hit>();
      for (const hit of lookup(term)) {
        if (found === undefined) next.set(hit.id, { ...hit, terms: [...hit.terms] });
        else {
          const before = found.get(hit.id);
          if (before !== undefined) next.set(hit.id, { id: hit.id, score: before.score + hit.score, terms: [...before.terms, ...hit.terms], inText: before.inText || hit.inText, local: before.local || hit.local });
        }
      }
      found = next;
    }
    return [...(found ?? new Map<number, Hit>()).values()].map((hit) => ({ ...hit, score: hit.score / terms.length }));
  };

  const authors = authorIndex(analyzer, corpus.articles);

  /** Every paragraph that matches a concept, scored and with its signals. */
  const rank = (concepts: readonly Concept[]): { ranked: Ranked[]; unknownShare: number } => {
    const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
    let unknownWeight = 0;
    const combined = new Map<number, Combined>();
    // Per article, the best coverage of each concept by any of its paragraphs.
    const byArticle = new Map<Article, number>();
    for (const [index, concept] of concepts.entries()) {
      // A common measure word ("lang" in 2,000 man pages) is kept to count what the question
      // asks for (see content-things.ts), not looked up: it would weigh next to nothing, and a
      // common word's lookup is the costly part of a question.
      if (concept.measure && vocabulary.documentFrequency(concept.term) > common) continue;
      const matches = new Map<number, DocMatch>();
      for (const result of lookup(concept.term, { prefix: concept.prefix, fuzzy: concept.fuzzy })) {
        const exact = result.terms.includes(concept.term);
        const quality = exact ? MATCH_QUALITY.exact : result.terms.some((t) => t.startsWith(concept.term)) ? MATCH_QUALITY.prefix : MATCH_QUALITY.fuzzy;
        collect(matches, concept, [result], 1, quality);
      }
      for (const compound of concept.compounds) {
        collect(matches, concept, lookup(compound), opts.compoundWeight, MATCH_QUALITY.compound);
      }
      for (const base of concept.related) {
        collect(matches, concept, lookup(base, { prefix: base.length >= opts.minPrefixLength }), opts.stemWeight, MATCH_QUALITY.stem);
      }
      if (concept.stem !== undefined) {
        collect(matches, concept, lookup(concept.stem, { prefix: true }), opts.stemWeight, MATCH_QUALITY.stem);
      }
      // What the question's own word matched, before any bridge: the "exact" signal.
      const direct = new Map<number, number>();
      for (const [id, match] of matches) direct.set(id, match.covered);
      for (const alternative of concept.alternatives) {
        collect(matches, concept, lookupPhrase(alternative.terms), alternative.weight, alternative.weight);
      }
      if (matches.size === 0 && !concept.frame) unknownWeight += concept.weight;
      if (opts.articleWeight > 0) {
        const best = new Map<Article, number>();
        for (const [id, match] of matches) {
          const article = (docs[id] as IndexedDoc).article;
          best.set(article, Math.max(best.get(article) ?? 0, match.covered));
        }
        for (const [article, covered] of best) byArticle.set(article, (byArticle.get(article) ?? 0) + concept.weight * covered);
      }
      for (const [id, match] of matches) {
        const entry = combined.get(id) ?? { score: 0, covered: 0, exact: 0, matched: new Set<number>(), said: new Set<number>(), textual: false, local: false, terms: new Map<string, number>() };
        if (isContent(concept)) {
          entry.matched.add(index);
          if (match.local) entry.said.add(index);
        }
        entry.score += match.score;
        entry.covered += concept.weight * match.covered;
        entry.exact += concept.weight * (direct.get(id) ?? 0);
        entry.textual ||= match.textual;
        for (const [term, weight] of match.terms) entry.terms.set(term, weight);
        combined.set(id, entry);
      }
    }
    const ranked: Ranked[] = [];
    for (const [id, entry] of combined) {
      const coverage = entry.covered / totalWeight;
      // A passage must itself say one of the words, not just sit under a matching title.
      if (coverage < opts.minCoverage || !entry.textual) continue;
      // Coverage scales the score: a passage with every word of the question beats one
      // that repeats a single word often.
      const articleCoverage = (byArticle.get((docs[id] as IndexedDoc).article) ?? 0) / totalWeight;
      ranked.push({ id, score: entry.score * coverage ** opts.coverageExponent * (1 + opts.articleWeight * articleCoverage ** opts.coverageExponent), coverage, exactCoverage: entry.exact / totalWeight, matched: entry.matched, said: entry.said, terms: entry.terms });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    return { ranked, unknownShare: totalWeight > 0 ? unknownWeight / totalWeight : 0 };
  };

  /**
   * The best few, re-ranked by how much of what they match stands in one sentence: a question
   * asks about one statement, and a paragraph that says it in one sentence answers it better
   * than one that has its words scattered. A why-question also prefers a passage that gives a reason.
   */
  const rerankByProximity = (ranked: Ranked[], kind?: AnswerKind): Ranked[] => {
    if (opts.proximityWeight === 0 || ranked.length < 2) return ranked;
    const head = ranked.slice(0, opts.proximityDepth).map((entry) => {
      const text = (docs[entry.id] as IndexedDoc).text;
      const share = highlight(analyzer, text, entry.terms).sentenceShare;
      // "Warum…?" is answered by a passage that gives a reason ("weil", "wegen", "führt dazu").
      const boost = kind === 'reason' && hasAnswerKind(text, kind) ? 1 + opts.reasonWeight : 1;
      return { ...entry, score: entry.score * (1 + opts.proximityWeight * share) * boost };
    });
    head.sort((a, b) => b.score - a.score || a.id - b.id);
    return [...head, ...ranked.slice(opts.proximityDepth)];
  };

  const toPassage = ({ id, score, terms }: Ranked, kind: AnswerKind | undefined, marked = highlight(analyzer, (docs[id] as IndexedDoc).text, terms, kind)): Passage => {
    const { article, paragraph, text, part } = docs[id] as IndexedDoc;
    return {
      file: article.file,
      title: article.title,
      heading: paragraph.heading,
      paragraph: paragraph.number,
      ...(part === undefined ? {} : { part }),
      text,
      score: Math.round(score * 1000) / 1000,
      matched: marked.matched,
      highlights: marked.highlights,
      bestSentence: marked.bestSentence,
    };
  };

  const bylinePassage = (article: Article, score: number): Passage => {
    const text = bylineText(article);
    return { file: article.file, title: article.title, heading: undefined, paragraph: 0, kind: 'byline', text, score, matched: [], highlights: [], bestSentence: { start: 0, end: text.length } };
  };

  const search = (question: string, searchOptions: QuestionOptions = {}): Answer => {
    questionLookups = new Map();
    try {
      return answer(question, searchOptions);
    } finally {
      questionLookups = undefined;
    }
  };

  const answer = (question: string, searchOptions: QuestionOptions): Answer => {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(searchOptions.limit ?? DEFAULT_LIMIT)));
    const offset = Math.max(0, Math.floor(searchOptions.offset ?? 0));
    const plan = planQuery(analyzer, vocabulary, bridges, docs.length, question, planOptions);
    const aboutArticle = asksAboutArticle(question);
    // Author names are metadata (the byline), and in the notes on the authors at most.
    const named = [...new Set(plan.concepts.flatMap((c) => authors.get(c.term) ?? []))];
    // An author's name with nothing else to look for ("Pavel Lokshin", "Artikel von Escobar",
    // "Worüber schreibt Escobar?") asks for their articles; a question about the author
    // ("Was macht Pavel Lokshin beruflich?") is answered from the text, where a note on the
    // authors may stand.
    const topical = plan.concepts.filter((c) => !(aboutArticle && isMetaWord(c.surface)));
    const rest = topical.filter((c) => !authors.has(c.term));
    const byAuthor = named.length > 0 && (aboutArticle || mentionsAuthorship(question) || rest.every((c) => c.frame || isMetaWord(c.surface))) ? named : [];
    const concepts = byAuthor.length > 0 ? rest : topical;
    if (concepts.length === 0 && byAuthor.length === 0) return { query: question, passages: [], total: 0, abstained: 'no-terms' };

    const { ranked: byScore, unknownShare } = concepts.length === 0 ? { ranked: [], unknownShare: 0 } : rank(concepts);
    const kind = answerKind(question);
    const ranked = rerankByProximity(byScore, kind);
    const best = ranked[0];
    const bestText = best === undefined ? '' : (docs[best.id] as IndexedDoc).text;
    const things = contentThings(concepts, best === undefined ? NONE : best.matched, bestText);
    // A thing only the article's title matches counts half: the passage itself does not say it.
    const said = contentThings(concepts, best === undefined ? NONE : best.said, bestText).matched;

    // Highlighted once: its best sentence is a signal, and it is usually the first passage shown.
    const bestMarked = best === undefined ? undefined : highlight(analyzer, bestText, best.terms, kind);
    const signals: AnswerSignals = {
      coverage: best?.coverage ?? 0,
      exactCoverage: best?.exactCoverage ?? 0,
      unknownShare,
      english: plan.english,
      contentMatched: said + opts.titleThingWeight * (things.matched - said),
      contentWords: things.things,
      margin: best === undefined ? 0 : best.score / Math.max(ranked[1]?.score ?? 0, 1e-9),
      sameSentence: bestMarked?.sentenceShare ?? 0,
    };
    // A question that names an author of the corpus is about the corpus, even when its other
    // words find nothing ("Was macht Pavel Lokshin beruflich?"): it gets the passages on them
    // and their bylines.
    const answered = named.length > 0 || decide(signals, opts).answer;
    if (!answered) return { query: question, passages: [], total: 0, abstained: 'no-match', signals };

    // The byline first: of the authors asked for, or of the article the best passage is from;
    // after the passages for a question about the authors themselves.
    const bylineArticles = byAuthor.length > 0 ? byAuthor : aboutArticle && ranked[0] !== undefined ? [(docs[ranked[0].id] as IndexedDoc).article] : [];
    const top = ranked[0]?.score ?? 1;
    const all: (Ranked | Article)[] = byAuthor.length === 0 && named.length > 0 ? [...ranked, ...named] : [...bylineArticles, ...ranked];
    const passages = all.slice(offset, offset + limit).map((entry) => ('id' in entry ? toPassage(entry, kind, entry === best ? bestMarked : undefined) : bylinePassage(entry, Math.round(top * 1000) / 1000)));
    return { query: question, passages, total: all.length, abstained: undefined, signals };
  };

  return {
    corpus,
    search,
    article: (file) => byFile.get(file),
    articles: () => corpus.articles,
    findArticles: (text, limit) => findArticles(corpus.articles, text, limit),
    stats: () => stats,
    snapshot: () => ({ version: SNAPSHOT_VERSION, index: index.toJSON(), context: contextIndex.toJSON(), vocabulary: vocabulary.toJSON() }),
  };
}
