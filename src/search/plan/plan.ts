import type { Analyzer } from '../analysis/analyzer.js';
import { normalizeWord } from '../analysis/normalize.js';
import { tokenizeWords, type WordToken } from '../analysis/tokenize.js';
import type { Lemmas } from '../lexicon/lemmas.js';
import { isFrameWord, isMeasureWord } from './frame-words.js';
import { isToolName } from './tool-names.js';
import type { Bridges, Phrase } from '../lexicon/bridges.js';
import { englishBase, isEnglish } from '../lexicon/english.js';
import { LINKS, type Vocabulary } from '../index/vocabulary.js';

/** How an alternative of a question word was found. */
export type BridgeKind = 'translation' | 'synonym' | 'paraphrase' | 'split';

/** Another way to match a question word: a German phrase of the corpus, weighted below an exact match. */
export interface Alternative {
  /** Index terms that must all occur in a passage. */
  readonly terms: Phrase;
  /** Score and coverage weight of a match through it (an exact match weighs 1). */
  readonly weight: number;
  readonly via: BridgeKind;
  /** Searched only in titles and headings: a word too common in paragraphs to bridge to (see Bridges.commonSynonyms). */
  readonly contextOnly?: boolean;
}

/** One thing the question asks for: a word, and the index terms that may stand for it. */
export interface Concept {
  /** The question word's index term. */
  readonly term: string;
  /** How much matching it tells (inverse document frequency, lowered for frame words): rare words weigh more. */
  weight: number;
  /** The factor of the weight for the word's role: below 1 for frame words and lowercase words (see QueryPlanOptions). */
  readonly emphasis: number;
  /** Search `term` as a prefix too ("Vasallen" → "Vasallenstaat"). */
  readonly prefix: boolean;
  /** Maximum edits for typos, 0 for none ("Deepsek" → "DeepSeek"). */
  fuzzy: number;
  /** Compounds of the corpus with this word as their head ("Invasion" → "Großinvasion"). */
  readonly compounds: readonly string[];
  /** A shortened stem searched as a prefix, for long words the corpus lacks ("Militärtechnik" → "Militärtechnologie"). */
  readonly stem: string | undefined;
  /** Related words by German word formation, searched as prefixes ("Nutzung" → "nutzen", "gewachsen" → "Wachstum"). */
  readonly related: readonly string[];
  /** Translations, synonyms and compound parts: other words of the corpus for the same thing. */
  readonly alternatives: Alternative[];
  /** The word as typed. */
  readonly surface: string;
  /** Its English base form, for the dictionary. */
  readonly english: string;
  /** Interrogatives, common verbs: how the question asks, not what about. */
  readonly frame: boolean;
  /** A frame word that asks for a measure ("alt" in "Wie alt…"): what the question wants to know. */
  readonly measure: boolean;
  /**
   * The thing of the question this word belongs to, for counting how many things a passage
   * matches: the words of a name ("Wladimir Putin", "Xi Jinping") are one thing, not two.
   */
  readonly unit: number;
  /**
   * A tool or product the question names in lowercase and no lexicon knows ("mit rsync", "mit
   * ffmpeg"; see tool-names.ts): a passage that does not say it answers another question.
   */
  readonly tool: boolean;
}

/** Whether a concept says what the question is about (or which measure it wants). */
export const isContent = (concept: Concept): boolean => !concept.frame || concept.measure;

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
  readonly translationWeight: number;
  readonly synonymWeight: number;
  readonly paraphraseWeight: number;
  readonly splitWeight: number;
  readonly headWeight: number;
  readonly frameWeight: number;
  /** Paragraphs above which a frame word is too common to search for. */
  readonly commonDocFreq: number;
  readonly lowercaseWeight: number;
  /** Bridge to words too common in paragraphs through titles and headings (see Bridges.commonSynonyms). */
  readonly contextBridges: boolean;
}

