import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import { index as oramaIndex } from '@orama/orama/components';
import { stemmer } from '@orama/stemmers/german';
import { stopwords } from '@orama/stopwords/german';
import type { BenchSystem } from './system.js';

export interface OramaSetup {
  /**
   * Match query terms as whole indexed words. Orama's default (`exact: false`) also matches
   * every indexed word that merely starts with a query term and scores each such word as a
   * full hit; `exact: true`, its only switch, additionally drops every document that does not
   * contain all raw query words case-sensitively, which no question survives. So whole-word
   * matching is set where Orama looks words up: its index component.
   */
  readonly wholeWords: boolean;
  /**
   * Keep repeated tokens of a field. By default Orama de-duplicates a field's tokens before
   * counting them, so every term frequency is 1 / (distinct words of the field).
   */
  readonly termFrequencies: boolean;
  /** BM25 parameters; Orama's defaults are k 1.2, b 0.75, d 0.5. */
  readonly relevance?: { readonly k?: number; readonly b?: number; readonly d?: number };
}

export const ORAMA_DEFAULTS: OramaSetup = { wholeWords: false, termFrequencies: false };
export const ORAMA_FAIR: OramaSetup = { wholeWords: true, termFrequencies: true };

const SCHEMA = { title: 'string', heading: 'string', text: 'string' } as const;

/** Orama 3 with the German stemmer and stop words of @orama/stemmers and @orama/stopwords. */
export function createOramaSystem(setup: OramaSetup): BenchSystem {
  let db: AnyOrama | undefined;
  return {
    async build(_corpus, docs) {
      const index = oramaIndex.createIndex();
      if (setup.wholeWords) {
        const lookUp = index.search;
        index.search = (store, term, tokenizer, language, properties, _exact, ...rest) =>
          lookUp(store, term, tokenizer, language, properties, true, ...rest);
      }
      db = create({
        schema: SCHEMA,
        components: {
          tokenizer: { language: 'german', stemmer, stopWords: stopwords, allowDuplicates: setup.termFrequencies },
          index,
        },
      });
      await insertMultiple(
        db,
        docs.map((doc) => ({ id: String(doc.id), title: doc.title, heading: doc.heading ?? '', text: doc.text })),
      );
    },
    async search(question, limit) {
      if (!db) throw new Error('Quelle bench: search before build');
      const results = await search(db, { term: question, limit, ...(setup.relevance ? { relevance: setup.relevance } : {}) });
      return results.hits.map((hit) => Number(hit.id));
    },
  };
}
