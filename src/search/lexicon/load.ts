import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { LEXICON_FILES, lexiconHeader, type LexiconKind } from './format.js';
import { openLexicon, type Lexicon } from './lexicon.js';


/**
 * `lexicons/` at the project root: the nearest one above this module, which runs as
 * src/search/lexicon/ (tests), dist/search/lexicon/ (the bot) or dist-bench/src/search/lexicon/.
 */
export function defaultLexiconDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(dir, 'lexicons');
    if (existsSync(path.join(candidate, LEXICON_FILES.english))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(fileURLToPath(new URL('../../../lexicons/', import.meta.url)));
}

const loaded = new Map<string, Promise<Lexicon>>();

/**
 * Reads the lexicons of `dir`, once per process: every engine, and every reload, looks words
 * up in the same files. They are only unpacked, not indexed (lexicon.ts): what start-up pays
 * is reading and gunzipping 19 MB, off the main thread. Throws when a file is missing
 * or was built for another analyzer.
 */
export function loadLexicons(dir: string = defaultLexiconDir()): Promise<Lexicon> {
  const key = path.resolve(dir);
  let promise = loaded.get(key);
  if (promise === undefined) {
    promise = readAll(key);
    // A failed read is not cached: the next build tries again.
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

async function readAll(dir: string): Promise<Lexicon> {
  // One file after the other: unpacking them (about 0.1 s in all) takes one thread of the pool
  // at a time, leaving the others to the corpus's file reads that run meanwhile, and the
  // main thread its core (all four at once tended to slow whole start-ups on two cores).
  const english = await readLexicon(dir, 'english');
  const reverse = await readLexicon(dir, 'reverse');
  const synonyms = await readLexicon(dir, 'synonyms');
  const members = await readLexicon(dir, 'members');
  return openLexicon({ english, reverse, synonyms, members });
}

const gunzipAsync = promisify(gunzip);

/**
 * Unpacks a gzip file in the thread pool, into one buffer of the size its trailer gives (the
 * last four bytes: the unpacked size, modulo 2^32): in chunks of the default 16 KB, copied
 * together at the end, `en-de.tsv.gz` took half as long again.
 */
function unpack(packed: Buffer): Promise<Buffer> {
  const size = packed.length >= 18 ? packed.readUInt32LE(packed.length - 4) : 0;
  // One byte more than the content, so that zlib does not allocate a second chunk to learn that the stream ended.
  return gunzipAsync(packed, { chunkSize: Math.min(Math.max(size + 1, 64 * 1024), 256 * 1024 * 1024) });
}

/** A lexicon file, unpacked, without its header line. */
async function readLexicon(dir: string, kind: LexiconKind): Promise<Buffer> {
  const file = path.join(dir, LEXICON_FILES[kind]);
  const text = await unpack(await readFile(file));
  const header = Buffer.from(`${lexiconHeader(kind)}\n`, 'utf8');
  if (text.length < header.length || text.compare(header, 0, header.length, 0, header.length) !== 0) {
    throw new Error(`Quelle: ${file} was built for another analyzer (expected "${lexiconHeader(kind)}"); run npm run lexicons`);
  }
  return text.subarray(header.length);
}
