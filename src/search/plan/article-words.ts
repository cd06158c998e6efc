import { normalizeWord } from '../analysis/normalize.js';

/** A set of words as typed, folded like question words (see normalizeWord). */
export const folded = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean).map(normalizeWord));

/**
 * Nouns for an article ("der Artikel", "the piece", "the report"). Frame words too (see
 * frame-words.ts): how a question points at the corpus, not what it asks about.
 */
export const ARTICLE_NOUNS = folded('artikel artikels text textes texts beitrag beitrags bericht berichts article articles piece story report');
/** Nouns for who wrote it; frame words too. */
export const AUTHOR_NOUNS = folded('autor autorin autoren author authors');
