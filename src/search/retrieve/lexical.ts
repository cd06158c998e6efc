import type { Indexes } from '../index/indexes.js';
import { rawSearch } from '../index/minisearch-internals.js';
import type { ConceptMatches, PassageMatch, Retriever } from './retriever.js';

/** How much of a question word a match covers, by the way it matched. */
export const MATCH_QUALITY = { exact: 1, prefix: 0.8, compound: 0.8, fuzzy: 0.7, stem: 0.5 } as const;

export interface LexicalOptions {
  /** Score weight of a match through a compound of the question word. */
  readonly compoundWeight: number;
  /** Score weight of a match through a related form or a shortened stem. */
  readonly stemWeight: number;
  /** Related forms shorter than this are not searched as prefixes. */
  readonly minPrefixLength: number;
  /** Passages above which a word is common (see defaults.ts, commonDocShare). */
  readonly commonDocFreq: number;
}

/** One passage found for one index term: its score, and the index terms that matched. */
interface Hit {
  readonly id: number;
  score: number;
  readonly terms: string[];
  /** Found in the passage text, not only in its heading or title. */
  readonly inText: boolean;
  /** Found in the passage text or its heading: said by the passage, not only by its article's title. */
  readonly local: boolean;
  /** Found in its page's description. */
  described: boolean;
}

interface LookupOptions {
  readonly prefix?: boolean;
  readonly fuzzy?: number;
  /** Titles and headings only. */
  readonly contextOnly?: boolean;
}

/** The lexical retriever: each concept, its forms, compounds and bridges, looked up in the indexes. */
export function lexicalRetriever(indexes: Indexes, options: LexicalOptions): Retriever {
  /** Passages matching a term in their text, heading or title; scores of the fields add up. */
  const lookupIndexes = (term: string, { contextOnly, ...lookup }: LookupOptions): Hit[] => {
    const hits = new Map<number, Hit>();
    if (contextOnly !== true) for (const [id, result] of rawSearch(indexes.text, term, lookup)) {
      hits.set(id, { id, score: result.score, terms: Object.keys(result.match), inText: true, local: true, described: false });
    }
    for (const [sectionId, result] of rawSearch(indexes.context, term, lookup)) {
      const inHeading = Object.values(result.match).some((fields) => fields.includes('heading'));
      const described = Object.values(result.match).some((fields) => fields.includes('description'));
      for (const id of indexes.sections[sectionId]?.paragraphs ?? []) {
        const hit = hits.get(id);
        if (hit === undefined) hits.set(id, { id, score: result.score, terms: Object.keys(result.match), inText: false, local: inHeading, described });
        else {
          hit.score += result.score;
          hit.described ||= described;
        }
      }
    }
    return [...hits.values()];
  };

  return {
    retrieve(concepts) {
      // A word can stand in several concepts and bridges ("Kurs" as a word, a synonym and a
      // translation), and a lookup of a common word is the costly part of a question: each
      // lookup is made once per question.
      const lookups = new Map<string, Hit[]>();
      const lookup = (term: string, lookupOptions: LookupOptions = {}): Hit[] => {
        const key = `${term}\u0000${lookupOptions.prefix === true ? 'p' : ''}${lookupOptions.contextOnly === true ? 'c' : ''}${lookupOptions.fuzzy ?? 0}`;
        let found = lookups.get(key);
        if (found === undefined) {
          found = lookupIndexes(term, lookupOptions);
          lookups.set(key, found);
        }
        return found;
      };

      /** Passages that hold every term of a phrase; the score is their mean. */
      const lookupPhrase = (terms: readonly string[], contextOnly: boolean): Hit[] => {
        if (terms.length === 1) return lookup(terms[0] as string, { contextOnly });
        let found: Map<number, Hit> | undefined;
        for (const term of terms) {
          const next = new Map<number, Hit>();
          for (const hit of lookup(term, { contextOnly })) {
            if (found === undefined) next.set(hit.id, { ...hit, terms: [...hit.terms] });
            else {
              const before = found.get(hit.id);
              if (before !== undefined) next.set(hit.id, { id: hit.id, score: before.score + hit.score, terms: [...before.terms, ...hit.terms], inText: before.inText || hit.inText, local: before.local || hit.local, described: before.described && hit.described });
            }
          }
          found = next;
        }
        return [...(found ?? new Map<number, Hit>()).values()].map((hit) => ({ ...hit, score: hit.score / terms.length }));
      };

      return concepts.map((concept) => {
        // A common measure word ("lang" in 2,000 man pages) is kept to count what the question
        // asks for (see content-things.ts), not looked up: it would weigh next to nothing, and a
        // common word's lookup is the costly part of a question.
        if (concept.measure && indexes.vocabulary.documentFrequency(concept.term) > options.commonDocFreq) return undefined;
        const matches = new Map<number, PassageMatch>();
        const collect = (hits: readonly Hit[], weight: number, quality: number) => {
          for (const hit of hits) {
            let match = matches.get(hit.id);
            if (match === undefined) {
              match = { score: 0, covered: 0, textual: false, local: false, described: false, terms: new Map() };
              matches.set(hit.id, match);
            }
            match.score = Math.max(match.score, hit.score * weight);
            match.covered = Math.max(match.covered, quality);
            if (hit.inText) match.textual = true;
            if (hit.local) match.local = true;
            if (hit.described) match.described = true;
            // Frame words ("gibt", "wann") are not what the reader looks for: not marked in the excerpt.
            if (!concept.frame) for (const term of hit.terms) match.terms.set(term, concept.weight);
          }
        };
        for (const hit of lookup(concept.term, { prefix: concept.prefix, fuzzy: concept.fuzzy })) {
          const exact = hit.terms.includes(concept.term);
          collect([hit], 1, exact ? MATCH_QUALITY.exact : hit.terms.some((t) => t.startsWith(concept.term)) ? MATCH_QUALITY.prefix : MATCH_QUALITY.fuzzy);
        }
        for (const compound of concept.compounds) collect(lookup(compound), options.compoundWeight, MATCH_QUALITY.compound);
        for (const base of concept.related) collect(lookup(base, { prefix: base.length >= options.minPrefixLength }), options.stemWeight, MATCH_QUALITY.stem);
        if (concept.stem !== undefined) collect(lookup(concept.stem, { prefix: true }), options.stemWeight, MATCH_QUALITY.stem);
        // What the question's own word matched, before any bridge.
        const direct = new Map<number, number>();
        const described = new Set<number>();
        for (const [id, match] of matches) {
          direct.set(id, match.covered);
          if (match.described) described.add(id);
        }
        for (const alternative of concept.alternatives) collect(lookupPhrase(alternative.terms, alternative.contextOnly === true), alternative.weight, alternative.weight);
        return { matches, direct, described } satisfies ConceptMatches;
      });
    },
  };
}
