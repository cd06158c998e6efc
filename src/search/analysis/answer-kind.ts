/**
 * What kind of answer a question asks for, so that the excerpt shows the sentence that has it:
 * "Wann…", "Seit wann…", "When…" want a date; "Wie viel…", "Um wie viel Prozent…", "How much…"
 * a number; "Wer…", "Who…" a name; "Warum…", "Why…" a reason.
 */
import { MONTH_NAMES } from '../../corpus/months.js';
import { normalizeWord } from './normalize.js';
import { wordsOf } from './tokenize.js';

export type AnswerKind = 'date' | 'number' | 'name' | 'reason';

const WHEN = new Set(['wann', 'when']);
const DATE_WORDS = new Set(['jahr', 'year', 'datum', 'date', 'monat', 'month']);
const NUMBER_WORDS = new Set(['viel', 'viele', 'wieviel', 'wieviele', 'much', 'many', 'prozent', 'percent', 'anteil', 'share', 'hoch', 'high', 'gross', 'betrag', 'summe']);
const WHO = new Set(['wer', 'wen', 'wem', 'who', 'whom']);
const WHY = new Set(['warum', 'weshalb', 'wieso', 'weswegen', 'why']);

/**
 * The kind of answer asked for, or undefined when the question does not say. "Wann/when"
 * asks for a date before anything else; then words of quantity ("Wie groß war der Handel im
 * Jahr 2024?" asks for the amount); then a year or date word; then "wer/who"; then "warum/why".
 */
export function answerKind(question: string): AnswerKind | undefined {
  const words = wordsOf(question).map(normalizeWord);
  if (words.some((w) => WHEN.has(w))) return 'date';
  if (words.some((w) => NUMBER_WORDS.has(w))) return 'number';
  // "Wie alt…", "How old…": an age.
  if (words.some((w, i) => (w === 'wie' || w === 'how') && (words[i + 1] === 'alt' || words[i + 1] === 'old'))) return 'number';
  if (words.some((w) => DATE_WORDS.has(w))) return 'date';
  if (words.some((w) => WHO.has(w))) return 'name';
  if (words.some((w) => WHY.has(w))) return 'reason';
  return undefined;
}

const DATE = new RegExp(`\\b(?:1[89]|20)\\d\\d\\b|\\b\\d{1,2}\\.\\s*(?:${MONTH_NAMES})\\b|\\b(?:${MONTH_NAMES})\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b`, 'u');
/** A quantity in words or figures: "245 Milliarden", "mehr als die Hälfte", "vor drei Jahren"; an ordinal ("des 80. Jahrestags") is none. */
const QUANTITY = /\p{Nd}+(?:[.,]\p{Nd}+)*(?!\p{Nd}|\.\s*\p{L})|(?<![\p{L}\p{Nd}])(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|(?:zwan|drei(?:ß|ss)|vier|fünf|sech|sieb|acht|neun)zig|hundert|tausend|\p{L}*millionen?|\p{L}*milliarden?|billionen?|hälfte|drittel|viertel|dutzend|doppelt|verdoppelt|verdreifacht|prozent|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|half|dozen|percent)(?![\p{L}\p{Nd}])/iu;
/** Two capitalized words in a row, the first not at the start of the sentence: "Du Xuliang", "Jensen Huang". */
const NAME = /(?<=\S\s+)\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u;

/** Words that give a reason: "weil", "wegen", "führt dazu", "Grund", "because". */
const REASON = /\b(?:weil|denn|wegen|deshalb|daher|darum|deswegen|Grund|Gründe|führt dazu|dazu geführt|sodass|so dass|because|due to)\b|(?:Warum|Wieso)\?\s+Weil/iu;

/** Whether a sentence holds what the question asks for. */
export function hasAnswerKind(sentence: string, kind: AnswerKind): boolean {
  return (kind === 'date' ? DATE : kind === 'number' ? QUANTITY : kind === 'reason' ? REASON : NAME).test(sentence);
}

/** "Wie viele…", "Wie hoch ist…", "How much…", "Um wie viel Prozent…": a question that wants a quantity. */
const ASKS_NUMBER = /(?<![\p{L}\p{Nd}])(?:wie\s*viele?|wieviele?|um wie viel|how (?:many|much|high|large|big|old|long)|wie (?:hoch|gro(?:ß|ss)|alt|teuer|schwer|lang|weit|stark)|welche[nrs]? (?:anteil|betrag|summe|zahl))(?![\p{L}\p{Nd}])/iu;

/**
 * Whether the question wants a quantity and the passage has none, for the decision to answer:
 * stricter than answerKind(), which picks an excerpt ("Warum verlassen so viele…" asks why).
 */
export function lacksAskedNumber(question: string, passage: () => string): boolean {
  // The passage is read only for such a question: finding its best sentence analyses it again.
  return ASKS_NUMBER.test(question) && !QUANTITY.test(passage());
}
