/**
 * The frame of a question: interrogatives, common verbs and fillers that say how something is
 * asked, not what about ("Warum verlassen IT-Experten Russland und wohin gehen sie?"). They
 * still count, but little: a passage that shares "gehen" and "Experte" must not beat one about
 * IT experts leaving Russia. Written as people type them; compared after folding.
 */
import { normalizeWord } from '../analysis/normalize.js';
import { ARTICLE_NOUNS, AUTHOR_NOUNS } from './article-words.js';

const GERMAN = `
wer wen wem wessen wie was wann wo wohin woher warum wieso weshalb weswegen welche welcher welches welchen welchem
wovon womit wofür worüber woran worauf wozu wodurch woraus worin
wieviel wieviele viele vielen seit genau eigentlich etwa laut denn bitte mal aktuell gerade schon bereits derzeit heute
gibt geben gab gegeben geht gehen ging gegangen macht machen machte gemacht sagt sagen sagte gesagt sagten kommt kommen kam
sieht sehen sah gesehen steht stehen stand liegt liegen lag lässt lassen ließ hält halten hielt bringt bringen brachte
nimmt nehmen nahm findet finden fand bekommt bekommen bekam heißt heißen hieß tun tut getan passiert passieren passierte
meint meinen meinte denkt denken dachte erklärt erklären erklärte beschreibt beschreiben nennt nennen nannte genannt
zeigt zeigen zeigte gilt gelten galt wirklich überhaupt jemand irgendwie ungefähr geworden worden gehabt
`;

const ENGLISH = `
what who whom whose which when where why how much many does did do say says said tell tells told get gets got make makes made
go goes going went happen happens happened according really still also mean means meant think thinks give gives gave given
show shows showed call called name named exactly actually roughly approximately far often soon
want wants wanted need needs become becomes became becoming
`;

// Words for the article and its author say where to look, not what about ("laut dem Bericht").
const FRAME = new Set([...[...GERMAN.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean).map(normalizeWord), ...ARTICLE_NOUNS, ...AUTHOR_NOUNS]);

/** Adjectives that ask for a measure right after "wie"/"how": "Wie groß…", "How long…". */
const MEASURE = new Set(['gross', 'hoch', 'lang', 'lange', 'weit', 'oft', 'alt', 'schnell', 'teuer', 'big', 'large', 'high', 'long', 'old', 'fast', 'expensive'].map(normalizeWord));
const HOW = new Set(['wie', 'how']);

/**
 * Whether a word asks for a measure ("alt" in "Wie alt…", "long" in "How long…"). It is frame
 * for the score, but it still says what the question wants to know: a passage that names the
 * person without an age does not answer "Wie alt ist Wladimir Putin?".
 */
export function isMeasureWord(word: string, previous?: string): boolean {
  return previous !== undefined && HOW.has(normalizeWord(previous)) && MEASURE.has(normalizeWord(word));
}

/** Whether a word (as typed) is frame rather than topic; `previous` is the word before it. */
export function isFrameWord(word: string, previous?: string): boolean {
  return FRAME.has(normalizeWord(word)) || isMeasureWord(word, previous);
}
