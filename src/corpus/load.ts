import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecurringLines } from './boilerplate.js';
import { decodeArticle, MAX_FILE_BYTES } from './decode.js';
import { CorpusError } from './errors.js';
import { splitLines, type Line } from './lines.js';
import { parseArticle } from './parse.js';
import { errorCode, readArticleFile } from './read-file.js';
import type { Article, Corpus, EngineLogger, SkippedFile } from './types.js';

export interface LoadOptions {
  /** Receives a warning per skipped file and, at debug level, what was dropped as boilerplate. */
  readonly logger?: EngineLogger;
  /** Larger files are skipped without being read. Default 10 MiB. */
  readonly maxFileBytes?: number;
  /** A file whose read takes longer is skipped with a warning. Default 10 s. */
  readonly readTimeoutMs?: number;
}

const READ_TIMEOUT_MS = 10_000;

const ARTICLE_FILE = /\.(?:txt|md)$/i;
/** Files read at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const READ_CONCURRENCY = 32;

/**
 * Reads every `.txt` and `.md` file under `dir` (recursively) into articles.
 *
 * A bad file (empty, binary, invalid UTF-8, unreadable) is skipped with a warning and never
 * costs the rest of the corpus. A dir that cannot be served at all throws a CorpusError that
 * names the path.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const { logger } = options;
  const root = path.resolve(dir);
  const { files, skipped } = await listArticleFiles(dir, root);
  if (files.length === 0 && skipped.length === 0) throw new CorpusError(dir, 'has no .txt or .md files');
  const limits = { maxBytes: options.maxFileBytes ?? MAX_FILE_BYTES, timeoutMs: options.readTimeoutMs ?? READ_TIMEOUT_MS };

  const decoded: { file: string; text: string; lines: Line[] }[] = [];
  const recurring = new RecurringLines();

  await forEachLimited(files, READ_CONCURRENCY, async (file) => {
    const read = await readArticleFile(path.join(root, file), limits);
    if (!read.ok) {
      skipped.push({ file, reason: read.reason });
      return;
    }
    const result = decodeArticle(read.bytes);
    if (!result.ok) {
      skipped.push({ file, reason: result.reason });
      return;
    }
    decoded.push({ file, text: result.text, lines: splitLines(result.text) });
  });
  // Reads finish in any order; the corpus must not.
  decoded.sort((a, b) => compareFiles(a.file, b.file));
  for (const { file, text, lines } of decoded) recurring.add(file, text, lines);

  const articles: Article[] = [];
  for (const { file, lines } of decoded) {
    const { article, dropped } = parseArticle(file, lines, recurring);
    if (dropped.length > 0) logger?.debug({ file, dropped }, 'dropped non-content lines');
    if (article.paragraphs.length === 0) {
      skipped.push({ file, reason: 'no paragraphs of text' });
      continue;
    }
    articles.push(article);
  }
  skipped.sort((a, b) => compareFiles(a.file, b.file));
  for (const { file, reason } of skipped) logger?.warn({ file, reason }, 'skipped corpus file');
  if (articles.length === 0) {
    throw new CorpusError(dir, `has no readable articles (${skipped.length} file${skipped.length === 1 ? '' : 's'} skipped)`);
  }
  return { dir: root, articles, skipped };
}

/**
 * The article files under the corpus dir, and the entries skipped on the way. Symlinks, to
 * files and to directories alike, are followed only when their target lies inside the corpus
 * dir: a link elsewhere would serve files the operator never put in the corpus. A directory
 * is walked once (a link back to a parent does not loop). FIFOs, sockets and devices named
 * like articles are skipped with a reason, never opened.
 */
async function listArticleFiles(dir: string, root: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  let rootReal: string;
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new CorpusError(dir, 'is not a directory');
    rootReal = await realpath(root);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    if (errorCode(err) === 'ENOENT') throw new CorpusError(dir, 'does not exist', { cause: err });
    throw new CorpusError(dir, `cannot be read (${errorCode(err)})`, { cause: err });
  }
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>([rootReal]);
  /** Real path of each file listed → its name in the corpus: a file is an article once. */
  const listed = new Map<string, string>();
  const inside = (target: string) => {
    const relative = path.relative(rootReal, target);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  };
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch (err) {
      if (relative === '') throw new CorpusError(dir, `cannot be read (${errorCode(err)})`, { cause: err });
      return; // an unreadable subfolder costs only itself
    }
    // Real entries before links, each in name order: what a link duplicates is found under
    // its own name, whatever order the file system lists them in.
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || compareFiles(a.name, b.name));
    for (const entry of entries) {
      // Hidden entries are editor and VCS files (.git, .DS_Store), never articles.
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const isArticle = ARTICLE_FILE.test(entry.name);
      let kind: 'dir' | 'file' | 'special' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'special';
      let real = path.join(rootReal, child);
      if (entry.isSymbolicLink()) {
        try {
          real = await realpath(path.join(root, child));
        } catch (err) {
          if (isArticle) skipped.push({ file: child, reason: `broken symlink (${errorCode(err)})` });
          continue;
        }
        if (!inside(real)) {
          skipped.push({ file: child, reason: 'symlink to outside the corpus dir' });
          continue;
        }
        const target = await stat(real).catch(() => undefined);
        kind = target?.isDirectory() ? 'dir' : target?.isFile() ? 'file' : 'special';
      }
      if (kind === 'dir') {
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(child);
      } else if (isArticle && kind !== 'file') {
        skipped.push({ file: child, reason: 'not a regular file (a FIFO, socket or device)' });
      } else if (isArticle) {
        const same = listed.get(real);
        if (same !== undefined) {
          skipped.push({ file: child, reason: `the same file as ${same}` });
          continue;
        }
        listed.set(real, child);
        files.push(child);
      }
    }
  };
  await walk('');
  return { files: files.sort(compareFiles), skipped };
}

function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