/** A question, planned: its concepts and what the planner saw. */
export interface QueryPlan {
  readonly concepts: Concept[];
  /** Asked in English (by its function words). */
  readonly english: boolean;
}

const HAS_DIGIT = /\p{Nd}/u;
const CAPITALIZED = /^\p{Lu}/u;
/** Noun and adjective suffixes whose removal leaves the verb or noun they are formed from. */
const DERIVATION = /(?:ung|heit|keit|schaft|lich|isch)$/;
const MIN_BASE = 4;
/** Parts a question compound is split into are at least this long. */
const MIN_PART = 3;

/** Bases of a (stemmed) word by derivation: "nutzung" → "nutz", "gewachs" (gewachsen) → "wachs". */
function relatedForms(term: string): string[] {
  const forms: string[] = [];
  const derived = DERIVATION.exec(term);
  if (derived && term.length - derived[0].length >= MIN_BASE) forms.push(term.slice(0, -derived[0].length));
  // Past participles: ge-…-en / ge-…-t.
  if (term.startsWith('ge') && term.length - 2 >= MIN_BASE + 1) forms.push(term.slice(2));
  return forms;
}

/**
 * A compound the corpus lacks, split into two parts it has: "rohstoffexpor" (Rohstoffexporte)
 * → ["rohstoff", "expor"]. The longest known head wins: German compounds are right-headed.
 */
function splitCompound(term: string, analyzer: Analyzer, vocabulary: Vocabulary): [string, string] | undefined {
  for (let i = MIN_PART; i <= term.length - MIN_PART; i++) {
    const head = term.slice(i);
    if (vocabulary.documentFrequency(head) === 0) continue;
    const modifier = term.slice(0, i);
    for (const link of LINKS) {
      if (link !== '' && !modifier.endsWith(link)) continue;
      const base = modifier.slice(0, modifier.length - link.length);
      if (base.length < MIN_PART) continue;
      const stem = analyzer.term(base);
      if (stem !== null && vocabulary.documentFrequency(stem) > 0) return [stem, head];
    }
  }
  return undefined;
}

/**
 * The head of a compound the corpus lacks: its longest ending that the corpus has as a word
 * of its own ("hirnchip" → "chip", "wahrungskris" → "kris"). German compounds are
 * right-headed: a "Hirnchip" is a chip, a "Währungskrise" a crisis.
 */
function compoundHead(term: string, vocabulary: Vocabulary, minHead: number): string | undefined {
  for (let i = MIN_PART; i <= term.length - minHead; i++) {
    const head = term.slice(i);
    if (vocabulary.documentFrequency(head) > 0) return head;
  }
  return undefined;
}

