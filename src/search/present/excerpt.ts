import { splitSentences } from '../analysis/sentences.js';
import type { Passage, Span } from '../types.js';

export interface Excerpt {
  readonly text: string;
  /** Highlight spans relative to `text`. */
  readonly highlights: Span[];
}

const ELLIPSIS = '…';
const SENTENCE_END = /[.!?…]["“”»«']?$/u;

/**
 * A window of at most `maxChars` characters around the passage's best sentence, widened
 * by whole neighbouring sentences while they fit, and cut at a word with "…" otherwise.
 */
export function excerpt(passage: Passage, maxChars: number): Excerpt {
  if (!(maxChars >= 8)) throw new Error(`Quelle: excerpt length must be at least 8, got ${maxChars}`);
  const { text } = passage;
  if (text.length <= maxChars) return { text, highlights: [...passage.highlights] };

  const budget = maxChars - 2; // room for a leading and a trailing ellipsis
  let { start, end } = passage.bestSentence;
  if (end - start > budget) {
    end = cutAtWord(text, start, start + budget);
  } else {
    const sentences = splitSentences(text);
    const index = sentences.findIndex((s) => s.start >= start);
    let before = index - 1;
    let after = index + 1;
    // Prefer the following sentence: it usually continues the thought.
    for (;;) {
      const next = sentences[after];
      if (next && next.end - start <= budget) {
        end = next.end;
        after++;
        continue;
      }
      const previous = before >= 0 ? sentences[before] : undefined;
      if (previous && end - previous.start <= budget) {
        start = previous.start;
        before--;
        continue;
      }
      break;
    }
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).trim();
  // A cut after a whole sentence needs no "…": "Punkt.…" reads as a typo.
  const suffix = end < text.length && !SENTENCE_END.test(body) ? ELLIPSIS : '';
  const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const shift = start + lead - prefix.length;
  const highlights = passage.highlights
    .filter((span) => span.start >= start + lead && span.end <= start + lead + body.length)
    .map((span) => ({ start: span.start - shift, end: span.end - shift }));
  return { text: `${prefix}${body}${suffix}`, highlights };
}

/** The end of the last whole word that ends at or before `limit`. */
function cutAtWord(text: string, start: number, limit: number): number {
  const space = text.lastIndexOf(' ', limit);
  const end = space > start + (limit - start) / 2 ? space : limit;
  return text.slice(start, end).replace(/[\s,;:–-]+$/u, '').length + start;
}

/** Wraps the spans of `text` in `open`/`close` marks. */
export function mark(text: string, spans: readonly Span[], open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + open + text.slice(span.start, span.end) + close;
    at = span.end;
  }
  return out + text.slice(at);
}
