import type { Concept } from '../plan/plan.js';

/** What one concept of a question matched in one passage. */
export interface PassageMatch {
  /** The best score of any of the concept's ways to match (the word, its forms, its bridges). */
  score: number;
  /** How much of the concept it covers (1: the word as asked), by the best way it matched. */
  covered: number;
  /** Matched in the passage's own text, not only in its heading or title. */
  textual: boolean;
  /** Matched in the passage's text or heading: said by the passage, not only by its article's title. */
  local: boolean;
  /** Matched in its page's description ("rmdir - Leere Verzeichnisse entfernen"): what the whole page is for. */
  described: boolean;
  /** Index terms matched in this passage → weight of the concept they stand for (for highlights). */
  readonly terms: Map<string, number>;
}

/** Everything one concept matched, by passage id. */
export interface ConceptMatches {
  readonly matches: ReadonlyMap<number, PassageMatch>;
  /** Per passage, what the question's own word covered before any bridge: the "exact" signal. */
  readonly direct: ReadonlyMap<number, number>;
  /**
   * Passages whose page's description says the question's own word (or its forms), before any
   * bridge: a translation or synonym reaches some description of a thousand pages by chance.
   */
  readonly described: ReadonlySet<number>;
}

/**
 * A way to find candidate passages for a planned question. The lexical retriever (lexical.ts)
 * looks the concepts up in the MiniSearch indexes; another retriever (an embedding service)
 * would add its own candidates, which rank fuses with these before any decision.
 */
export interface Retriever {
  /**
   * Per concept, in the question's order, what it matched; undefined for a concept that was
   * not looked up (a common measure word: counted as asked for, but telling nothing).
   */
  retrieve(concepts: readonly Concept[]): readonly (ConceptMatches | undefined)[];
}
