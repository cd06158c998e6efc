import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { checkInternals, rawSearch } from '../../../src/search/index/minisearch-internals.js';

describe('checkInternals', () => {
  it('accepts the pinned MiniSearch', () => {
    expect(() => checkInternals(new MiniSearch({ fields: ['text'] }))).not.toThrow();
  });

  it('stops a build on a MiniSearch without the members the engine reads, with an exact message', () => {
    const message = 'Quelle: this MiniSearch lacks executeQuery or _documentIds, which the engine reads; use minisearch 7.x as pinned in package-lock.json';
    expect(() => checkInternals({})).toThrow(message);
    expect(() => checkInternals({ executeQuery: () => new Map() })).toThrow(message);
    expect(() => checkInternals({ _documentIds: new Map() })).toThrow(message);
  });
});

describe('rawSearch', () => {
  it('finds by the ids the documents were given, unsorted, with what matched in which field', () => {
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    index.addAll([
      { id: 40, text: 'Gallium und Germanium' },
      { id: 7, text: 'seltene Erden' },
      { id: 12, text: 'Gallium Gallium Gallium' },
    ]);
    const found = rawSearch(index, 'gallium', {});
    expect([...found.keys()].sort((a, b) => a - b)).toEqual([12, 40]);
    expect(found.get(40)?.match).toEqual({ gallium: ['text'] });
    // The same scores as MiniSearch's public search.
    for (const result of index.search('gallium')) expect(found.get(result.id as number)?.score).toBeCloseTo(result.score);
  });
});
