import type { Lemmas } from '../lexicon/lemmas.js';
import { normalizeWord } from './normalize.js';
import { STEMMERS, type StemmerName } from './stem.js';
import { createStopwords } from './stopwords.js';
import { tokenizeWords, wordsOf, type WordToken } from './tokenize.js';

export interface AnalyzerOptions {
  /** Which stemmer folds inflections. Default `cistem` (chosen on the dev questions). */
  readonly stemmer?: StemmerName;
  /** Words shorter than this are not indexed. Default 2 (drops one-letter tokens). */
  readonly minLength?: number;
  /**
   * Reduce a word the full-form lexicon knows to its lemma before stemming ("Männer" → Mann,
   * "sank" → sinken). Default false: on the tune halves it cost more than it gained, because
   * CISTEM then merges verbs with nouns ("gegründet" → gründen → `grund`, as "Grund"). The
   * lexicon still joins separable verbs in questions (plan.ts).
   */
  readonly lemmatize?: boolean;
}

export const defaultAnalyzerOptions = {
  stemmer: 'cistem',
  minLength: 2,
  lemmatize: false,
} as const satisfies Required<AnalyzerOptions>;

/** A word of a text with the index terms it produces, for highlighting. */
export interface AnalyzedToken {
  readonly start: number;
  readonly end: number;
  /** Index terms of this word (empty for stopwords and one-letter words). */
  readonly terms: readonly string[];
}

const MAX_CACHED_WORDS = 1_000_000;
const HAS_DIGIT = /\p{N}/u;
const HYPHEN = /[-‐‑]/;
const HYPHENS = /[-‐‑]/g;

/**
 * The German analysis shared by indexing and querying: tokenize → normalize → stopwords →
 * stem. Terms are cached per surface form: a corpus repeats a small vocabulary many times,
 * and stemming is the hot spot of a build.
 */
export class Analyzer {
  readonly options: Required<AnalyzerOptions>;
  private readonly stopwords: ReadonlySet<string>;
  private readonly stem: (word: string) => string;
  private readonly cache = new Map<string, string | null>();

  /**
   * `lemmas`: a full-form lexicon (lexicon/lemmas.ts), for joining separable verbs in questions
   * and, with the option `lemmatize`, for reducing the words it knows to their lemma.
   */
  constructor(
    options: AnalyzerOptions = {},
    readonly lemmas?: Lemmas,
  ) {
    this.options = { ...defaultAnalyzerOptions, ...options };
    const stemmer = STEMMERS[this.options.stemmer];
    if (stemmer === undefined) {
      throw new Error(`Quelle: unknown stemmer "${String(this.options.stemmer)}"; use one of ${Object.keys(STEMMERS).join(', ')}`);
    }
    this.stem = stemmer;
    this.stopwords = createStopwords(normalizeWord);
  }

  /**
   * The index term of one word as written, or `null` for stopwords and too-short words.
   * Hyphens are dropped, so "KI-Blase" gives the single term "kiblase".
   */
  term(surface: string): string | null {
    const cached = this.cache.get(surface);
    if (cached !== undefined) return cached;
    const term = this.computeTerm(surface);
    // Bounded, because questions keep bringing new words for as long as the bot runs.
    if (this.cache.size >= MAX_CACHED_WORDS) this.cache.clear();
    this.cache.set(surface, term);
    return term;
  }

  /** All index terms of a text, in order (a hyphenated word gives its whole and its parts). */
  terms(text: string): string[] {
    // The indexing hot path: words without hyphens skip the token objects of tokenizeWords.
    const out: string[] = [];
    for (const surface of wordsOf(text)) {
      const whole = this.term(surface);
      if (whole !== null) out.push(whole);
      if (!HYPHEN.test(surface)) continue;
      for (const part of surface.split(HYPHENS)) {
        const term = part === '' ? null : this.term(part);
        if (term !== null && term !== whole) out.push(term);
      }
    }
    return out;
  }

  /** Words of a text with offsets and terms; hyphenated parts come after their whole. */
  tokens(text: string): AnalyzedToken[] {
    const out: AnalyzedToken[] = [];
    const push = (token: WordToken) => {
      const term = this.term(token.surface);
      out.push({ start: token.start, end: token.end, terms: term === null ? [] : [term] });
    };
    for (const token of tokenizeWords(text)) {
      push(token);
      token.parts.forEach(push);
    }
    return out;
  }

  /** Whether a single word is a stopword (after folding). */
  isStopword(word: string): boolean {
    return this.stopwords.has(normalizeWord(word));
  }

  private computeTerm(surface: string): string | null {
    const folded = normalizeWord(surface.replace(HYPHENS, ''));
    if (folded.length < this.options.minLength || this.stopwords.has(folded)) return null;
    // Numbers and codes ("2024", "128,99", "R1", "K2") are matched as written.
    if (HAS_DIGIT.test(folded)) return folded;
    const lemma = this.options.lemmatize ? this.lemmas?.lemmasOf(folded)?.[0] : undefined;
    return this.stem(lemma ?? folded);
  }
}
