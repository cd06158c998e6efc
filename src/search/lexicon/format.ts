/**
 * The compact lexicon files in `lexicons/`, written by `npm run lexicons` and read at start-up.
 * Both are gzip'd text, one entry a line, tab-separated, every German word already turned
 * into the index term the analyzer makes of it (so a bridge is a plain vocabulary lookup):
 *
 * - `en-de.tsv.gz`: `english base form(s) \t german alternative \t …` (`import	einfuhr	import`)
 * - `de-synonyms.tsv.gz`: `member \t member \t …`, one synonym set a line (`eu	europa union`)
 *
 * A phrase is its terms joined by a space. The first line is a header naming the analyzer
 * the terms were made with; files made with another one are refused.
 */
export const LEXICON_FILES = { english: 'en-de.tsv.gz', synonyms: 'de-synonyms.tsv.gz' } as const;

/** Bumped whenever the analyzer makes other terms of the same words (then run `npm run lexicons`). */
const LEXICON_ANALYSIS = 'cistem-1';

export function lexiconHeader(kind: keyof typeof LEXICON_FILES): string {
  return `# quelle lexicon ${kind} analysis=${LEXICON_ANALYSIS}`;
}
