import type { VectorStore } from '../embeddings/vectors.js';
import type { Article, Corpus, SkippedFile } from '../corpus/types.js';
import type { EngineSnapshot } from './index/snapshot.js';

/** A half-open range `[start, end)` of UTF-16 offsets into a passage's `text`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One paragraph that answers a question. */
export interface Passage {
  readonly file: string;
  readonly title: string;
  readonly heading: string | undefined;
  /** 1-based paragraph number within the article; 0 for the byline. */
  readonly paragraph: number;
  /**
   * `byline`: the article's title, author and date, for questions about the article itself
   * ("Wer hat … geschrieben?"); absent for a paragraph.
   */
  readonly kind?: 'byline';
  /** For a paragraph too long to be one passage: which part of it `text` is ("part 2 of 3"). */
  readonly part?: { readonly index: number; readonly count: number };
  readonly text: string;
  readonly score: number;
  /** The words of `text` that matched the question, as they are written there. */
  readonly matched: readonly string[];
  /** Where the matched words stand in `text`, sorted, non-overlapping. */
  readonly highlights: readonly Span[];
  /** The sentence of `text` with the most matched words: the short excerpt. */
  readonly bestSentence: Span;
}

export interface SearchOptions {
  /** How many passages to return at most. Default 5. */
  readonly limit?: number;
  /** How many of the best passages to skip, for paging. Default 0. */
  readonly offset?: number;
  /**
   * The question's vector from the embedding service the passages were embedded with (see
   * Engine.useVectors): the closest passages join the lexical ones. Ignored when the engine has
   * no vectors or the dimensions differ.
   */
  readonly queryVector?: Float32Array;
  /**
   * The question this one follows up on, in a conversation: a short or elliptical question
   * ("und wann?", "what about Alibaba?") borrows its things at a lower weight; one that names
   * things of its own stands on its own (see plan/follow-up.ts).
   */
  readonly context?: string;
}

/** Why an answer has no passages. */
export type AbstainReason =
  /** The question had no searchable words (empty, punctuation, stopwords only). */
  | 'no-terms'
  /** Nothing in the corpus matched well enough to be an answer. */
  | 'no-match';

/**
 * How sure the engine is that its passages answer the question:
 * - `answer`: the best passage covers the question (see decide/decide.ts);
 * - `uncertain`: the question names things the corpus has, but the best passage misses part of
 *   it: the closest passages are shown as such, with what the corpus lacks (`missing`);
 * - `none`: nothing of the question's content is found; no passages.
 */
export type Confidence = 'answer' | 'uncertain' | 'none';

export interface Answer {
  readonly query: string;
  readonly confidence: Confidence;
  readonly passages: readonly Passage[];
  /** Words of the question (as typed) the corpus has nothing for: no match, no bridge. */
  readonly missing: readonly string[];
  /** How many passages passed the relevance bar in all, for paging. */
  readonly total: number;
  /** Set when `passages` is empty on purpose (confidence `none`). */
  readonly abstained: AbstainReason | undefined;
  /** The signals the decision to answer read, for tuning. */
  readonly signals?: AnswerSignals;
}

export interface AnswerSignals {
  /** Share of the question's weight the best passage matches, bridges at their weight. */
  readonly coverage: number;
  /** …through the question's own words only. */
  readonly exactCoverage: number;
  /** Share of the question's weight in words the corpus has nothing for (no match, no bridge). */
  readonly unknownShare: number;
  /** The question was English (its words reach the corpus through the dictionary). */
  readonly english: boolean;
  /**
   * Content (not frame) things of the question that the best passage matches, a thing only its
   * article's title matches counting `titleThingWeight` (so it may be fractional)…
   */
  readonly contentMatched: number;
  /** …of this many. */
  readonly contentWords: number;
  /** Content things the best passage itself says (in its text or heading, not only its title), a measure asked for not counted. */
  readonly contentSaid: number;
  /** The question asks for a quantity ("Wie viele Soldaten…?") and the best passage has none, in figures or words. */
  readonly numberMissing: boolean;
  /** The question names a tool ("mit rsync") that is no page of the corpus, and the best passage does not say it. */
  readonly toolMissing: boolean;
}

export interface EngineStats {
  readonly corpusDir: string;
  readonly articles: number;
  readonly paragraphs: number;
  /** Distinct indexed terms. */
  readonly terms: number;
  readonly skipped: readonly SkippedFile[];
  /** Wall time of load + index, in milliseconds. */
  readonly buildMs: number;
  /** When the build finished (ISO 8601). */
  readonly builtAt: string;
}

/** An article that matches a name typed by a user (file name or title, diacritics ignored). */
export interface ArticleMatch {
  readonly article: Article;
  readonly score: number;
}

/**
 * A built, immutable index over one corpus. A reload builds a new Engine and swaps the
 * reference; an Engine itself never changes.
 */
export interface Engine {
  search(question: string, options?: SearchOptions): Answer;
  /** The article with exactly this source id (`file`), if indexed. Never touches the disk. */
  article(file: string): Article | undefined;
  articles(): readonly Article[];
  /** Articles whose file name or title match `text`, best first; for autocomplete and "did you mean". */
  findArticles(text: string, limit?: number): readonly ArticleMatch[];
  stats(): EngineStats;
  /** The index serialized, for an index cache (see search/index-cache.ts). */
  snapshot(): EngineSnapshot;
  /** The corpus this engine was built from. */
  readonly corpus: Corpus;
  /** Every passage as sent to an embedding service, in passage order: title, heading and text. */
  passageTexts(): string[];
  /** Attaches the passages' vectors (slot i = passage i), before the engine is put in service; undefined detaches. */
  useVectors(store: VectorStore | undefined): void;
  vectors(): VectorStore | undefined;
}
