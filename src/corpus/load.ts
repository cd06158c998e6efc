import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RecurringLines } from './boilerplate.js';
import { decodeArticle } from './decode.js';
import { CorpusError } from './errors.js';
import { splitLines, type Line } from './lines.js';
import { parseArticle } from './parse.js';
import type { Article, Corpus, EngineLogger, SkippedFile } from './types.js';

export interface LoadOptions {
  /** Receives a warning per skipped file and, at debug level, what was dropped as boilerplate. */
  readonly logger?: EngineLogger;
}

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
  const files = await listArticleFiles(dir, root);
  if (files.length === 0) throw new CorpusError(dir, 'has no .txt or .md files');

  const skipped: SkippedFile[] = [];
  const decoded: { file: string; text: string; lines: Line[] }[] = [];
  const recurring = new RecurringLines();

  await forEachLimited(files, READ_CONCURRENCY, async (file) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(root, file));
    } catch (err) {
      skipped.push({ file, reason: `unreadable (${errorCode(err)})` });
      return;
    }
    const result = decodeArticle(bytes);
    if (!result.ok) {
      skipped.push({ file, reason: result.reason });
      return;
    }
    decoded.push({ file, text: result.text, lines: splitLines(result.text) });
  });
  // Reads finish in any order; the corpus must not.
  decoded.sort((a, b) => compareFiles(a.file, b.file));
  for (const { text, lines } of decoded) recurring.add(text, lines);

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

async function listArticleFiles(dir: string, root: string): Promise<string[]> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new CorpusError(dir, 'is not a directory');
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    if (errorCode(err) === 'ENOENT') throw new CorpusError(dir, 'does not exist', { cause: err });
    throw new CorpusError(dir, `cannot be read (${errorCode(err)})`, { cause: err });
  }
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch (err) {
      if (relative === '') throw new CorpusError(dir, `cannot be read (${errorCode(err)})`, { cause: err });
      return; // an unreadable subfolder costs only itself
    }
    for (const entry of entries) {
      // Hidden entries are editor and VCS files (.git, .DS_Store), never articles.
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if ((entry.isFile() || entry.isSymbolicLink()) && ARTICLE_FILE.test(entry.name)) files.push(child);
    }
  };
  await walk('');
  return files.sort(compareFiles);
}

function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : String(err);
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
