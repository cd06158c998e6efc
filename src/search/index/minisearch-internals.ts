import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/** What one index found for one term, by the document ids the engine gave. */
export type RawResults = Map<number, { score: number; match: Record<string, string[]> }>;

/**
 * The two non-public members of MiniSearch the engine reads: `executeQuery` (private) and
 * `_documentIds` (protected). Both exist in 7.x, which package-lock.json pins.
 */
interface Internals {
  executeQuery(query: string, options: SearchOptions): RawResults;
  readonly _documentIds: Map<number, number>;
}

/**
 * Checks, once per index at build, that this MiniSearch still has the members `rawSearch`
 * reads, so that a version bump that removed them stops the start with this message instead
 * of failing on the first question.
 */
export function checkInternals(index: MiniSearch<never> | object): void {
  const internals = index as Partial<Internals>;
  if (typeof internals.executeQuery !== 'function' || !(internals._documentIds instanceof Map)) {
    throw new Error('Quelle: this MiniSearch lacks executeQuery or _documentIds, which the engine reads; use minisearch 7.x as pinned in package-lock.json');
  }
}

/**
 * MiniSearch's unsorted result map, by the document ids we gave. `search()` would sort every
 * result and copy it into a new object: for a common word in 40k paragraphs that is most of
 * the query time, and the engine ranks by its own combined score anyway. `executeQuery` is
 * MiniSearch's own step before that (see checkInternals).
 */
export function rawSearch<T>(index: MiniSearch<T>, term: string, options: SearchOptions): RawResults {
  const internals = index as unknown as Internals;
  const byId: RawResults = new Map();
  for (const [shortId, result] of internals.executeQuery(term, options)) byId.set(internals._documentIds.get(shortId) as number, result);
  return byId;
}