/** Question → concepts, each expanded against the corpus vocabulary and the bridges. */
export function planQuery(analyzer: Analyzer, vocabulary: Vocabulary, bridges: Bridges, documents: number, question: string, options: QueryPlanOptions): QueryPlan {
  const tokens = tokenizeWords(question);
  const english = isEnglish(tokens.map((t) => t.surface));
  // German capitalizes nouns: in a question written with capitals, a lowercase word after
  // the first is a verb or an adjective, the frame rather than the topic.
  const cased = !english && tokens.some((t, i) => i > 0 && CAPITALIZED.test(t.surface) && !HAS_DIGIT.test(t.surface));
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  // A word the corpus lacks weighs like its rarest word, not more: "@everyone Gallium" is about Gallium.
  const idf = (df: number) => Math.log(1 + documents / (1 + Math.max(1, df))) ** options.idfPower;
  // Words of a name run on in one unit: capitalized, side by side, not the sentence's first,
  // the first not a genitive ("Russlands Staatschef" is two things, "Xi Jinping" one).
  let unit = -1;
  let unitEnd = -2;
  const unitOf = (surface: string, position: number, previous: string | undefined, frame: boolean): number => {
    const name = position > 0 && !frame && CAPITALIZED.test(surface) && !HAS_DIGIT.test(surface);
    const continues = name && unitEnd === position - 1 && previous !== undefined && !/s$/.test(previous);
    if (!continues) unit++;
    unitEnd = name ? position : -2;
    return unit;
  };
  const add = (term: string, surface: string, position: number, previous: string | undefined) => {
    if (seen.has(term)) return;
    seen.add(term);
    const df = vocabulary.documentFrequency(term);
    const known = vocabulary.has(term);
    const rare = df <= Math.max(options.maxExpandedDocFreq, documents * options.maxExpandedDocShare);
    // Numbers and codes ("2024", "R1") are exact: 2024 is not a typo of 2025.
    const literal = HAS_DIGIT.test(term);
    const frame = isFrameWord(surface, previous);
    const wordUnit = unitOf(surface, position, previous, frame);
    const lowercase = cased && position > 0 && !CAPITALIZED.test(surface) && !literal;
    // German word formation is for German words: in an English question, "rich" is not the
    // head of "Bericht". English words are matched as typed, as the first part of a compound
    // (loanwords: "exports" → "Exportkontrollen"), and translated.
    const formed = !literal && !english;
    const emphasis = frame ? options.frameWeight : lowercase ? options.lowercaseWeight : 1;
    concepts.push({
      term,
      weight: idf(df) * emphasis,
      emphasis,
      // Prefixes widen the search for rare words; a common word has recall enough, and its
      // prefix ranges are large ("gross" → hundreds of terms) and slow.
      prefix: !literal && term.length >= options.minPrefixLength && rare,
      // Typos make words the corpus does not have; a known word is taken as meant.
      fuzzy: literal || known ? 0 : term.length >= options.minTwoEditLength ? 2 : term.length >= options.minFuzzyLength ? 1 : 0,
      // Compounds, like prefixes, widen the search for rare words only: "Fehler" needs no
      // "Tippfehler", but "Invasion" needs "Großinvasion" when the corpus has no "Invasion".
      // As the head ("Invasion" → "Großinvasion") or the first part ("Banken" → "Bankensektor").
      compounds:
        !formed || frame || !rare || term.length < options.minCompoundHeadLength
          ? []
          : [...vocabulary.compoundsEndingWith(term, 3, options.maxCompounds), ...vocabulary.compoundsStartingWith(term, options.maxCompounds)],
      stem: formed && !known && term.length >= options.minTruncateLength ? term.slice(0, Math.max(6, Math.ceil(term.length * 0.7))) : undefined,
      related: formed ? relatedForms(term) : [],
      alternatives: [],
      surface,
      english: englishBase(normalizeWord(surface)),
      frame,
      measure: isMeasureWord(surface, previous),
      unit: wordUnit,
      tool: !frame && !literal && isToolName(surface, cased, analyzer, bridges),
    });
  };
  const joined = separableVerbs(question, tokens, analyzer.lemmas);
  tokens.forEach((word, position) => {
    const verb = joined.get(position);
    const whole = verb === undefined ? analyzer.term(word.surface) : analyzer.term(verb);
    // A hyphenated word is asked for by its parts: "Open-Source-Modelle" should find
    // "chinesische Modelle … Open-Source-Szene", not only the same hyphenated whole.
    // The whole is asked for too when the corpus writes it so ("IT-Experten": "IT" alone is a stopword).
    const previous = tokens[position - 1]?.surface;
    if (whole !== null && (word.parts.length === 0 || vocabulary.documentFrequency(whole) > 0)) add(whole, word.surface, position, previous);
    for (const part of word.parts) {
      const term = analyzer.term(part.surface);
      if (term !== null) add(term, part.surface, position, previous);
    }
  });

  // Two question words may be one compound in the corpus: "Kurs der Aktien" → "Aktienkurs",
  // "die Provinz … ihrer Regierung" → "Provinzregierung".
  for (let i = 0; i < concepts.length && !english; i++) {
    for (let j = i + 1; j < concepts.length; j++) joinCompounds(concepts[i] as Concept, concepts[j] as Concept, vocabulary, options.maxCompounds);
  }

  addBridges(concepts, english, analyzer, vocabulary, bridges, options);
  // An English noun pair is often one German compound: "energy imports" → "Energieimporte",
  // "capital of the province" → "Provinzhauptstadt". Joined through the translations.
  for (let i = 0; i + 1 < concepts.length && english; i++) joinTranslations(concepts[i] as Concept, concepts[i + 1] as Concept, vocabulary, bridges, options.maxCompounds);
  // A word the corpus lacks weighs what its bridges weigh: an unknown English word is not
  // rarer than its German translation, and off-topic words without bridges keep the
  // highest weight, so that a passage sharing only the question's common words fails.
  for (const concept of concepts) {
    if (vocabulary.documentFrequency(concept.term) > 0 || concept.alternatives.length === 0) continue;
    let df = 0;
    for (const alternative of concept.alternatives) df = Math.max(df, Math.min(...alternative.terms.map((t) => vocabulary.documentFrequency(t))));
    concept.weight = idf(df) * concept.emphasis;
    // A word the dictionary or the thesaurus knows is no typo; typo search is the costly
    // lookup ("shipments" with two edits walks much of the index).
    concept.fuzzy = 0;
  }
  // A common frame word ("gibt", "seit") weighs next to nothing and is the costliest lookup.
  // A measure word stays: it says what the question wants to know ("alt" in "Wie alt…").
  return { concepts: concepts.filter((c) => c.measure || !(c.frame && vocabulary.documentFrequency(c.term) > options.commonDocFreq)), english };
}

