/**
 * English on the question side: a light reduction of English words to a base form, and the
 * test whether a question is English. Both the dictionary keys (scripts/build-lexicons.ts)
 * and the question words go through `englishBase`, so it only has to be consistent, not
 * linguistically exact: "imports", "importing" and "imported" all become "import".
 */
import { ENGLISH_STOPWORDS, GERMAN_STOPWORDS } from '../analysis/stopwords.js';

const VOWEL = /[aeiouy]/;

/** "imports" → "import", "economies" → "economy", "dominated" → "dominat", "China's" → "china". */
export function englishBase(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // "stopped" → "stopp" → "stop"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ss|ll|ff|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

const ENGLISH_ONLY = new Set(ENGLISH_STOPWORDS.filter((w) => !GERMAN_STOPWORDS.includes(w)));
const GERMAN_ONLY = new Set(GERMAN_STOPWORDS.filter((w) => !ENGLISH_STOPWORDS.includes(w)));

/**
 * Whether a question is English, by its function words: more English-only stopwords than
 * German-only ones ("Who is the director…" vs "Wer ist der Direktor…"). A question without
 * any (keywords only) is not English; its words are still looked up in the dictionary.
 */
export function isEnglish(words: readonly string[]): boolean {
  let english = 0;
  let german = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (ENGLISH_ONLY.has(lower)) english++;
    else if (GERMAN_ONLY.has(lower)) german++;
  }
  return english > german;
}
