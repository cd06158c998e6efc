/**
 * The baseline of the whole-process start-up figure (bench/startup.ts): what a plain app on
 * MiniSearch defaults does from `node` to its answer, and nothing more.
 *
 *   node dist-bench/bench/startup-minisearch.js DIR QUESTION
 *
 * Reads every .txt under DIR (recursively, in sorted order), splits each into paragraphs at
 * line breaks (a blank line is an empty paragraph, dropped), indexes them with
 * `new MiniSearch({ fields: ['text'], storeFields: ['file'] })` and `addAll`, searches
 * QUESTION with the default search options and prints the top 3 as one line of JSON.
 * No snapshot, no cache, no lexicon: a fresh process every time.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';

interface Doc {
  readonly id: number;
  readonly file: string;
  readonly text: string;
}

async function txtFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await txtFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.txt')) files.push(full);
  }
  return files.sort();
}

async function main(): Promise<void> {
  const [dir, ...words] = process.argv.slice(2);
  const question = words.join(' ');
  if (dir === undefined || question === '') {
    process.stderr.write('usage: node dist-bench/bench/startup-minisearch.js DIR QUESTION\n');
    process.exitCode = 2;
    return;
  }
  const docs: Doc[] = [];
  for (const file of await txtFiles(dir)) {
    const relative = path.relative(dir, file);
    for (const line of (await readFile(file, 'utf8')).split(/\r?\n/)) {
      const text = line.trim();
      if (text !== '') docs.push({ id: docs.length, file: relative, text });
    }
  }
  const index = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['file'] });
  index.addAll(docs);
  const hits = index.search(question).slice(0, 3).map((hit) => ({ id: hit.id as number, file: hit['file'] as string, score: hit.score }));
  process.stdout.write(`${JSON.stringify({ query: question, paragraphs: docs.length, hits })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
