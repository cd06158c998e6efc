import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../../corpus/types.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import type { AnalyzerOptions } from '../analysis/analyzer.js';
import type { Lemmas } from '../lexicon/lemmas.js';
import { indexFormat, type EngineSnapshot } from './snapshot.js';

const PREFIX = 'quelle-index-';
/** First line of a snapshot file: the format and a checksum of the JSON below it. */
const HEADER = /^quelle-index-cache v1 sha256:([0-9a-f]{64})\n/u;

/** A snapshot file that is damaged or not a snapshot: rebuild and overwrite it. */
export class SnapshotCorruptError extends Error {
  override readonly name = 'SnapshotCorruptError';
}

/**
 * The cache key of a corpus: a hash of everything the index is made from (every article's
 * file, title and paragraphs with their headings) and the index format (the analyzer's
 * options and the code that analyzes and indexes; see indexFormat). Any change to the corpus
 * or the format gives another key, so a stale snapshot is never used; it is simply not found.
 * Options that only affect questions keep the key.
 */
export function snapshotKey(corpus: Corpus, analyzer: AnalyzerOptions = {}, lemmas?: Pick<Lemmas, 'fingerprint'>): string {
  return `${corpusId(corpus.dir)}-${contentKey(corpus, indexFormat(analyzer, lemmas))}`;
}

/**
 * The part of the key that names the corpus dir: a process only replaces the snapshots of its
 * own corpus, never those of another process sharing the cache dir.
 */
function corpusId(dir: string): string {
  return createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 12);
}

function contentKey(corpus: Corpus, format: string): string {
  const hash = createHash('sha256');
  hash.update(format);
  for (const article of corpus.articles) {
    hash.update(JSON.stringify([article.file, article.title, article.byline ?? null]));
    for (const p of article.paragraphs) hash.update(`\u0000${p.heading ?? ''}\u0001${p.text}`);
  }
  return hash.digest('hex').slice(0, 32);
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, `${PREFIX}${key}.json`);
}

/**
 * The snapshot stored under `key`, or undefined when there is none. A file whose checksum or
 * shape is wrong throws SnapshotCorruptError (valid JSON with shuffled ids would otherwise be
 * restored and cite the wrong paragraphs); other read errors throw as they are.
 */
export async function readSnapshot(dir: string, key: string): Promise<EngineSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(fileFor(dir, key), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const header = HEADER.exec(text);
  if (header === null) throw new SnapshotCorruptError('Quelle: index snapshot has no valid header');
  const json = text.slice(header[0].length);
  if (sha256(json) !== header[1]) throw new SnapshotCorruptError('Quelle: index snapshot checksum does not match its content');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new SnapshotCorruptError('Quelle: index snapshot is not valid JSON', { cause: err });
  }
  return checkShape(value);
}

/** The fields a restore reads, with their types; checked before MiniSearch sees them. */
function checkShape(value: unknown): EngineSnapshot {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const index = (v: unknown) => isObject(v) && typeof v.documentCount === 'number' && Array.isArray(v.index) && isObject(v.documentIds) && isObject(v.fieldIds);
  const ok =
    isObject(value) &&
    typeof value.format === 'string' &&
    index(value.index) &&
    index(value.context) &&
    Array.isArray(value.vocabulary) &&
    value.vocabulary.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'number');
  if (!ok) throw new SnapshotCorruptError('Quelle: index snapshot does not have the shape of a snapshot');
  return value as unknown as EngineSnapshot;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Stores a snapshot under `key`, atomically (a temp file renamed into place, so a crash never
 * leaves half a snapshot) with a checksum, and removes the earlier snapshots of the same corpus dir.
 */
export async function writeSnapshot(dir: string, key: string, snapshot: EngineSnapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileFor(dir, key);
  const json = JSON.stringify(snapshot);
  await writeFileAtomic(file, `quelle-index-cache v1 sha256:${sha256(json)}\n${json}`);
  // Earlier snapshots of this corpus dir only: another process may serve another corpus here.
  const own = `${PREFIX}${key.slice(0, key.indexOf('-') + 1)}`;
  for (const name of await readdir(dir)) {
    if (name.startsWith(own) && path.join(dir, name) !== file) await rm(path.join(dir, name), { force: true });
  }
}
