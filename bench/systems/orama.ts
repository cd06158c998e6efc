import { create, insertMultiple, search, type AnyOrama } from '@orama/orama';
import { index as oramaIndex, internalDocumentIDStore } from '@orama/orama/components';
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
   * Give BM25 the term counts it is defined on. Orama de-duplicates a field's tokens and stores
   * tf = 1 / (distinct words of the field): every term counts once, and the field length enters
   * twice (in tf and in BM25's own length normalisation), so a two-word heading that contains
   * a common word outscores a paragraph that contains two rare ones. This keeps repeated
   * tokens, stores the raw count, and counts each document once per term for the IDF.
   */
  readonly termCounts: boolean;
  /** BM25 parameters; Orama's defaults are k 1.2, b 0.75, d 0.5. */
  readonly relevance?: { readonly k?: number; readonly b?: number; readonly d?: number };
}

export const ORAMA_DEFAULTS: OramaSetup = { wholeWords: false, termCounts: false };
export const ORAMA_FAIR: OramaSetup = { wholeWords: true, termCounts: true };

const SCHEMA = { title: 'string', heading: 'string', text: 'string' } as const;

type OramaIndexComponent = ReturnType<typeof oramaIndex.createIndex>;

function indexComponent(setup: OramaSetup): OramaIndexComponent {
  const component = oramaIndex.createIndex();
  if (setup.wholeWords) {
    const lookUp = component.search;
    component.search = (store, term, tokenizer, language, properties, _exact, ...rest) =>
      lookUp(store, term, tokenizer, language, properties, true, ...rest);
  }
  if (setup.termCounts) {
    component.insertTokenScoreParameters = (store, prop, id, tokens, token) => {
      const internalId = internalDocumentIDStore.getInternalDocumentId(store.sharedInternalDocumentStore, id);
      const frequencies = store.frequencies[prop]?.[internalId];
      const occurrences = store.tokenOccurrences[prop];
      // Called once per occurrence now that duplicates are kept; only the first one counts.
      if (!frequencies || !occurrences || token in frequencies) return;
      let count = 0;
      for (const t of tokens) if (t === token) count++;
      frequencies[token] = count;
      occurrences[token] = (occurrences[token] ?? 0) + 1;
    };
  }
  return component;
}

/** Orama 3 with the German stemmer and stop words of @orama/stemmers and @orama/stopwords. */
export function createOramaSystem(setup: OramaSetup): BenchSystem {
  let db: AnyOrama | undefined;
  return {
    async build(_corpus, docs) {
      db = create({
        schema: SCHEMA,
        components: {
          tokenizer: { language: 'german', stemmer, stopWords: stopwords, allowDuplicates: setup.termCounts },
          index: indexComponent(setup),
        },
      });
      await insertMultiple(
        db,
        docs.map((doc) => ({ id: String(doc.id), title: doc.title, heading: doc.heading ?? '', text: doc.text })),
      );
    },
    async search(question, limit) {
      if (!db) throw new Error('Quelle bench: search before build');
      // A copy: Orama writes its defaults into the relevance object it is given.
      const relevance = setup.relevance ? { relevance: { ...setup.relevance } } : {};
      const results = await search(db, { term: question, limit, ...relevance });
      return results.hits.map((hit) => Number(hit.id));
    },
  };
}
