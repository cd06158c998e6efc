import type { Lexicon } from './lexicon.js';

/** A German phrase of the corpus, as index terms (one term for a single word). */
export type Phrase = readonly string[];

/**
 * The lexicons as one corpus sees them: English words to German phrases of the corpus, and
 * German words to synonyms in the corpus. Only entries that reach the corpus are returned;
 * a reload brings a new vocabulary and so new bridges, over the same lexicon.
 */
export interface Bridges {
  /** German phrases of the corpus for an English base form or two ("rare earth"), most frequent first. */
  translations(english: string): readonly Phrase[];
  /** Synonyms (and abbreviations, expansions) of a German term or phrase that the corpus has, most specific first. */
  synonyms(term: string): readonly Phrase[];
  /**
   * Translations and synonyms too common in the corpus's paragraphs to bridge to
   * ("directory", "Ordner" → "Verzeichnis" in 2,000 man-page paragraphs), most specific first:
   * searched in titles and headings only, where they still say what a page is about
   * ("cp - Dateien und Verzeichnisse kopieren").
   */
  commonTranslations(english: string): readonly Phrase[];
  commonSynonyms(term: string): readonly Phrase[];
  /**
   * German words of the corpus that share English translations with a German term
   * ("Gespräch" → talk → "Unterredung"; "Russe" → Russian → "russisch"): paraphrases through
   * the dictionary, the more shared and the more specific the translations, the closer.
   */
  paraphrases(term: string): readonly Phrase[];
  /**
   * Single German words for an English base form, whether the corpus has them or not: parts
   * of the compounds it may have ("energy" → "energie", for "Energieimporte").
   */
  words(english: string): readonly string[];
  /**
   * Whether the lexicons know a word at all, whether the corpus has it or not: a German term
   * with synonyms or English translations, or an English base form with German ones.
   */
  knows(term: string, english: string): boolean;
}

export const NO_BRIDGES: Bridges = { translations: () => [], synonyms: () => [], commonTranslations: () => [], commonSynonyms: () => [], paraphrases: () => [], words: () => [], knows: () => true };

/** What the bridges need to know of the corpus. */
export interface BridgeCorpus {
  /** Paragraphs that hold the term. */
  documentFrequency(term: string): number;
  /**
   * Compounds of the corpus whose head is a word the corpus lacks ("Krieg" → "Handelskrieg"):
   * a synonym or translation still reaches the corpus through them.
   */
  compoundsWith(term: string): readonly string[];
}

export interface BridgeOptions {
  /** Translations kept per English key. */
  readonly maxTranslations: number;
  /** Synonyms kept per German key. */
  readonly maxSynonyms: number;
  /** Paraphrases kept per German key… */
  readonly maxParaphrases: number;
  /** …through English words with at most this many German translations (specific senses only). */
  readonly maxParaphraseFanout: number;
  /**
   * No bridge to a word in more than this many paragraphs: "drop" → "Fall" (5,000 man-page
   * paragraphs say "im Fall") tells nothing and costs most of a question's time.
   */
  readonly maxBridgeDocFreq: number;
}

/**
 * Keeps the entries whose German side the corpus has: every term of a phrase in some
 * paragraph, or a single word the corpus lacks as the head of its compounds. Translations are ranked by how often the corpus uses them (the least
 * frequent term of a phrase counts), synonyms by how small their synonym set is: "Einfuhr;
 * Import" says more than a set of twelve loosely related verbs. Looked up per question word:
 * a handful of entries, where filtering the whole lexicon per build cost a second.
 */
export function buildBridges(lexicon: Lexicon, corpus: BridgeCorpus, options: BridgeOptions): Bridges {
  /** The paragraphs of the phrase's rarest term; 0 when the corpus lacks a term or one is too common to bridge to. */
  const frequency = (phrase: string): number => {
    let min = Infinity;
    for (const term of phrase.split(' ')) {
      const df = corpus.documentFrequency(term);
      if (df > options.maxBridgeDocFreq) return 0;
      min = Math.min(min, df);
    }
    return min;
  };
  /** Whether the corpus has every term of the phrase and one of them is too common to bridge to in text. */
  const common = (phrase: string): boolean => {
    const dfs = phrase.split(' ').map((term) => corpus.documentFrequency(term));
    return dfs.every((df) => df > 0) && dfs.some((df) => df > options.maxBridgeDocFreq);
  };
  /** The phrase if the corpus has it; a single word it lacks, as the corpus's compounds of it. */
  const reach = (phrase: string): { phrase: string; df: number }[] => {
    const df = frequency(phrase);
    if (df > 0) return [{ phrase, df }];
    if (phrase.includes(' ')) return [];
    if (corpus.documentFrequency(phrase) > 0) return [];
    return corpus.compoundsWith(phrase).flatMap((compound) => {
      const compoundDf = frequency(compound);
      return compoundDf > 0 ? [{ phrase: compound, df: compoundDf }] : [];
    });
  };

  /**
   * The phrases `toCorpus` makes of the members of the term's synonym sets, the most specific
   * set first: "Einfuhr; Import" says more than a set of twelve loosely related verbs.
   */
  const bySpecificity = (term: string, toCorpus: (member: string) => readonly string[]): Phrase[] => {
    const scores = new Map<string, number>();
    for (const members of lexicon.synsets(term)) {
      const specificity = 1 / members.length;
      for (const other of members) {
        if (other === term) continue;
        for (const phrase of toCorpus(other)) if (phrase !== term) scores.set(phrase, Math.max(scores.get(phrase) ?? 0, specificity));
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, options.maxSynonyms)
      .map(([phrase]) => phrase.split(' '));
  };

  return {
    translations(english) {
      const found = new Map<string, number>();
      for (const entry of lexicon.translations(english)) {
        for (const { phrase, df } of reach(entry)) if (!found.has(phrase)) found.set(phrase, df);
      }
      return [...found]
        .sort((a, b) => b[1] - a[1])
        .slice(0, options.maxTranslations)
        .map(([phrase]) => phrase.split(' '));
    },
    synonyms(term) {
      return bySpecificity(term, (other) => reach(other).map(({ phrase }) => phrase));
    },
    commonTranslations(english) {
      return [...new Set(lexicon.translations(english).filter(common))].slice(0, options.maxTranslations).map((phrase) => phrase.split(' '));
    },
    commonSynonyms(term) {
      return bySpecificity(term, (other) => (common(other) ? [other] : []));
    },
    words(english) {
      return lexicon
        .translations(english)
        .filter((german) => !german.includes(' '))
        .slice(0, options.maxTranslations);
    },
    knows(term, english) {
      return lexicon.synsets(term).length > 0 || lexicon.englishFor(term).length > 0 || lexicon.translations(english).length > 0;
    },
    paraphrases(term) {
      const scores = new Map<string, number>();
      for (const key of lexicon.englishFor(term)) {
        const germans = lexicon.translations(key);
        if (germans.length > options.maxParaphraseFanout) continue;
        for (const other of germans) {
          if (other === term || other.includes(' ')) continue;
          const df = frequency(other);
          if (df > 0) scores.set(other, (scores.get(other) ?? 0) + 1 / germans.length);
        }
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1])
        .slice(0, options.maxParaphrases)
        .map(([phrase]) => [phrase]);
    },
  };
}