/** Particles of separable verbs, as they stand apart at the end of a clause ("brach … ein"). */
const PARTICLES = new Set(
  'ab an auf aus bei dar durch ein fest fort her heraus herein herunter hin hinaus hinein hoch los mit nach nieder um vor vorbei weg weiter wieder zu zurück zusammen'.split(' ').map(normalizeWord),
);
const CLAUSE_END = /[,;:.!?]/;

/**
 * Separable verbs of a question, joined: "Wann brach der Kurs ein?" asks about einbrechen,
 * "Wie benenne ich eine Datei um?" about umbenennen. A particle at the end of a clause is
 * joined with the first word before it that the full-form lexicon knows as its verb; the
 * word's position → the joined verb's lemma. Thesauri and the corpus know the joined verb.
 */
function separableVerbs(question: string, tokens: readonly WordToken[], lemmas: Lemmas | undefined): Map<number, string> {
  const joined = new Map<number, string>();
  if (lemmas === undefined) return joined;
  tokens.forEach((token, p) => {
    const particle = normalizeWord(token.surface);
    if (p === 0 || !PARTICLES.has(particle)) return;
    const after = question.slice(token.end, tokens[p + 1]?.start ?? question.length);
    if (p + 1 < tokens.length && !CLAUSE_END.test(after)) return;
    for (let v = 0; v < p; v++) {
      if (joined.has(v)) continue;
      const form = normalizeWord((tokens[v] as WordToken).surface);
      const verb = lemmas.separable(particle, lemmas.lemmasOf(form)?.[0] ?? form);
      if (verb !== undefined) {
        joined.set(v, verb);
        return;
      }
    }
  });
  return joined;
}

/**
 * Adds to both concepts the corpus compounds of a word of one with a word of the other, either
 * way round ("aktie" + "kur" → "aktienkur"). A concept's words are its term unless `wordsOf`
 * says more (an English word's translations). `whole` also adds a word of one that is already
 * the compound, starting with a word of the other.
 */
