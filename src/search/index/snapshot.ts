import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AsPlainObject } from 'minisearch';
import type { AnalyzerOptions } from '../analysis/analyzer.js';
import type { Lemmas } from '../lexicon/lemmas.js';

/**
 * A built index, serialized: both MiniSearch indexes and the vocabulary. The corpus itself
 * is not in it (it is loaded anyway, and the snapshot is only valid for the same corpus).
 */
export interface EngineSnapshot {
  /** The index format it was made with (see indexFormat); restored only by the same. */
  readonly format: string;
  readonly index: AsPlainObject;
  readonly context: AsPlainObject;
  readonly vocabulary: readonly (readonly [string, number])[];
}

/** A snapshot that was made for another corpus or another index format. */
export class SnapshotMismatchError extends Error {
  override readonly name = 'SnapshotMismatchError';
}

/**
 * The code an index is made by: how text becomes terms (analysis/) and how a corpus becomes
 * passages, sections, indexes and vocabulary (index/). A snapshot made by other code is never
 * restored; the query side (plan, retrieve, rank, decide, present) may change freely.
 */
const INDEX_SOURCES = ['../analysis/', './'];

const formats = new Map<string, string>();

/**
 * A fingerprint of everything a snapshot depends on besides the corpus: the analyzer's
 * options, the full-form lexicon it reads, and the source of the code that analyzes and
 * indexes (read once per process).
 * It replaces a version number bumped by hand, which a forgotten bump would leave serving a
 * stale index. Options that only affect questions (weights, thresholds) are not part of it.
 */
export function indexFormat(analyzer: AnalyzerOptions = {}, lemmas?: Pick<Lemmas, 'fingerprint'>): string {
  // A full-form lexicon that lemmatizes decides which term a word becomes: part of the format.
  const options = JSON.stringify([analyzer, analyzer.lemmatize === true ? (lemmas?.fingerprint ?? null) : null]);
  let format = formats.get(options);
  if (format === undefined) {
    const hash = createHash('sha256').update(options);
    const here = fileURLToPath(import.meta.url);
    const extension = path.extname(here);
    for (const dir of INDEX_SOURCES.map((relative) => path.resolve(path.dirname(here), relative))) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(extension)).sort()) {
        hash.update(`\u0000${path.basename(dir)}/${name}\u0000`).update(readFileSync(path.join(dir, name)));
      }
    }
    format = hash.digest('hex').slice(0, 16);
    formats.set(options, format);
  }
  return format;
}
