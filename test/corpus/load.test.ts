import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/errors.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { logSink, tempCorpus } from '../helpers/temp-corpus.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));
function corpus(files: Record<string, string | Uint8Array>) {
  const made = tempCorpus(files);
  cleanups.push(made.remove);
  return made.dir;
}

describe('loadCorpus', () => {
  it('reads .txt and .md files recursively, with paths relative to the corpus dir', async () => {
    const dir = corpus({
      'b.txt': 'Titel B\nText von B.\n',
      'sub/a.md': '# Titel A\n\nText von A.\n',
      'notes.json': '{"not": "an article"}',
      '.hidden.txt': 'Versteckt\nNicht lesen.\n',
    });
    const result = await loadCorpus(dir);
    expect(result.articles.map((a) => [a.file, a.title])).toEqual([
      ['b.txt', 'Titel B'],
      ['sub/a.md', 'Titel A'],
    ]);
    expect(result.dir).toBe(path.resolve(dir));
  });

  it('skips bad files with a warning naming the file and the reason, and keeps the rest', async () => {
    const dir = corpus({
      'good.txt': 'Titel\nEin guter Absatz.\n',
      'empty.txt': '',
      'binary.txt': new Uint8Array([0x00, 0x01, 0x02]),
      'latin1.txt': new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]),
    });
    const sink = logSink();
    const result = await loadCorpus(dir, { logger: sink.logger });
    expect(result.articles.map((a) => a.file)).toEqual(['good.txt']);
    expect(result.skipped).toEqual([
      { file: 'binary.txt', reason: 'binary file' },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'latin1.txt', reason: 'not valid UTF-8' },
    ]);
    expect(sink.entries.filter((e) => e.level === 'warn')).toEqual([
      { level: 'warn', obj: { file: 'binary.txt', reason: 'binary file' }, msg: 'skipped corpus file' },
      { level: 'warn', obj: { file: 'empty.txt', reason: 'empty file' }, msg: 'skipped corpus file' },
      { level: 'warn', obj: { file: 'latin1.txt', reason: 'not valid UTF-8' }, msg: 'skipped corpus file' },
    ]);
  });

  it('logs dropped boilerplate at debug level', async () => {
    const advert = 'Melden Sie sich jetzt zum kostenlosen Newsletter an und verpassen Sie nichts.';
    const dir = corpus({ 'a.txt': `A\nErster Text.\n${advert}\n`, 'b.txt': `B\nZweiter Text.\n${advert}\n` });
    const sink = logSink();
    await loadCorpus(dir, { logger: sink.logger });
    expect(sink.entries.filter((e) => e.level === 'debug')).toEqual([
      { level: 'debug', obj: { file: 'a.txt', dropped: [{ reason: 'boilerplate', text: advert }] }, msg: 'dropped non-content lines' },
      { level: 'debug', obj: { file: 'b.txt', dropped: [{ reason: 'boilerplate', text: advert }] }, msg: 'dropped non-content lines' },
    ]);
  });

  it('rejects a missing dir with a message that names the path', async () => {
    await expect(loadCorpus('/no/such/corpus')).rejects.toThrow(new CorpusError('/no/such/corpus', 'does not exist'));
    await expect(loadCorpus('/no/such/corpus')).rejects.toThrow('Quelle: corpus dir "/no/such/corpus" does not exist');
  });

  it('rejects a file given as the dir, an empty dir, and a dir of only bad files', async () => {
    const dir = corpus({ 'only.bin.txt': new Uint8Array([0]) });
    await expect(loadCorpus(path.join(dir, 'only.bin.txt'))).rejects.toThrow(`Quelle: corpus dir "${path.join(dir, 'only.bin.txt')}" is not a directory`);
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    await expect(loadCorpus(empty)).rejects.toThrow(`Quelle: corpus dir "${empty}" has no .txt or .md files`);
    await expect(loadCorpus(dir)).rejects.toThrow(`Quelle: corpus dir "${dir}" has no readable articles (1 file skipped)`);
  });

  it('rejects a dir without read permission (EACCES); root, whom permissions do not stop, reads it whole', async () => {
    const dir = corpus({ 'a.txt': 'A\nText.\n' });
    chmodSync(dir, 0o000);
    cleanups.unshift(() => chmodSync(dir, 0o755));
    const canStillRead = process.getuid?.() === 0;
    if (canStillRead) {
      const result = await loadCorpus(dir);
      expect(result.articles.map((a) => [a.file, a.title, a.paragraphs.map((p) => p.text)])).toEqual([['a.txt', 'A', ['Text.']]]);
      expect(result.skipped).toEqual([]);
    } else {
      await expect(loadCorpus(dir)).rejects.toThrow(`Quelle: corpus dir "${dir}" cannot be read (EACCES)`);
    }
  });

  it('loads the seeds: five articles, titles, the derived title of 002 and no advert', async () => {
    const seeds = await loadCorpus('seeds');
    expect(seeds.articles).toHaveLength(5);
    expect(seeds.skipped).toEqual([]);
    expect(seeds.articles.find((a) => a.file.startsWith('002_'))?.titleDerived).toBe(true);
    const all = seeds.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
    expect(all).not.toContain('Webinar');
    expect(all).not.toContain('<u>');
    expect(all).not.toContain('Haftungsausschluss');
  });
});
