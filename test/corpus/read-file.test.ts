import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { readArticleFile } from '../../src/corpus/read-file.js';
import { logSink, tempCorpus } from '../helpers/temp-corpus.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));
function corpus(files: Record<string, string>) {
  const made = tempCorpus(files);
  cleanups.push(made.remove);
  return made.dir;
}
function outside(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-outside-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const ARTICLE = 'Titel\nEin Absatz über Gallium.\n';
const LIMITS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 2000 };

describe('readArticleFile', () => {
  it('reads a regular file', async () => {
    const dir = corpus({ 'a.txt': ARTICLE });
    const read = await readArticleFile(path.join(dir, 'a.txt'), LIMITS);
    expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe(ARTICLE);
  });

  it('refuses devices and FIFOs without reading them', async () => {
    expect(await readArticleFile('/dev/zero', LIMITS)).toEqual({ ok: false, reason: 'not a regular file (a FIFO, socket or device)' });
    const dir = corpus({});
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    expect(await readArticleFile(path.join(dir, 'pipe.txt'), LIMITS)).toEqual({ ok: false, reason: 'not a regular file (a FIFO, socket or device)' });
  });

  it('checks the size before reading, and enforces it while reading', async () => {
    const dir = corpus({ 'big.txt': 'x'.repeat(2000) });
    expect(await readArticleFile(path.join(dir, 'big.txt'), { ...LIMITS, maxBytes: 1000 })).toEqual({ ok: false, reason: 'larger than 1000 bytes' });
    // /proc files say they are empty and are not.
    expect(await readArticleFile('/proc/self/status', { ...LIMITS, maxBytes: 10 })).toEqual({ ok: false, reason: 'larger than 10 bytes' });
  });
});

describe('loadCorpus and control characters', () => {
  it('never lets NUL, BEL or ESC into the text', async () => {
    // The NUL stands past the first 8 KiB, where the binary-file check does not look.
    const dir = corpus({ 'a.txt': `Titel\n${'Ein langer Absatz. '.repeat(600)}Mit\u0007 Klingel, \u001b[31mFarbe und Null\u0000.\n` });
    const text = (await loadCorpus(dir)).articles[0]?.paragraphs[0]?.text ?? '';
    expect(text.endsWith('Mit Klingel, [31mFarbe und Null .')).toBe(true);
    expect(text).not.toMatch(/\p{Cc}/u);
  });
});

describe('loadCorpus and links', () => {
  it('does not hang on a symlink to a FIFO, and skips it with a warning', async () => {
    const dir = corpus({ 'good.txt': ARTICLE });
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'x.txt'));
    const sink = logSink();
    const result = await loadCorpus(dir, { logger: sink.logger });
    expect(result.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(result.skipped).toEqual([{ file: 'x.txt', reason: 'not a regular file (a FIFO, socket or device)' }]);
    expect(sink.entries).toContainEqual({ level: 'warn', obj: { file: 'x.txt', reason: 'not a regular file (a FIFO, socket or device)' }, msg: 'skipped corpus file' });
  }, 10_000);

  it('skips FIFOs named like articles, with a warning', async () => {
    const dir = corpus({ 'good.txt': ARTICLE });
    execFileSync('mkfifo', [path.join(dir, 'f.txt')]);
    const result = await loadCorpus(dir);
    expect(result.skipped).toEqual([{ file: 'f.txt', reason: 'not a regular file (a FIFO, socket or device)' }]);
  }, 10_000);

  it('follows symlinks to files and directories inside the corpus dir, and no others', async () => {
    const elsewhere = outside({ 'secret.txt': 'Geheim\nNicht aus dem Korpus.\n' });
    const dir = corpus({ 'sub/a.txt': ARTICLE });
    symlinkSync(path.join(dir, 'sub', 'a.txt'), path.join(dir, 'link.txt'));
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'alias'));
    symlinkSync(path.join(elsewhere, 'secret.txt'), path.join(dir, 'secret.txt'));
    symlinkSync(elsewhere, path.join(dir, 'away'));
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    symlinkSync(path.join(dir, 'elsewhere.txt'), path.join(dir, 'broken.txt'));
    writeFileSync(path.join(dir, 'sub', 'b.txt'), ARTICLE.replace('Gallium', 'Germanium'));
    symlinkSync(path.join(dir, 'sub', 'b.txt'), path.join(dir, 'inside.txt'));
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'c.txt'), ARTICLE.replace('Gallium', 'Indium'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias2'));
    const result = await loadCorpus(dir);
    // Each file once, under its real name: links to what is already in the corpus add nothing.
    expect(result.articles.map((a) => a.file)).toEqual(['real/c.txt', 'sub/a.txt', 'sub/b.txt']);
    expect(result.skipped).toEqual([
      { file: 'away', reason: 'symlink to outside the corpus dir' },
      { file: 'broken.txt', reason: 'broken symlink (ENOENT)' },
      { file: 'inside.txt', reason: 'the same file as sub/b.txt' },
      { file: 'link.txt', reason: 'the same file as sub/a.txt' },
      { file: 'secret.txt', reason: 'symlink to outside the corpus dir' },
      { file: 'zero.txt', reason: 'symlink to outside the corpus dir' },
    ]);
  });

  it('indexes a file reached only through a link inside the corpus dir', async () => {
    const dir = corpus({ 'hidden-place/.keep': '' });
    mkdirSync(path.join(dir, '.store'));
    writeFileSync(path.join(dir, '.store', 'a.txt'), ARTICLE);
    symlinkSync(path.join(dir, '.store', 'a.txt'), path.join(dir, 'a.txt'));
    expect((await loadCorpus(dir)).articles.map((a) => a.file)).toEqual(['a.txt']);
  });

  it('skips files over the size limit without reading them', async () => {
    const dir = corpus({ 'good.txt': ARTICLE, 'big.txt': `Titel\n${'Wort '.repeat(400)}\n` });
    const result = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(result.skipped).toEqual([{ file: 'big.txt', reason: 'larger than 1000 bytes' }]);
  });
});
