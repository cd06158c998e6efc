/**
 * The answer engine, assembled from its stages. Data flows left to right:
 *
 *   question ─ plan ─ retrieve ─ rank ─ decide ─ present
 *
 * - analysis/  text → terms (tokenize, normalize, stem), sentences, highlights
 * - index/     corpus → passages, MiniSearch indexes and vocabulary; snapshot
 * - plan/      question → weighted concepts with alternatives; questions about articles
 * - retrieve/  concepts → per-concept matches (lexical.ts: the MiniSearch indexes)
 * - rank/      matches → scored passages; re-ranked by proximity
 * - decide/    signals → answer or abstain
 * - present/   ranked passages → the page the reader sees
 *
 * Every tuning constant is in defaults.ts.
 */
import type { Corpus } from '../corpus/types.js';
import { Analyzer } from './analysis/analyzer.js';
import { highlight } from './analysis/highlight.js';
import { answerKind } from './analysis/answer-kind.js';
import { confidenceOf, decide, rankingConfidence } from './decide/decide.js';
import { signalsOf } from './decide/signals.js';
import { DEFAULT_LIMIT, MAX_LIMIT, resolveOptions, type EngineOptions, type ResolvedOptions } from './defaults.js';
import { findArticles } from './find-articles.js';
import { leadPassages } from './index/leads.js';
import type { IndexedDoc } from './index/documents.js';
import { indexSteps, snapshotOf, type Indexes } from './index/indexes.js';
import { indexFormat, SnapshotMismatchError, type EngineSnapshot } from './index/snapshot.js';
import { buildBridges, NO_BRIDGES, type Bridges } from './lexicon/bridges.js';
import { authorIndex, focusOnArticles } from './plan/meta.js';
import { planQuery, type Concept } from './plan/plan.js';
import { discountBorrowed, planFollowUp, type FollowUpPlan } from './plan/follow-up.js';
import type { ConceptMatches } from './retrieve/retriever.js';
import { presentPage } from './present/passages.js';
import { rank, type Ranked, type Ranking } from './rank/rank.js';
import { rerankByProximity } from './rank/proximity.js';
import { boostArticles } from './rank/boost.js';
import { liftLeads } from './rank/lead.js';
import { namedPages, pageNameIndex } from './plan/page-names.js';
import { englishBase } from './lexicon/english.js';
import { fuseRankings } from './rank/fuse.js';
import { hybridConfidence } from './decide/hybrid.js';
import { embeddingText } from './index/embedding-text.js';
import type { ScoredSlot, VectorStore } from '../embeddings/vectors.js';
import { lexicalRetriever } from './retrieve/lexical.js';
import type { Answer, AnswerSignals, Confidence, Engine, EngineStats, SearchOptions } from './types.js';

/** Passages judged before saying that the corpus has nothing of a question (see rankingConfidence). */
const NONE_DEPTH = 3;

export { BUILD_SLICE } from './index/indexes.js';
export { defaultEngineOptions, type EngineOptions } from './defaults.js';
export { SnapshotMismatchError, type EngineSnapshot } from './index/snapshot.js';

const NOTHING_RANKED: Ranking = { ranked: [], unknownShare: 0, unmatched: [] };

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
 * indexing. Throws SnapshotMismatchError when the snapshot does not fit the corpus or was made
 * by another index format (other analysis code or options).
 */
export function restoreEngine(corpus: Corpus, snapshot: EngineSnapshot, options: EngineOptions = {}): Engine {
  const format = indexFormat(options.analyzer, options.lemmas);
  if (snapshot.format !== format) throw new SnapshotMismatchError(`Quelle: index snapshot format ${snapshot.format}, expected ${format}`);
  return runToEnd(engineSteps(corpus, options, snapshot));
}

