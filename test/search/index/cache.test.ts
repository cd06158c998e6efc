import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../../../src/corpus/types.js';
import { build } from '../../../src/search/build.js';
import { buildEngine, restoreEngine, SnapshotMismatchError } from '../../../src/search/engine.js';
import { readSnapshot, snapshotKey, SnapshotCorruptError } from '../../../src/search/index/cache.js';
import { indexFormat } from '../../../src/search/index/snapshot.js';
import { logSink, tempCorpus } from '../../helpers/temp-corpus.js';

function article(file: string, ...paragraphs: string[]): Article {
  return { file, title: `Titel ${file}`, titleDerived: false, byline: undefined, date: undefined, paragraphs: paragraphs.map((text, i) => ({ number: i + 1, heading: i > 0 ? 'Die Entkopplung' : undefined, text })) };
}
const CORPUS: Corpus = {
  dir: '/corpus',
  skipped: [],
  articles: [
    article('handel.txt', 'Die USA machen weniger als 10 Prozent der Gesamtexporte aus.', 'Peking verzögert Lieferungen von Dual-Use-Gütern an Russland.'),
    article('krieg.txt', 'China ist nach der russischen Großinvasion der Ukraine in eine neue Rolle geschlüpft.', 'Russland droht zum Vasallenstaat Chinas zu werden.'),
  ],
};
const QUESTIONS = ['Exporten', 'Invasion der Ukraine', 'Vasallen', 'Lieferugen Russland', 'Entkopplung'];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-cache-'));
  dirs.push(dir);
  return dir;
}

describe('engine snapshots', () => {
  it('restore to an engine that answers exactly as the built one', () => {
    const built = buildEngine(CORPUS);
    const restored = restoreEngine(CORPUS, JSON.parse(JSON.stringify(built.snapshot())));
    for (const q of QUESTIONS) expect(restored.search(q, { limit: 10 })).toEqual(built.search(q, { limit: 10 }));
    expect(restored.stats().terms).toBe(built.stats().terms);
  });

  it('refuse a snapshot of another corpus or index format', () => {
    const snapshot = buildEngine(CORPUS).snapshot();
    const smaller: Corpus = { ...CORPUS, articles: CORPUS.articles.slice(0, 1) };
    expect(() => restoreEngine(smaller, snapshot)).toThrow(SnapshotMismatchError);
    expect(() => restoreEngine(smaller, snapshot)).toThrow('Quelle: index snapshot has 4 paragraphs, the corpus 2');
    expect(() => restoreEngine(CORPUS, { ...snapshot, format: 'f00' })).toThrow(`Quelle: index snapshot format f00, expected ${indexFormat()}`);
    // Made with other analyzer options: its terms are not the terms questions are analyzed into.
    expect(() => restoreEngine(CORPUS, snapshot, { analyzer: { stemmer: 'germanLight' } })).toThrow(SnapshotMismatchError);
  });

  it('are keyed by everything the index is made from', () => {
    const key = snapshotKey(CORPUS);
    expect(snapshotKey(CORPUS)).toBe(key);
    const edited: Corpus = { ...CORPUS, articles: [article('handel.txt', 'Die USA machen weniger als 11 Prozent der Gesamtexporte aus.', 'Peking verzögert Lieferungen von Dual-Use-Gütern an Russland.'), CORPUS.articles[1] as Article] };
    expect(snapshotKey(edited)).not.toBe(key);
    expect(snapshotKey(CORPUS, { stemmer: 'germanLight' })).not.toBe(key);
    expect(snapshotKey(CORPUS, { minLength: 3 })).not.toBe(key);
  });

  it('have a format derived from the analyzer options and the code that indexes, not from query options', () => {
    expect(indexFormat()).toMatch(/^[0-9a-f]{16}$/);
    expect(indexFormat({})).toBe(indexFormat());
    expect(indexFormat({ stemmer: 'germanLight' })).not.toBe(indexFormat());
    expect(buildEngine(CORPUS).snapshot().format).toBe(indexFormat());
    expect(buildEngine(CORPUS, { minCoverage: 0.3, proximityWeight: 0 }).snapshot().format).toBe(indexFormat());
  });
});

