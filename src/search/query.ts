import type { Analyzer } from './analysis/analyzer.js';
import { tokenizeWords } from './analysis/tokenize.js';
import type { Vocabulary } from './vocabulary.js';

/** One thing the question asks for: a word, and the index terms that may stand for it. */
export interface Concept {
  /** The question word's index term. */
  readonly term: string;
  /** How much matching it tells (inverse document frequency): rare words weigh more. */
  readonly weight: number;
  /** Search `term` as a prefix too ("Vasallen" → "Vasallenstaat"). */
  readonly prefix: boolean;
  /** Maximum edits for typos, 0 for none ("Deepsek" → "DeepSeek"). */
  readonly fuzzy: number;
  /** Compounds of the corpus with this word as their head ("Invasion" → "Großinvasion"). */
  readonly compounds: readonly string[];
  /** A shortened stem searched as a prefix, for long words the corpus lacks ("Militärtechnik" → "Militärtechnologie"). */
  readonly stem: string | undefined;
  /** Related words by German word formation, searched as prefixes ("Nutzung" → "nutzen", "gewachsen" → "Wachstum"). */
  readonly related: readonly string[];
}

export interface QueryPlanOptions {
  readonly minPrefixLength: number;
  readonly minCompoundHeadLength: number;
  readonly maxCompounds: number;
  readonly minFuzzyLength: number;
  readonly minTwoEditLength: number;
  readonly minTruncateLength: number;
  readonly idfPower: number;
  readonly maxExpandedDocShare: number;
  readonly maxExpandedDocFreq: number;
}

const HAS_DIGIT = /\p{Nd}/u;
/** Noun and adjective suffixes whose removal leaves the verb or noun they are formed from. */
const DERIVATION = /(?:ung|heit|keit|schaft|lich|isch)$/;
const MIN_BASE = 4;

/** Bases of a (stemmed) word by derivation: "nutzung" → "nutz", "gewachs" (gewachsen) → "wachs". */
export function relatedForms(term: string): string[] {
  const forms: string[] = [];
  const derived = DERIVATION.exec(term);
  if (derived && term.length - derived[0].length >= MIN_BASE) forms.push(term.slice(0, -derived[0].length));
  // Past participles: ge-…-en / ge-…-t.
  if (term.startsWith('ge') && term.length - 2 >= MIN_BASE + 1) forms.push(term.slice(2));
  return forms;
}

/** Question → concepts, each expanded against the corpus vocabulary. */
export function planQuery(analyzer: Analyzer, vocabulary: Vocabulary, documents: number, question: string, options: QueryPlanOptions): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const add = (term: string) => {
    if (seen.has(term)) return;
    seen.add(term);
    const df = vocabulary.documentFrequency(term);
    const known = vocabulary.has(term);
    const rare = df <= Math.max(options.maxExpandedDocFreq, documents * options.maxExpandedDocShare);
    // Numbers and codes ("2024", "R1") are exact: 2024 is not a typo of 2025.
    const literal = HAS_DIGIT.test(term);
    concepts.push({
      term,
      weight: Math.log(1 + documents / (1 + df)) ** options.idfPower,
      // Prefixes widen the search for rare words; a common word has recall enough, and its
      // prefix ranges are large ("gross" → hundreds of terms) and slow.
      prefix: !literal && term.length >= options.minPrefixLength && rare,
      // Typos make words the corpus does not have; a known word is taken as meant.
      fuzzy: literal || known ? 0 : term.length >= options.minTwoEditLength ? 2 : term.length >= options.minFuzzyLength ? 1 : 0,
      // Compounds, like prefixes, widen the search for rare words only: "Fehler" needs no
      // "Tippfehler", but "Invasion" needs "Großinvasion" when the corpus has no "Invasion".
      compounds: literal || term.length < options.minCompoundHeadLength || !rare ? [] : vocabulary.compoundsEndingWith(term, 3, options.maxCompounds),
      stem: !literal && !known && term.length >= options.minTruncateLength ? term.slice(0, Math.max(6, Math.ceil(term.length * 0.7))) : undefined,
      related: literal ? [] : relatedForms(term),
    });
  };
  for (const word of tokenizeWords(question)) {
    const whole = analyzer.term(word.surface);
    // A hyphenated word is asked for by its parts: "Open-Source-Modelle" should find
    // "chinesische Modelle … Open-Source-Szene", not only the same hyphenated whole.
    if (whole !== null && word.parts.length === 0) add(whole);
    for (const part of word.parts) {
      const term = analyzer.term(part.surface);
      if (term !== null) add(term);
    }
  }
  // Two question words may be one compound in the corpus: "Kurs der Aktien" → "Aktienkurs".
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i] as Concept;
    const b = concepts[i + 1] as Concept;
    for (const [modifier, head] of [[a, b], [b, a]] as const) {
      if (modifier.term.length < 3 || head.term.length < 3 || HAS_DIGIT.test(modifier.term + head.term)) continue;
      const joined = vocabulary.compoundsOf(modifier.term, head.term, options.maxCompounds);
      for (const term of joined) {
        for (const concept of [modifier, head]) if (!concept.compounds.includes(term)) (concept.compounds as string[]).push(term);
      }
    }
  }
  return concepts;
}