/** Runs the steps without pausing. */
function runToEnd(steps: Generator<void, Engine, void>): Engine {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Builds (or restores) the indexes, pausing after each slice, then assembles the engine. */
function* engineSteps(corpus: Corpus, options: EngineOptions, snapshot: EngineSnapshot | undefined): Generator<void, Engine, void> {
  const started = performance.now();
  const opts = resolveOptions(options);
  const analyzer = new Analyzer(opts.analyzer, opts.lemmas);
  const indexes = yield* indexSteps(corpus, analyzer, opts, snapshot);
  const { vocabulary } = indexes;
  const common = Math.max(opts.commonDocFreq, indexes.docs.length * opts.commonDocShare);
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
  const stats: EngineStats = {
    corpusDir: corpus.dir,
    articles: corpus.articles.length,
    paragraphs: indexes.docs.length,
    terms: vocabulary.size,
    skipped: corpus.skipped,
    buildMs: Math.round(opts.loadMs + performance.now() - started),
    builtAt: new Date().toISOString(),
  };
  return assemble(corpus, indexes, analyzer, bridges, { ...opts, commonDocFreq: common }, stats);
}

/** The engine over built indexes: a question runs through plan, retrieve, rank, decide and present. */
function assemble(corpus: Corpus, indexes: Indexes, analyzer: Analyzer, bridges: Bridges, opts: ResolvedOptions, stats: EngineStats): Engine {
  const { docs, vocabulary } = indexes;
  const doc = (id: number) => docs[id] as IndexedDoc;
  const articleOf = (id: number) => doc(id).article;
  const leads = leadPassages(docs);
  const textOf = (id: number) => doc(id).text;
  const retriever = lexicalRetriever(indexes, opts);
  const authors = authorIndex(analyzer, corpus.articles);
  const byFile = new Map(corpus.articles.map((article) => [article.file, article]));
  const pages = pageNameIndex(corpus.articles);
  const isPageName = (word: string): boolean => pages.has(word);
  /**
   * A word the question uses as a word, not as a command, even where a page is called so: a
   * stopword ("du"), or an English word in an English question ("less" in "Why does Beijing
   * want to buy less energy?"). An English command in a German question ("wie mount ich…") is
   * a command. (German words are not checked: the thesaurus knows "Test", "Zeit" and "Kill"
   * too, and on the tune half dropping them cost more man-page questions than it saved.)
   */
  const isLanguageWord = (word: string, english: boolean): boolean =>
    analyzer.isStopword(word) || (english && opts.lexicon !== undefined && opts.lexicon.translations(englishBase(word)).length > 0);

  /** Passage vectors from an embedding service, once attached (see useVectors). */
  let vectors: VectorStore | undefined;
  const denseHits = (queryVector: Float32Array | undefined): ScoredSlot[] =>
    queryVector === undefined || vectors === undefined || vectors.count === 0 || queryVector.length !== vectors.dimension ? [] : vectors.topK(queryVector, opts.denseDepth);

  /** A follow-up's concepts with what it borrows of the earlier question (see plan/follow-up.ts). */
  const followUpOf = (own: Concept[], context: string | undefined): FollowUpPlan => {
    if (context === undefined || context.trim() === '') return { concepts: own, borrowed: new Set() };
    const earlier = planQuery(analyzer, vocabulary, bridges, docs.length, context, opts);
    return planFollowUp(own, earlier.concepts, (term) => vocabulary.documentFrequency(term), opts);
  };

  const search = (question: string, options: SearchOptions = {}): Answer => {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const plan = planQuery(analyzer, vocabulary, bridges, docs.length, question, opts);
    const followUp = followUpOf(plan.concepts, options.context);
    const focus = focusOnArticles(question, followUp.concepts, authors);
    const { concepts, named, byAuthor } = focus;
    if (concepts.length === 0 && byAuthor.length === 0) return { query: question, confidence: 'none', passages: [], missing: [], total: 0, abstained: 'no-terms' };

    const retrieved = (): readonly (ConceptMatches | undefined)[] => discountBorrowed(concepts, retriever.retrieve(concepts), followUp.borrowed, opts.followUpWeight);
    const { ranked: byScore, unknownShare, unmatched }: Ranking = concepts.length === 0 ? NOTHING_RANKED : rank(concepts, retrieved(), articleOf, opts);
    // A borrowed word the corpus lacks is not one the reader asked for just now.
    const missing = [...new Set(unmatched.filter((i) => !followUp.borrowed.has(concepts[i] as Concept)).map((i) => concepts[i]?.surface ?? ''))];
    const kind = answerKind(question);
    const onNamedPages = boostArticles(liftLeads(byScore, (id) => leads.has(id), opts.leadWeight), namedPages(question, pages, (word) => isLanguageWord(word, plan.english)), articleOf, opts.namedPageWeight);
    const lexical = rerankByProximity(onNamedPages, textOf, analyzer, kind, opts);
    const best = lexical[0];
    /** The signals of a passage as if it were the best (see decide/signals.ts). */
    const signalsFor = (passage: Ranked | undefined): AnswerSignals => {
      const text = passage === undefined ? '' : textOf(passage.id);
      const sentence = (): string => {
        if (passage === undefined) return '';
        const { start, end } = highlight(analyzer, text, passage.terms, 'number').bestSentence;
        return text.slice(start, end);
      };
      return signalsOf({ concepts, best: passage, bestText: text, bestSentence: sentence, unknownShare, english: plan.english, question, isPageName }, opts.titleThingWeight);
    };
    const signals = signalsFor(best);
    /** The confidences of the first passages, each judged as if it were the best: see rankingConfidence. */
    function* judgements(): Generator<Confidence> {
      yield confidenceOf(decide(signals, opts), signals, opts.uncertainThings);
      for (const next of lexical.slice(1, NONE_DEPTH)) {
        const nextSignals = signalsFor(next);
        yield confidenceOf(decide(nextSignals, opts), nextSignals, opts.uncertainThings);
      }
    }
    // A question that names an author of the corpus is about the corpus, even when its other
    // words find nothing ("Was macht Pavel Lokshin beruflich?"): it gets the passages on them
    // and their bylines.
    let confidence: Confidence = named.length > 0 ? 'answer' : rankingConfidence(judgements());
    let ranked = lexical;
    // With the question's vector (an embedding service, see embeddings/), the passages closest
    // in meaning join the lexical ones by rank fusion, and the two rankings decide together.
    const dense = denseHits(options.queryVector);
    let unsaid = missing;
    if (dense.length > 0) {
      confidence = hybridConfidence(confidence, best?.id, dense, opts);
      ranked = fuseRankings(lexical, dense, opts);
      // The service found a passage close in meaning: the words no passage has are not "nothing in the corpus".
      if ((dense[0]?.score ?? 0) >= opts.denseUncertainSimilarity) unsaid = [];
    }
    if (confidence === 'none') return { query: question, confidence, passages: [], missing: unsaid, total: 0, abstained: 'no-match', signals };
    const { passages, total } = presentPage(ranked, focus, { offset, limit }, docs, analyzer, kind);
    return { query: question, confidence, passages, missing: unsaid, total, abstained: undefined, signals };
  };

  return {
    corpus,
    search,
    article: (file) => byFile.get(file),
    articles: () => corpus.articles,
    findArticles: (text, limit) => findArticles(corpus.articles, text, limit),
    stats: () => stats,
    snapshot: () => snapshotOf(indexes, indexFormat(opts.analyzer, opts.lemmas)),
    passageTexts: () => docs.map(embeddingText),
    useVectors: (store) => {
      if (store !== undefined && store.size !== docs.length) throw new Error(`Quelle: ${store.size} passage vectors for ${docs.length} passages`);
      vectors = store;
    },
    vectors: () => vectors,
  };
}
