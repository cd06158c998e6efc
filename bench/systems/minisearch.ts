import MiniSearch, { type SearchOptions } from 'minisearch';
import type { BenchDoc, BenchSystem } from './system.js';

const FIELDS = ['title', 'heading', 'text'];

/**
 * MiniSearch as a user would start with it: the three fields, nothing else. `searchOptions`
 * is the only difference between the "defaults" and the "fuzzy 0.2 + prefix" rows.
 */
export function createMiniSearchSystem(searchOptions?: SearchOptions): BenchSystem {
  let index: MiniSearch<BenchDoc> | undefined;
  return {
    build(_corpus, docs) {
      index = new MiniSearch<BenchDoc>({ fields: FIELDS, ...(searchOptions ? { searchOptions } : {}) });
      index.addAll(docs);
    },
    search(question, limit) {
      if (!index) throw new Error('Quelle bench: search before build');
      return index.search(question).slice(0, limit).map((result) => result.id as number);
    },
  };
}

/** The option set that issue 5 compares with: typo tolerance and search-as-you-type. */
export const FUZZY_PREFIX: SearchOptions = { fuzzy: 0.2, prefix: true };
