import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { BenchSystem } from './system.js';

type LunrPlugin = (lunrInstance: typeof lunr) => void;

/**
 * lunr-languages are CommonJS plugins that patch the lunr object they are given; they ship
 * no types and no ESM entry, so they are required and registered once, on first use
 * (registering twice makes lunr warn about overwritten pipeline functions).
 */
let german: lunr.Builder.Plugin | undefined;

function germanPlugin(): lunr.Builder.Plugin {
  if (german) return german;
  const require = createRequire(import.meta.url);
  (require('lunr-languages/lunr.stemmer.support.js') as LunrPlugin)(lunr);
  (require('lunr-languages/lunr.de.js') as LunrPlugin)(lunr);
  german = (lunr as unknown as { de: lunr.Builder.Plugin }).de;
  return german;
}

/**
 * lunr 2 with the German pipeline (trimmer, stop words, Snowball stemmer) on both sides.
 * Questions go through `query()` term by term instead of `search()`, whose query syntax
 * (`field:`, `-`, `+`, `~`, `^`) would turn ordinary punctuation in a question into
 * operators or parse errors; every term stays optional, as in `search()`.
 */
export function createLunrSystem(): BenchSystem {
  let index: lunr.Index | undefined;
  return {
    build(_corpus, docs) {
      const de = germanPlugin();
      index = lunr(function () {
        this.use(de);
        this.ref('id');
        this.field('title');
        this.field('heading');
        this.field('text');
        for (const doc of docs) this.add({ id: String(doc.id), title: doc.title, heading: doc.heading ?? '', text: doc.text });
      });
    },
    search(question, limit) {
      if (!index) throw new Error('Quelle bench: search before build');
      const tokens = lunr.tokenizer(question);
      if (tokens.length === 0) return [];
      return index
        .query((query) => {
          for (const token of tokens) query.term(token, { presence: lunr.Query.presence.OPTIONAL });
        })
        .slice(0, limit)
        .map((result) => Number(result.ref));
    },
  };
}
