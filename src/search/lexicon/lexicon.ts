/**
 * The lexicon files, looked up per question word without being indexed at start-up. Each
 * engine reads through them per question (search/lexicon/bridges.ts) instead of copying the
 * entries that reach its corpus at build time (parsing 215k dictionary lines per build cost a
 * second), and the files are not indexed either: every lookup is a binary search over the
 * unpacked bytes of a file sorted by its first field (format.ts). The German→English and
 * member→synsets indexes are computed once, by `npm run lexicons`, not as Maps of 200k
 * entries at every start (which cost about a second).
 */
import { compareKeys } from './format.js';

/** The lexicon files as written by hand in tests: their text (see format.ts), without headers. */
export interface LexiconSource {
  /** `en-de.tsv.gz`, unpacked: lines sorted by their English key. */
  readonly english: string;
  /** `de-synonyms.tsv.gz`, unpacked. */
  readonly synonyms: string;
}

/** All four files' text without headers, as `compactLexicon` derives them (format.ts). */
export interface CompactSource {
  readonly english: string;
  readonly reverse: string;
  readonly synonyms: string;
  readonly members: string;
}

/** The four files as loaded: unpacked UTF-8 without their header lines. */
export type CompactLexicon = { readonly [kind in keyof CompactSource]: Buffer };

/** English keys with more German translations than this are not used for paraphrases. */
export const MAX_PARAPHRASE_FANOUT = 20;

export interface Lexicon {
  /** German phrases (index terms joined by a space) for an English key, in the dictionary's order. */
  translations(english: string): readonly string[];
  /** The synonym sets that hold `member` (a term or phrase), in file order. */
  synsets(member: string): readonly (readonly string[])[];
  /** English keys with `term` (one German index term) among their at most MAX_PARAPHRASE_FANOUT translations. */
  englishFor(term: string): readonly string[];
}

/** A lexicon of small texts (tests): the indexes derived in memory, looked up as the files are. */
export function indexLexicon(source: LexiconSource): Lexicon {
  const compact = compactLexicon(source);
  return openLexicon({
    english: Buffer.from(compact.english),
    reverse: Buffer.from(compact.reverse),
    synonyms: Buffer.from(compact.synonyms),
    members: Buffer.from(compact.members),
  });
}

/**
 * The compact files' text, derived from the dictionary and the synonym sets: what
 * `npm run lexicons` writes. Lines of the dictionary without a tab, and empty lines of the
 * synonym sets, are dropped. Throws when the dictionary is not sorted by key, strictly.
 */
export function compactLexicon(source: LexiconSource): CompactSource {
  const english = source.english.split('\n').filter((line) => line.includes('\t'));
  const keyOf = (line: string): string => line.slice(0, line.indexOf('\t'));
  for (let i = 1; i < english.length; i++) {
    if (compareKeys(keyOf(english[i - 1] as string), keyOf(english[i] as string)) >= 0) {
      throw new Error(`Quelle: the English lexicon is not sorted by key at "${keyOf(english[i] as string)}"; run npm run lexicons`);
    }
  }

  // German → English, for paraphrases through English ("Gespräch" → "talk" → "Unterredung").
  // Single German words of English keys with few senses only: a key with dozens of
  // translations ("run", "set") relates nothing.
  const reverse = new Map<string, string[]>();
  for (const line of english) {
    const [key, ...germans] = line.split('\t') as [string, ...string[]];
    if (germans.length > MAX_PARAPHRASE_FANOUT) continue;
    for (const german of germans) {
      if (german.includes(' ')) continue;
      const keys = reverse.get(german);
      if (keys === undefined) reverse.set(german, [key]);
      else if (keys[keys.length - 1] !== key) keys.push(key);
    }
  }

  // Member → where the sets that hold it start (byte offsets in the sets' text), in file order.
  const sets = source.synonyms.split('\n').filter((line) => line !== '');
  const members = new Map<string, number[]>();
  let offset = 0;
  for (const line of sets) {
    for (const member of line.split('\t')) {
      const list = members.get(member);
      if (list === undefined) members.set(member, [offset]);
      else list.push(offset);
    }
    offset += Buffer.byteLength(line) + 1;
  }

  const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');
  const sorted = <T>(map: ReadonlyMap<string, readonly T[]>): string[] =>
    [...map.keys()].sort(compareKeys).map((first) => [first, ...(map.get(first) as readonly T[])].join('\t'));
  return { english: text(english), reverse: text(sorted(reverse)), synonyms: text(sets), members: text(sorted(members)) };
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * The fields after the first of the line whose first field is `first`, or undefined: a binary
 * search over the bytes of a body sorted by first field in byte order (format.ts), from any
 * byte to the start of its line, with no array of line offsets.
 */
function lookup(body: Buffer, first: string): string[] | undefined {
  if (first.includes('\t') || first.includes('\n')) return undefined;
  const target = Buffer.from(first, 'utf8');
  // Every line before lo sorts before the target, every line from hi on not; both are line starts.
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === lo ? lo : body.lastIndexOf(NEWLINE, mid - 1) + 1;
    let end = body.indexOf(NEWLINE, start);
    if (end === -1) end = body.length;
    let tab = body.indexOf(TAB, start);
    if (tab === -1 || tab > end) tab = end;
    const order = body.compare(target, 0, target.length, start, tab);
    if (order < 0) lo = end + 1;
    else if (order > 0) hi = start;
    else return tab === end ? [] : body.toString('utf8', tab + 1, end).split('\t');
  }
  return undefined;
}

/** Looks words up in the compact files (format.ts); nothing is indexed beforehand. */
export function openLexicon(files: CompactLexicon): Lexicon {
  const sets = files.synonyms;
  /** The synonym set whose line starts at this byte of the sets' text. */
  const setAt = (offset: string): string[] => {
    const start = Number(offset);
    if (!Number.isInteger(start) || start < 0 || start >= sets.length || (start > 0 && sets[start - 1] !== NEWLINE)) {
      throw new Error(`Quelle: the synonym index points at byte ${offset}, where no synonym set starts; run npm run lexicons`);
    }
    const end = sets.indexOf(NEWLINE, start);
    return sets.toString('utf8', start, end === -1 ? sets.length : end).split('\t');
  };
  return {
    translations: (english) => lookup(files.english, english) ?? [],
    englishFor: (term) => lookup(files.reverse, term) ?? [],
    synsets: (member) => (lookup(files.members, member) ?? []).map(setAt),
  };
}
