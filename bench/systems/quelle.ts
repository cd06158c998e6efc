import { buildEngine } from '../../src/search/engine.js';
import { loadLemmas } from '../../src/search/lexicon/lemmas.js';
import { loadLexicons } from '../../src/search/lexicon/load.js';
import type { Engine } from '../../src/search/types.js';
import type { BenchDoc, BenchSystem } from './system.js';

/** Quelle's own engine: it receives the loaded corpus, exactly as the bot builds it. */
export function createQuelleSystem(): BenchSystem {
  let engine: Engine | undefined;
  let docs: readonly BenchDoc[] = [];
  let idOf: Map<string, number> | undefined;
  return {
    async build(corpus, allDocs) {
      // Loading the lexicons is part of the build the bot does, so it is timed too.
      engine = buildEngine(corpus, { lexicon: await loadLexicons(), lemmas: await loadLemmas() });
      docs = allDocs;
    },
    search(question, limit) {
      if (!engine) throw new Error('Quelle bench: search before build');
      // Built on first use, outside the timed build: the peers get ids for free.
      const ids = (idOf ??= new Map(docs.map((doc) => [`${doc.file}\u0000${doc.paragraph}`, doc.id])));
      // Bylines are no paragraph the peers index; the bench compares paragraphs.
      return engine.search(question, { limit }).passages.filter((p) => p.kind !== 'byline').map((passage) => {
        const id = ids.get(`${passage.file}\u0000${passage.paragraph}`);
        if (id === undefined) throw new Error(`Quelle bench: engine returned an unknown passage ${passage.file} #${passage.paragraph}`);
        return id;
      });
    },
    confident(question) {
      return engine?.search(question).confidence === 'answer';
    },
  };
}
