/**
 * The compact lexicon files in `lexicons/`, written by `npm run lexicons` and read at start-up.
 * All are gzip'd UTF-8 text, one entry a line, tab-separated, every German word already turned
 * into the index term the analyzer makes of it (so a bridge is a plain vocabulary lookup):
 *
 * - `en-de.tsv.gz`: `english base form(s) \t german alternative \t …` (`import	einfuhr	import`)
 * - `de-en.tsv.gz`: `german term \t english key \t …`, the reverse of `en-de.tsv.gz` for
 *   paraphrases through English (`unterredung	interlocution	talk`): every single German term
 *   (no phrase) among the translations of an English key with at most MAX_PARAPHRASE_FANOUT
 *   (lexicon.ts) of them, with those keys in the order of `en-de.tsv.gz`
 * - `de-synonyms.tsv.gz`: `member \t member \t …`, one synonym set a line (`eu	europa union`)
 * - `de-synonyms-by-member.tsv.gz`: `member \t offset \t …`, every member of a synonym set with
 *   where the sets that hold it start: the byte offsets of their lines in the unpacked
 *   `de-synonyms.tsv.gz`, counted from the line after the header, ascending (`impor	409405`)
 *
 * A phrase is its terms joined by a space. Every file but `de-synonyms.tsv.gz` is sorted by
 * its first field, strictly, in UTF-8 byte order (`compareKeys`), and every line has a tab: a
 * lookup is a binary search over the unpacked bytes, no file is indexed at start-up. The two
 * indexes are derived from the other two by `compactLexicon` (lexicon.ts), in the build and
 * for inline test texts alike. The first line of each file is a header naming the analyzer
 * the terms were made with; files made with another one are refused.
 */
export const LEXICON_FILES = {
  english: 'en-de.tsv.gz',
  reverse: 'de-en.tsv.gz',
  synonyms: 'de-synonyms.tsv.gz',
  members: 'de-synonyms-by-member.tsv.gz',
} as const;

export type LexiconKind = keyof typeof LEXICON_FILES;

/** Bumped whenever the analyzer makes other terms of the same words (then run `npm run lexicons`). */
const LEXICON_ANALYSIS = 'cistem-1';

export function lexiconHeader(kind: LexiconKind): string {
  return `# quelle lexicon ${kind} analysis=${LEXICON_ANALYSIS}`;
}

/**
 * The order of the sorted files: by code point, which is the byte order of their UTF-8 (the
 * order of the lookups), where `<` on strings compares UTF-16 code units and puts U+E000–U+FFFF
 * after the surrogates of U+10000 and above.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
