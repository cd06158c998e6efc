import { wordsOf } from '../search/analysis/tokenize.js';

/** Words a German or English question starts with ("Wie viel…", "Gibt es…", "Is there…"). */
const QUESTION_WORDS = new Set(
  (
    'wer wen wem wessen was wann wo woher wohin wie wieso weshalb warum wozu womit wofür worüber wodurch welche welcher welches welchen welchem wieviel wieviele ' +
    'gibt kann könnte kennt weiß weiss ist sind hat haben stimmt ' +
    'who whom whose what when where why how which is are was were does do did can could has have'
  ).split(' '),
);

/**
 * Whether a message in a help channel reads as a question: it ends with "?" or starts with a
 * question word. A remark ("danke!", "guten Morgen") in a channel where the bot answers unasked
 * is left alone.
 */
export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.endsWith('?')) return true;
  const first = wordsOf(trimmed)[0];
  return first !== undefined && QUESTION_WORDS.has(first.toLowerCase());
}