describe('build with cacheDir', () => {
  it('writes a snapshot on the first build and restores it on the next, replacing stale ones', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Gallium und Germanium\nChina beschränkt die Exporte von Gallium und Germanium.\n' });
    dirs.push(corpus.dir);
    const cacheDir = tempDir();
    const sink = logSink();
    const first = await build(corpus.dir, { cacheDir, logger: sink.logger });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = await build(corpus.dir, { cacheDir, logger: sink.logger });
    expect(sink.entries.filter((e) => e.msg === 'index restored from the cache')).toHaveLength(1);
    expect(second.search('Gallium')).toEqual(first.search('Gallium'));

    writeFileSync(path.join(corpus.dir, 'b.txt'), 'Seltene Erden\nSeltene Erden kommen zu 90 Prozent aus China.\n');
    const third = await build(corpus.dir, { cacheDir, logger: sink.logger });
    expect(third.stats().articles).toBe(2);
    expect(sink.entries.filter((e) => e.msg === 'index restored from the cache')).toHaveLength(1);
    expect(readdirSync(cacheDir)).toHaveLength(1); // the snapshot of the old corpus is gone
  });

  it('restores a snapshot under other query options, and rebuilds under other analyzer options', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Gallium und Germanium\nChina beschränkt die Exporte von Gallium und Germanium.\n' });
    dirs.push(corpus.dir);
    const cacheDir = tempDir();
    await build(corpus.dir, { cacheDir });
    const sink = logSink();
    await build(corpus.dir, { cacheDir, logger: sink.logger, minCoverage: 0.3, proximityWeight: 0 });
    expect(sink.entries.filter((e) => e.msg === 'index restored from the cache')).toHaveLength(1);
    const sink2 = logSink();
    await build(corpus.dir, { cacheDir, logger: sink2.logger, analyzer: { minLength: 3 } });
    expect(sink2.entries.filter((e) => e.msg === 'index restored from the cache')).toHaveLength(0);
  });

  it('never restores a snapshot whose bytes changed, and overwrites it with a good one', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Gallium\nChina beschränkt die Exporte von Gallium.\n', 'b.txt': 'Germanium\nAuch Germanium ist betroffen.\n' });
    dirs.push(corpus.dir);
    const cacheDir = tempDir();
    const fresh = await build(corpus.dir, { cacheDir });
    const [name] = readdirSync(cacheDir);
    const file = path.join(cacheDir, name ?? '');
    // Valid JSON, the right fields, the document ids swapped: restored, it would cite the wrong article.
    const text = readFileSync(file, 'utf8');
    const tampered = text.replace('"documentIds":{"0":0,"1":1}', '"documentIds":{"0":1,"1":0}');
    expect(tampered).not.toBe(text);
    writeFileSync(file, tampered);
    await expect(readSnapshot(cacheDir, snapshotKey(fresh.corpus))).rejects.toThrow(new SnapshotCorruptError('Quelle: index snapshot checksum does not match its content'));

    const sink = logSink();
    const rebuilt = await build(corpus.dir, { cacheDir, logger: sink.logger });
    expect(sink.entries.some((e) => e.level === 'warn' && e.msg === 'index cache unreadable; building the index')).toBe(true);
    expect(rebuilt.search('Germanium').passages[0]?.file).toBe('b.txt');
    const sink2 = logSink();
    await build(corpus.dir, { cacheDir, logger: sink2.logger });
    expect(sink2.entries.some((e) => e.msg === 'index restored from the cache')).toBe(true);
  });

  it('checks the shape of a snapshot with a matching checksum', async () => {
    const cacheDir = tempDir();
    const key = snapshotKey(CORPUS);
    const json = JSON.stringify({ format: 'f00', index: 'x', context: {}, vocabulary: 3 });
    writeFileSync(path.join(cacheDir, `quelle-index-${key}.json`), `quelle-index-cache v1 sha256:${createHash('sha256').update(json).digest('hex')}\n${json}`);
    await expect(readSnapshot(cacheDir, key)).rejects.toThrow('Quelle: index snapshot does not have the shape of a snapshot');
  });

  it('keeps the snapshots of other corpora in a shared cache dir', async () => {
    const one = tempCorpus({ 'a.txt': 'Gallium\nChina beschränkt die Exporte von Gallium.\n' });
    const two = tempCorpus({ 'b.txt': 'Germanium\nAuch Germanium ist betroffen.\n' });
    dirs.push(one.dir, two.dir);
    const cacheDir = tempDir();
    await build(one.dir, { cacheDir });
    await build(two.dir, { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const sink = logSink();
    await build(one.dir, { cacheDir, logger: sink.logger });
    expect(sink.entries.some((e) => e.msg === 'index restored from the cache')).toBe(true);
  });

  it('builds as without a cache when the snapshot is unreadable or the dir unwritable', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Gallium\nChina beschränkt die Exporte von Gallium.\n' });
    dirs.push(corpus.dir);
    const cacheDir = tempDir();
    await build(corpus.dir, { cacheDir });
    const [file] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, file ?? ''), '{ not json');
    const sink = logSink();
    const engine = await build(corpus.dir, { cacheDir, logger: sink.logger });
    expect(engine.search('Gallium').passages).toHaveLength(1);
    expect(sink.entries.some((e) => e.level === 'warn' && e.msg === 'index cache unreadable; building the index')).toBe(true);

    const notADir = path.join(tempDir(), 'file');
    writeFileSync(notADir, 'x');
    const sink2 = logSink();
    expect((await build(corpus.dir, { cacheDir: notADir, logger: sink2.logger })).search('Gallium').passages).toHaveLength(1);
    expect(sink2.entries.some((e) => e.level === 'warn' && e.msg === 'could not write the index cache')).toBe(true);
  });
});
