/**
 * The lexicon files indexed for lookups, once per process. Each engine reads through this
 * index per question (search/lexicon/bridges.ts) instead of copying the entries that reach
 * its corpus at build time: parsing 215k dictionary lines per build cost a second.
 */

/** The lexicon files as loaded: their text (see format.ts). */
export interface LexiconSource {
  /** `en-de.tsv.gz`, unpacked: lines sorted by their English key. */
  readonly english: string;
  /** `de-synonyms.tsv.gz`, unpacked. */
  readonly synonyms: string;
}

/** English keys with more German translations than this are not used for paraphrases. */
const MAX_PARAPHRASE_FANOUT = 20;

export interface Lexicon {
  /** German phrases (index terms joined by a space) for an English key, in the dictionary's order. */
  translations(english: string): readonly string[];
  /** The synonym sets that hold `member` (a term or phrase), in file order. */
  synsets(member: string): readonly (readonly string[])[];
  /** English keys with `term` (one German index term) among their at most MAX_PARAPHRASE_FANOUT translations. */
  englishFor(term: string): readonly string[];
}

/**
 * Indexes the text: the English lines by binary search over their start offsets (the file is
 * sorted by key, so no map of 215k keys is needed), the synonym sets by member.
 */
export function indexLexicon(source: LexiconSource): Lexicon {
  const { english } = source;
  const starts: number[] = [];
  for (let at = 0; at < english.length; ) {
    const end = english.indexOf('\n', at);
    if (english.indexOf('\t', at) !== -1 && (end === -1 || english.indexOf('\t', at) < end)) starts.push(at);
    at = end === -1 ? english.length : end + 1;
  }
  const lines = Int32Array.from(starts);
  const keyAt = (i: number): string => {
    const start = lines[i] as number;
    return english.slice(start, english.indexOf('\t', start));
  };
  for (let i = 1; i < lines.length; i++) {
    if (keyAt(i - 1) >= keyAt(i)) throw new Error(`Quelle: the English lexicon is not sorted by key at "${keyAt(i)}"; run npm run lexicons`);
  }

  const sets: string[][] = [];
  const setsOf = new Map<string, number[]>();
  for (const line of source.synonyms.split('\n')) {
    if (line === '') continue;
    const members = line.split('\t');
    for (const member of members) {
      const list = setsOf.get(member);
      if (list === undefined) setsOf.set(member, [sets.length]);
      else list.push(sets.length);
    }
    sets.push(members);
  }

  // German → English, for paraphrases through English ("Gespräch" → "talk" → "Unterredung").
  // Built here, once per process (~0.3 s), not on a first question. Single German words of
  // English keys with few senses only: a key with dozens of translations ("run", "set")
  // relates nothing, and leaving them out halves the memory.
  const reverse = new Map<string, number | number[]>();
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i] as number;
    const end = english.indexOf('\n', start);
    const fields = english.slice(english.indexOf('\t', start) + 1, end === -1 ? english.length : end).split('\t');
    if (fields.length > MAX_PARAPHRASE_FANOUT) continue;
    for (const german of fields) {
      if (german.includes(' ')) continue;
      const known = reverse.get(german);
      if (known === undefined) reverse.set(german, i);
      else if (typeof known === 'number') {
        if (known !== i) reverse.set(german, [known, i]);
      } else if (known[known.length - 1] !== i) known.push(i);
    }
  }

  return {
    englishFor(term) {
      const found = reverse.get(term);
      return found === undefined ? [] : typeof found === 'number' ? [keyAt(found)] : found.map(keyAt);
    },
    translations(key) {
      let lo = 0;
      let hi = lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keyAt(mid) < key) lo = mid + 1;
        else hi = mid;
      }
      if (lo === lines.length || keyAt(lo) !== key) return [];
      const start = lines[lo] as number;
      const end = english.indexOf('\n', start);
      return english.slice(start, end === -1 ? english.length : end).split('\t').slice(1);
    },
    synsets: (member) => (setsOf.get(member) ?? []).map((i) => sets[i] as string[]),
  };
}