function joinCompounds(a: Concept, b: Concept, vocabulary: Vocabulary, limit: number, wordsOf = (c: Concept): readonly string[] => [c.term], whole = false): void {
  if (a.frame || b.frame) return;
  const add = (term: string) => {
    for (const concept of [a, b]) if (!concept.compounds.includes(term)) (concept.compounds as string[]).push(term);
  };
  for (const [modifiers, heads] of [[wordsOf(a), wordsOf(b)], [wordsOf(b), wordsOf(a)]] as const) {
    for (const modifier of modifiers) {
      for (const head of heads) {
        if (modifier.length < 3 || head.length < 3 || HAS_DIGIT.test(modifier + head)) continue;
        vocabulary.compoundsOf(modifier, head, limit).forEach(add);
        if (whole && head.length > modifier.length && modifier.length >= MIN_PART + 1 && head.startsWith(modifier) && vocabulary.documentFrequency(head) > 0) add(head);
      }
    }
  }
}

/**
 * The compounds of two neighbouring English words, through their translations. The
 * dictionary's words count, not only those the corpus has alone ("Energie" may stand only in
 * "Energieimporte"), and one translation may already be the compound: "capital" →
 * "Provinzhauptstadt", which starts with "province" → "Provinz".
 */
function joinTranslations(a: Concept, b: Concept, vocabulary: Vocabulary, bridges: Bridges, limit: number): void {
  const words = (concept: Concept) => [
    ...new Set([concept.term, ...bridges.words(concept.english), ...concept.alternatives.filter((alt) => alt.terms.length === 1).map((alt) => alt.terms[0] as string)]),
  ];
  joinCompounds(a, b, vocabulary, limit, words, true);
}

function addBridges(concepts: readonly Concept[], english: boolean, analyzer: Analyzer, vocabulary: Vocabulary, bridges: Bridges, options: QueryPlanOptions): void {
  const push = (concept: Concept, phrases: readonly Phrase[], weight: number, via: BridgeKind, contextOnly = false) => {
    if (contextOnly && !options.contextBridges) return;
    for (const terms of phrases) {
      if (terms.length === 1 && terms[0] === concept.term) continue;
      if (concept.alternatives.some((a) => a.terms.join(' ') === terms.join(' '))) continue;
      concept.alternatives.push(contextOnly ? { terms, weight, via, contextOnly } : { terms, weight, via });
    }
  };
  for (let i = 0; i < concepts.length; i++) {
    const concept = concepts[i] as Concept;
    const next = concepts[i + 1];
    const known = vocabulary.documentFrequency(concept.term) > 0;
    // English: the dictionary for every word of an English question, and for any word the
    // corpus lacks (keywords in English: "rare earth export"). Two-word phrases first.
    if (english || !known) {
      if (next !== undefined) {
        const phrase = bridges.translations(`${concept.english} ${next.english}`);
        push(concept, phrase, options.translationWeight, 'translation');
        push(next, phrase, options.translationWeight, 'translation');
      }
      push(concept, bridges.translations(concept.english), options.translationWeight, 'translation');
      push(concept, bridges.commonTranslations(concept.english), options.translationWeight, 'translation', true);
    }
    // Synonyms are for what the question says, not how it asks: a thesaurus knows many senses
    // of a frame verb ("gehen" → "Thema", "Handel").
    if (!english && !concept.frame) {
      if (next !== undefined) {
        const phrase = bridges.synonyms(`${concept.term} ${next.term}`);
        push(concept, phrase, options.synonymWeight, 'synonym');
        push(next, phrase, options.synonymWeight, 'synonym');
      }
      push(concept, bridges.synonyms(concept.term), options.synonymWeight, 'synonym');
      push(concept, bridges.commonSynonyms(concept.term), options.synonymWeight, 'synonym', true);
      if (options.paraphraseWeight > 0) push(concept, bridges.paraphrases(concept.term), options.paraphraseWeight, 'paraphrase');
      if (!known && !HAS_DIGIT.test(concept.term)) {
        const parts = splitCompound(concept.term, analyzer, vocabulary);
        if (parts !== undefined) push(concept, [parts], options.splitWeight, 'split');
        const head = compoundHead(concept.term, vocabulary, options.minCompoundHeadLength);
        if (head !== undefined) push(concept, [[head]], options.headWeight, 'split');
      }
    }
  }
}
