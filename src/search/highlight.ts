import type { Analyzer } from './analysis/analyzer.js';
import { splitSentences } from './sentences.js';
import type { Span } from './types.js';

export interface Highlighted {
  readonly highlights: Span[];
  /** The matched words as written in the text, in order of first appearance. */
  readonly matched: string[];
  readonly bestSentence: Span;
  /** Share of the matched terms' weight that the best sentence holds (1: all in one sentence). */
  readonly sentenceShare: number;
}

/**
 * Marks the words of `text` whose index term is in `terms`. MiniSearch reports index terms
 * (stems), so the text is analysed again with the same analyzer to find the surface forms.
 * `weights` ranks sentences: the best sentence holds the most weight of distinct terms.
 */
export function highlight(analyzer: Analyzer, text: string, terms: ReadonlyMap<string, number>): Highlighted {
  const spans: Span[] = [];
  const hitTerms: { start: number; term: string }[] = [];
  let coveredUntil = -1;
  for (const token of analyzer.tokens(text)) {
    const term = token.terms[0];
    if (term === undefined || !terms.has(term)) continue;
    hitTerms.push({ start: token.start, term });
    // A hyphenated whole comes before its parts; a matched whole already covers them.
    if (token.start < coveredUntil) continue;
    spans.push({ start: token.start, end: token.end });
    coveredUntil = token.end;
  }
  spans.sort((a, b) => a.start - b.start);

  const matched: string[] = [];
  for (const span of spans) {
    const word = text.slice(span.start, span.end);
    if (!matched.includes(word)) matched.push(word);
  }

  const sentences = splitSentences(text);
  let bestSentence: Span = sentences[0] ?? { start: 0, end: text.length };
  let bestWeight = 0;
  for (const sentence of sentences) {
    const distinct = new Set(hitTerms.filter((hit) => hit.start >= sentence.start && hit.start < sentence.end).map((hit) => hit.term));
    let weight = 0;
    for (const term of distinct) weight += terms.get(term) ?? 0;
    if (weight > bestWeight) {
      bestWeight = weight;
      bestSentence = sentence;
    }
  }
  let allWeight = 0;
  for (const term of new Set(hitTerms.map((hit) => hit.term))) allWeight += terms.get(term) ?? 0;
  return { highlights: spans, matched, bestSentence, sentenceShare: allWeight > 0 ? bestWeight / allWeight : 0 };
}
