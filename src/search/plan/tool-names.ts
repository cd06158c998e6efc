import type { Analyzer } from '../analysis/analyzer.js';
import { normalizeWord } from '../analysis/normalize.js';
import type { Bridges } from '../lexicon/bridges.js';
import { englishBase } from '../lexicon/english.js';

/** Separable particles as German attaches them to verbs, the colloquial ones too ("runterwerfen", "durchchecken"). */
const PREFIXES = new Set(
  'ab an auf aus bei dar durch ein fest fort her heraus herein herunter hin hinaus hinein hoch los mit nach nieder um vor vorbei weg weiter wieder zu zurück zusammen runter rauf rein raus rüber drauf selbst'.split(' ').map(normalizeWord),
);
const MIN_LEFT = 2;
const MIN_RIGHT = 4;
const TOOL_LIKE = /^[a-z][a-z._+-]{3,}$/u;

/**
 * Whether a word is German as far as the lexicons can tell: a form the full-form lexicon lists
 * ("wegnimmt", "auszugeben"), a word with synonyms or translations, or a prefix or known word
 * before a known word ("durchchecken", "runterwerfe"), as German builds verbs and compounds.
 */
export function isGermanWord(word: string, analyzer: Analyzer, bridges: Bridges): boolean {
  const known = (w: string): boolean => {
    if (analyzer.lemmas?.lemmasOf(w) !== undefined) return true;
    const term = analyzer.term(w);
    return term !== null && bridges.knows(term, englishBase(w));
  };
  const folded = normalizeWord(word);
  if (known(folded)) return true;
  for (let i = MIN_LEFT; i <= folded.length - MIN_RIGHT; i++) {
    const left = folded.slice(0, i);
    if ((PREFIXES.has(left) || (left.length >= 3 && known(left))) && known(folded.slice(i))) return true;
  }
  return false;
}

/**
 * Whether a word of a German question written with capitals names a tool or a product: it is
 * lowercase, as commands are ("mit rsync", "mit ffmpeg"), where German writes every noun with a
 * capital, and no lexicon knows it as German. The corpus may mention it in passing; a passage
 * that does not say it answers another question.
 */
export function isToolName(surface: string, cased: boolean, analyzer: Analyzer, bridges: Bridges): boolean {
  return cased && TOOL_LIKE.test(surface) && !isGermanWord(surface, analyzer, bridges);
}
