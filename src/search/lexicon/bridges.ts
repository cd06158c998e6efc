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
}

export const NO_BRIDGES: Bridges = { translations: () => [], synonyms: () => [] };

export interface BridgeOptions {
  /** Translations kept per English key. */
  readonly maxTranslations: number;
  /** Synonyms kept per German key. */
  readonly maxSynonyms: number;
}

/**
 * Keeps the entries whose German side the corpus has: `documentFrequency` of every term of a
 * phrase above 0. Translations are ranked by how often the corpus uses them (the least
 * frequent term of a phrase counts), synonyms by how small their synonym set is: "Einfuhr;
 * Import" says more than a set of twelve loosely related verbs. Looked up per question word:
 * a handful of entries, where filtering the whole lexicon per build cost a second.
 */
export function buildBridges(lexicon: Lexicon, documentFrequency: (term: string) => number, options: BridgeOptions): Bridges {
  const frequency = (phrase: string): number => {
    let min = Infinity;
    for (const term of phrase.split(' ')) min = Math.min(min, documentFrequency(term));
    return min;
  };

  return {
    translations(english) {
      const found: { phrase: string; df: number }[] = [];
      for (const phrase of lexicon.translations(english)) {
        const df = frequency(phrase);
        if (df > 0) found.push({ phrase, df });
      }
      found.sort((a, b) => b.df - a.df);
      return found.slice(0, options.maxTranslations).map((f) => f.phrase.split(' '));
    },
    synonyms(term) {
      const scores = new Map<string, number>();
      for (const members of lexicon.synsets(term)) {
        const specificity = 1 / members.length;
        for (const other of members) {
          if (other === term || frequency(other) === 0) continue;
          scores.set(other, Math.max(scores.get(other) ?? 0, specificity));
        }
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1])
        .slice(0, options.maxSynonyms)
        .map(([phrase]) => phrase.split(' '));
    },
  };
}
