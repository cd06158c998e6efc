import type { AnalyzerOptions } from './analysis/analyzer.js';
import type { Lemmas } from './lexicon/lemmas.js';
import type { Lexicon } from './lexicon/lexicon.js';

/**
 * Every tuning constant of the engine, named and documented in one place. Options given to
 * `buildEngine` are merged over `defaultEngineOptions`; `npm run tune` tries values on the
 * tune half of eval/questions.json.
 */
export interface EngineOptions {
  /** Tokenizing, stemming and stopwords. */
  readonly analyzer?: AnalyzerOptions;
  /**
   * Field boosts: a word in a paragraph's heading or article title says less than one in the
   * paragraph. A reference page's description (`cp(1): cp - Dateien und Verzeichnisse
   * kopieren`, see index/title-parts.ts) counts like the paragraph's own words: it says what
   * every option paragraph of the page is about. A news headline does not, and stays at 0.4:
   * on the tune halves, every title at 1 lifted the man pages (hit@3 0.25 → 0.29) and lowered
   * the news beside them (0.83 → 0.81); the description alone at 1 lifted the man pages
   * (page@3 0.52 → 0.56) and left the news as they were.
   */
  readonly boost?: { readonly text?: number; readonly heading?: number; readonly title?: number; readonly description?: number };
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
  /** The full-form lexicon (see lexicon/lemmas.ts): words it knows are reduced to their lemma before stemming. */
  readonly lemmas?: Lemmas;
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
  /**
   * Bridge to a word too common in paragraphs through titles and headings alone: "Ordner"
   * finds "cp - Dateien und Verzeichnisse kopieren", though "Verzeichnis" is in 2,000 man-page
   * paragraphs (see `commonDocShare`).
   */
  readonly contextBridges?: boolean;
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
  /**
   * A question the engine does not answer is still shown its closest passages, as uncertain,
   * when the best passage itself says this many of its things (0: never; see decide.ts).
   */
  readonly uncertainThings?: number;
  /**
   * A question that asks for a quantity ("Wie viele Soldaten…?") is answered only by a passage
   * with one, in figures or words; otherwise the passages are shown as uncertain.
   */
  readonly checkNumbers?: boolean;
  /**
   * A German question that names a tool in lowercase that no lexicon knows and the corpus has no
   * page for ("mit rsync", "mit ffmpeg") is answered only by a passage that says it; otherwise
   * the passages are shown as uncertain.
   */
  readonly checkTools?: boolean;
  /**
   * How much more the passages of a page weigh that the question names by its command ("mit
   * systemctl", "ssh x11 forwarding"; see plan/page-names.ts): 0 for no such boost.
   */
  readonly namedPageWeight?: number;
  /**
   * How much more a reference page's lead passage weighs (its first under BESCHREIBUNG: what the
   * tool does) when the page's description says one of the question's own words (see
   * rank/lead.ts): 0 for no such weight.
   */
  readonly leadWeight?: number;
  /** Passages the embedding service's ranking contributes to the fusion (see rank/fuse.ts). */
  readonly denseDepth?: number;
  /** Reciprocal rank fusion's constant. */
  readonly fusionK?: number;
  /** Similarity at which the service's best passage is an answer, when the lexical ranking agrees (see decide/hybrid.ts)… */
  readonly denseAnswerSimilarity?: number;
  /** …worth showing as uncertain… */
  readonly denseUncertainSimilarity?: number;
  /** …and how deep in the service's ranking the lexical best passage may stand to agree. */
  readonly agreementDepth?: number;
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
  /**
   * Follow-ups (SearchOptions.context, see plan/follow-up.ts): a follow-up that names at most
   * this many things the corpus knows borrows the earlier question's things…
   */
  readonly followUpMaxThings?: number;
  /** …at this weight against its own words (1). */
  readonly followUpWeight?: number;
}

export const defaultEngineOptions = {
  analyzer: {},
  boost: { text: 1, heading: 0.6, title: 0.4, description: 1 },
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
  contextBridges: true,
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
  halfMatchedWords: 4,
  trustedContentThings: 3,
  titleThingWeight: 0.5,
  reasonWeight: 1,
  uncertainThings: 1,
  checkNumbers: true,
  checkTools: true,
  namedPageWeight: 3,
  leadWeight: 1,
  denseDepth: 50,
  fusionK: 60,
  denseAnswerSimilarity: 0.75,
  denseUncertainSimilarity: 0.5,
  agreementDepth: 3,
  followUpMaxThings: 1,
  followUpWeight: 0.4,
} as const satisfies Required<Omit<EngineOptions, 'lexicon' | 'lemmas'>>;

/** The options an engine runs with: the defaults, merged with what the caller gave. */
export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/** Merges `options` over the defaults, and checks what must be checked before any work. */
export function resolveOptions(options: EngineOptions) {
  const opts = { ...defaultEngineOptions, ...options, boost: { ...defaultEngineOptions.boost, ...options.boost } };
  if (!(opts.minCoverage >= 0 && opts.minCoverage <= 1)) {
    throw new Error(`Quelle: minCoverage must be between 0 and 1, got ${opts.minCoverage}`);
  }
  return opts;
}

/** Passages per page of an answer, by default and at most. */
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;
