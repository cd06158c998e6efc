import type { LexiconSource } from './load.js';

/** A German phrase of the corpus, as index terms (one term for a single word). */
export type Phrase = readonly string[];

/**
 * The lexicons, cut down to what can reach one corpus: English words to German phrases of
 * the corpus, and German words to synonyms in the corpus. Built per engine (a reload brings
 * a new vocabulary), from the lexicon text loaded once per process.
 */
export interface Bridges {
  /** German phrases of the corpus for an English base form or two ("rare earth"), most frequent first. */
  translations(english: string): readonly Phrase[];
  /** Synonyms (and abbreviations, expansions) of a German term or phrase that the corpus has, most specific first. */
  synonyms(term: string): readonly Phrase[];
  /** Entries kept, for stats. */
  readonly size: number;
}

export const NO_BRIDGES: Bridges = { translations: () => [], synonyms: () => [], size: 0 };

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
 * Import" says more than a set of twelve loosely related verbs.
 */
export function buildBridges(source: LexiconSource, documentFrequency: (term: string) => number, options: BridgeOptions): Bridges {
  const frequency = (phrase: string): number => {
    let min = Infinity;
    for (const term of phrase.split(' ')) min = Math.min(min, documentFrequency(term));
    return min;
  };

  const translations = new Map<string, Phrase[]>();
  for (const line of source.english.split('\n')) {
    const fields = line.split('\t');
    if (fields.length < 2) continue;
    const found: { phrase: string; df: number }[] = [];
    for (let i = 1; i < fields.length; i++) {
      const phrase = fields[i] as string;
      const df = frequency(phrase);
      if (df > 0) found.push({ phrase, df });
    }
    if (found.length === 0) continue;
    found.sort((a, b) => b.df - a.df);
    translations.set(fields[0] as string, found.slice(0, options.maxTranslations).map((f) => f.phrase.split(' ')));
  }

  const synonymScores = new Map<string, Map<string, number>>();
  for (const line of source.synonyms.split('\n')) {
    if (line === '') continue;
    const members = line.split('\t');
    const present = members.filter((m) => frequency(m) > 0);
    if (present.length === 0) continue;
    const specificity = 1 / members.length;
    for (const member of members) {
      for (const other of present) {
        if (other === member) continue;
        let scores = synonymScores.get(member);
        if (scores === undefined) synonymScores.set(member, (scores = new Map()));
        scores.set(other, Math.max(scores.get(other) ?? 0, specificity));
      }
    }
  }
  const synonyms = new Map<string, Phrase[]>();
  for (const [member, scores] of synonymScores) {
    const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, options.maxSynonyms);
    synonyms.set(member, ranked.map(([phrase]) => phrase.split(' ')));
  }

  return {
    translations: (english) => translations.get(english) ?? [],
    synonyms: (term) => synonyms.get(term) ?? [],
    size: translations.size + synonyms.size,
  };
}
