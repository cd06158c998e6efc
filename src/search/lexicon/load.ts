import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LEXICON_FILES, lexiconHeader } from './format.js';
import { indexLexicon, type Lexicon } from './lexicon.js';


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
 * Reads and indexes the lexicons of `dir`, once per process: every engine, and every reload,
 * looks words up in the same index. Throws when a file is missing or was built for another analyzer.
 */
export function loadLexicons(dir: string = defaultLexiconDir()): Promise<Lexicon> {
  const key = path.resolve(dir);
  let promise = loaded.get(key);
  if (promise === undefined) {
    promise = readBoth(key);
    // A failed read is not cached: the next build tries again.
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

async function readBoth(dir: string): Promise<Lexicon> {
  const [english, synonyms] = await Promise.all([readLexicon(dir, 'english'), readLexicon(dir, 'synonyms')]);
  return indexLexicon({ english, synonyms });
}

async function readLexicon(dir: string, kind: keyof typeof LEXICON_FILES): Promise<string> {
  const file = path.join(dir, LEXICON_FILES[kind]);
  const text = gunzipSync(await readFile(file)).toString('utf8');
  const header = lexiconHeader(kind);
  if (!text.startsWith(`${header}\n`)) {
    throw new Error(`Quelle: ${file} was built for another analyzer (expected "${header}"); run npm run lexicons`);
  }
  return text.slice(header.length + 1);
}
