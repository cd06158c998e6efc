import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../corpus/types.js';
import { SNAPSHOT_VERSION, type EngineOptions, type EngineSnapshot } from './engine.js';

const PREFIX = 'quelle-index-';

/**
 * The cache key of a corpus: a hash of everything the index is made from (every article's
 * file, title and paragraphs with their headings), the engine options and the snapshot
 * version. Any change to the corpus, the options or the format gives another key, so a stale
 * snapshot is never used; it is simply not found.
 */
export function snapshotKey(corpus: Corpus, options: EngineOptions = {}): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([SNAPSHOT_VERSION, options]));
  for (const article of corpus.articles) {
    hash.update(JSON.stringify([article.file, article.title, article.byline ?? null]));
    for (const p of article.paragraphs) hash.update(`\u0000${p.heading ?? ''}\u0001${p.text}`);
  }
  return hash.digest('hex').slice(0, 32);
}

function fileFor(dir: string, key: string): string {
  return path.join(dir, `${PREFIX}${key}.json`);
}

/** The snapshot stored under `key`, or undefined when there is none. Other read errors throw. */
export async function readSnapshot(dir: string, key: string): Promise<EngineSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(fileFor(dir, key), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return JSON.parse(text) as EngineSnapshot;
}

/**
 * Stores a snapshot under `key`, atomically (a temp file renamed into place, so a crash never
 * leaves half a snapshot), and removes the snapshots of earlier corpora.
 */
export async function writeSnapshot(dir: string, key: string, snapshot: EngineSnapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = fileFor(dir, key);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, file);
  for (const name of await readdir(dir)) {
    if (name.startsWith(PREFIX) && path.join(dir, name) !== file) await rm(path.join(dir, name), { force: true });
  }
}
