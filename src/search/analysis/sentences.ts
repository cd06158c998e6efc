import type { Span } from '../types.js';

// A sentence ends at . ! ? … followed by space and a capital, a digit or an opening quote.
const BOUNDARY = /[.!?…]["“”»«']?\s+(?=[\p{Lu}\p{Nd}„"“«»'])/gu;
// "Dr. Marc", "am 20. Januar", "z. B. Peking": a period after these does not end a sentence.
const NO_END_BEFORE = /(?:\b\p{Nd}+|\b\p{L}|\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|etc|usw|Mio|Mrd|Jh|Abs|Art|Hr|Fr|Mr|Mrs|Ms|vs|inkl|ggf|evtl))\.$/u;

/** Sentence spans of a paragraph, covering it from start to end. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].trimEnd().length;
    if (NO_END_BEFORE.test(text.slice(Math.max(start, end - 12), end))) continue;
    spans.push({ start, end });
    start = match.index + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
