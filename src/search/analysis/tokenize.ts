/**
 * Splitting text into words, with their offsets (for highlighting).
 *
 * - Numbers keep their inner separators: "128,99", "4,74", "23.04.2025", "2.0".
 * - Hyphenated compounds ("KI-Blase", "Roboterhund-Hersteller") come out once whole and
 *   once per part, so both "KI-Blase" and "Blase" find them.
 * - Apostrophes split ("Zhejiang's" → "Zhejiang", "s"); one-letter pieces are dropped later.
 */
export interface WordToken {
  /** The word as written. */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** For a hyphenated compound: its parts, with their own offsets. Empty otherwise. */
  readonly parts: readonly WordToken[];
}

// A run of letters/digits, continued by hyphen + letters/digits, or by . or , between digits.
// Decimal digits only (\p{Nd}): a footnote mark ("CIPS¹") is not part of the word.
const WORD = /[\p{L}\p{Nd}]+(?:[-‐‑][\p{L}\p{Nd}]+|(?<=\p{Nd})[.,]\p{Nd}+)*/gu;
const HYPHEN = /[-‐‑]/;

export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const start = match.index;
    tokens.push({ surface, start, end: start + surface.length, parts: HYPHEN.test(surface) ? splitParts(surface, start) : [] });
  }
  return tokens;
}

function splitParts(surface: string, offset: number): WordToken[] {
  const parts: WordToken[] = [];
  let start = 0;
  for (let i = 0; i <= surface.length; i++) {
    if (i === surface.length || HYPHEN.test(surface.charAt(i))) {
      if (i > start) {
        parts.push({ surface: surface.slice(start, i), start: offset + start, end: offset + i, parts: [] });
      }
      start = i + 1;
    }
  }
  return parts;
}

/** The words of a text as written, without offsets: the cheap form for indexing. */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}
