import type { Analyzer } from './analyzer.js';
import { tokenizeWords } from './tokenize.js';
import { hasAnswerKind, type AnswerKind } from './answer-kind.js';
import { splitSentences } from './sentences.js';
import type { Span } from '../types.js';

export interface Highlighted {
  readonly highlights: Span[];
  /** The matched words as written in the text, in order of first appearance. */
  readonly matched: string[];
  readonly bestSentence: Span;
  /** Share of the matched terms' weight that the best sentence holds (1: all in one sentence). */
  readonly sentenceShare: number;
}

/**
 * A sentence holding the kind of answer asked for (a date for "wann") weighs this share of
 * the heaviest matched word more: it wins over a sentence with one more light word.
 */
const ANSWER_KIND_BONUS = 0.5;

/**
 * Marks the words of `text` whose index term is in `terms`. MiniSearch reports index terms
 * (stems), so the text is analysed again with the same analyzer to find the surface forms.
 * A hyphenated word is marked whole when it or one of its parts matched: "IT-Experten", never
 * half of it. `weights` ranks sentences: the best sentence holds the most weight of distinct
 * terms, plus a bonus when it has the kind of answer asked for.
 */
export function highlight(analyzer: Analyzer, text: string, terms: ReadonlyMap<string, number>, kind?: AnswerKind): Highlighted {
  const spans: Span[] = [];
  const hitTerms: { start: number; term: string }[] = [];
  for (const token of tokenizeWords(text)) {
    let hit = false;
    for (const word of [token, ...token.parts]) {
      const term = analyzer.term(word.surface);
      if (term === null || !terms.has(term)) continue;
      hitTerms.push({ start: word.start, term });
      hit = true;
    }
    if (hit) spans.push({ start: token.start, end: token.end });
  }

  const matched: string[] = [];
  for (const span of spans) {
    const word = text.slice(span.start, span.end);
    if (!matched.includes(word)) matched.push(word);
  }

  let heaviest = 0;
  for (const weight of terms.values()) heaviest = Math.max(heaviest, weight);
  const sentences = splitSentences(text);
  let bestSentence: Span = sentences[0] ?? { start: 0, end: text.length };
  let bestScore = 0;
  let bestWeight = 0;
  for (const sentence of sentences) {
    const distinct = new Set(hitTerms.filter((hit) => hit.start >= sentence.start && hit.start < sentence.end).map((hit) => hit.term));
    let weight = 0;
    for (const term of distinct) weight += terms.get(term) ?? 0;
    const score = weight > 0 && kind !== undefined && hasAnswerKind(text.slice(sentence.start, sentence.end), kind) ? weight + ANSWER_KIND_BONUS * heaviest : weight;
    if (score > bestScore) {
      bestScore = score;
      bestWeight = weight;
      bestSentence = sentence;
    }
  }
  let allWeight = 0;
  for (const term of new Set(hitTerms.map((hit) => hit.term))) allWeight += terms.get(term) ?? 0;
  return { highlights: spans, matched, bestSentence, sentenceShare: allWeight > 0 ? bestWeight / allWeight : 0 };
}
