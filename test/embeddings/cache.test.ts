import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../src/embeddings/cache.js';
import { logSink, tempCorpus } from '../helpers/temp-corpus.js';

const f32 = (...values: number[]) => Float32Array.from(values);
const IGNORED = 'embedding cache: ignoring a file that is damaged or not a cache of this model; its vectors are embedded again';

let temp: { dir: string; remove: () => void };
let dir: string;
beforeEach(() => {
  temp = tempCorpus({});
  dir = path.join(temp.dir, 'data');
});
afterEach(() => temp.remove());

async function saved(model = 'bge-m3'): Promise<EmbeddingCache> {
  const cache = await EmbeddingCache.open({ dir, model, logger: logSink().logger });
  cache.put('passage: Die Anleger', f32(0.6, 0.8, 0));
  cache.put('passage: Der Onlinehandel', f32(0, 1, 0));
  expect(await cache.save()).toBe(true);
  return cache;
}

describe('EmbeddingCache', () => {
  it('keeps vectors across a restart, keyed by the exact text sent', async () => {
    const first = await saved();
    const { entries, logger } = logSink();
    const again = await EmbeddingCache.open({ dir, model: 'bge-m3', logger });
    expect(again.file).toBe(first.file);
    expect(again.size).toBe(2);
    expect(again.dimension).toBe(3);
    expect(Array.from(again.get('passage: Die Anleger') ?? [])).toEqual(Array.from(f32(0.6, 0.8, 0)));
    expect(Array.from(again.get('passage: Der Onlinehandel') ?? [])).toEqual([0, 1, 0]);
    expect(again.get('Die Anleger')).toBeUndefined();
    expect(again.get('passage: Die Anleger ')).toBeUndefined();
    expect(entries).toEqual([]);
  });

  it('writes a compact binary file: header with model, dim and count, 32-byte keys, float32 values, checksum', async () => {
    const cache = await saved();
    const bytes = readFileSync(cache.file);
    expect(path.basename(cache.file)).toMatch(/^quelle-embeddings-[0-9a-f]{16}\.bin$/u);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('QVECTORS');
    expect(bytes.readUInt32LE(8)).toBe(1);
    const headerLength = bytes.readUInt32LE(12);
    expect(JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8'))).toEqual({ model: 'bge-m3', dim: 3, count: 2 });
    const keysAt = Math.ceil((16 + headerLength) / 4) * 4;
    expect(bytes.length).toBe(keysAt + 2 * 32 + 2 * 3 * 4 + 32);
    // Written through a temp file and a rename: nothing else is left in the folder.
    expect(readdirSync(dir)).toEqual([path.basename(cache.file)]);
  });

  it('keeps one file per model (and scope), and never reads another model’s vectors', async () => {
    const first = await saved('bge-m3');
    const other = await EmbeddingCache.open({ dir, model: 'multilingual-e5-large', logger: logSink().logger });
    expect(other.file).not.toBe(first.file);
    expect(other.size).toBe(0);
    const scoped = await EmbeddingCache.open({ dir, model: 'bge-m3', scope: '/srv/corpus', logger: logSink().logger });
    expect(scoped.file).not.toBe(first.file);
    // A file of model A under model B's name (renamed, copied) is ignored with a warning.
    writeFileSync(other.file, readFileSync(first.file));
    const { entries, logger } = logSink();
    const foreign = await EmbeddingCache.open({ dir, model: 'multilingual-e5-large', logger });
    expect(foreign.size).toBe(0);
    expect(entries).toEqual([{ level: 'warn', obj: { file: other.file, reason: 'vectors of model "bge-m3"' }, msg: IGNORED }]);
  });

  it.each([
    ['empty', () => Buffer.alloc(0), 'not a cache file'],
    ['text', () => Buffer.from('{"model":"bge-m3"}'), 'not a cache file'],
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 5), 'checksum does not match'],
    ['a flipped bit', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 40 ? x ^ 1 : x))), 'checksum does not match'],
    ['another version', (b: Buffer) => Buffer.from(b.map((x, i) => (i === 8 ? 2 : x))), 'version 2, not 1'],
    ['a huge header length', (b: Buffer) => Buffer.from(b.map((x, i) => (i === 15 ? 0xff : x))), 'truncated'],
  ])('ignores a damaged file (%s) with a warning, and overwrites it', async (_name, damage, reason) => {
    const first = await saved();
    writeFileSync(first.file, damage(readFileSync(first.file)));
    const { entries, logger } = logSink();
    const cache = await EmbeddingCache.open({ dir, model: 'bge-m3', logger });
    expect(cache.size).toBe(0);
    expect(cache.dimension).toBeUndefined();
    expect(entries).toEqual([{ level: 'warn', obj: { file: first.file, reason }, msg: IGNORED }]);
    cache.put('x', f32(1, 0));
    expect(await cache.save()).toBe(true);
    expect((await EmbeddingCache.open({ dir, model: 'bge-m3', logger })).size).toBe(1);
  });

  it('warns when the file cannot be read, and when it cannot be written; never rejects', async () => {
    const probe = await EmbeddingCache.open({ dir, model: 'bge-m3', logger: logSink().logger });
    mkdirSync(probe.file, { recursive: true });
    const { entries, logger } = logSink();
    const cache = await EmbeddingCache.open({ dir, model: 'bge-m3', logger });
    expect(cache.size).toBe(0);
    cache.put('x', f32(1, 0));
    expect(await cache.save()).toBe(false);
    expect(entries.map((e) => [e.level, e.msg])).toEqual([
      ['warn', 'embedding cache: cannot be read; its vectors are embedded again'],
      ['warn', 'embedding cache: could not be written; vectors not kept will be embedded again after a restart'],
    ]);
    // A folder that cannot be made (a file in its place).
    writeFileSync(path.join(temp.dir, 'blocked'), '');
    const blocked = await EmbeddingCache.open({ dir: path.join(temp.dir, 'blocked', 'data'), model: 'bge-m3', logger });
    blocked.put('x', f32(1, 0));
    expect(await blocked.save()).toBe(false);
  });

  it('drops every vector when one of another dimension comes (a new model under the same name), and says so', async () => {
    const cache = await saved();
    expect(cache.put('passage: neu', f32(1, 0, 0, 0))).toEqual({ kind: 'dimension-changed', from: 3, to: 4 });
    expect(cache.size).toBe(1);
    expect(cache.dimension).toBe(4);
    expect(cache.get('passage: Die Anleger')).toBeUndefined();
    expect(cache.put('passage: mehr', f32(0, 1, 0, 0))).toEqual({ kind: 'stored' });
    await cache.save();
    const again = await EmbeddingCache.open({ dir, model: 'bge-m3', logger: logSink().logger });
    expect([again.size, again.dimension]).toEqual([2, 4]);
  });

  it('drops the vectors of texts no longer in the corpus, and everything on clear', async () => {
    const cache = await saved();
    expect(cache.retain(['passage: Die Anleger', 'passage: something new'])).toBe(1);
    expect(cache.size).toBe(1);
    await cache.save();
    expect((await EmbeddingCache.open({ dir, model: 'bge-m3', logger: logSink().logger })).size).toBe(1);
    cache.clear();
    expect([cache.size, cache.dimension]).toEqual([0, undefined]);
    await cache.save();
    const empty = await EmbeddingCache.open({ dir, model: 'bge-m3', logger: logSink().logger });
    expect([empty.size, empty.dimension]).toEqual([0, undefined]);
  });

  it('writes only when something changed', async () => {
    const cache = await saved();
    const inode = statSync(cache.file).ino;
    expect(await cache.save()).toBe(true);
    expect(statSync(cache.file).ino).toBe(inode);
    const reopened = await EmbeddingCache.open({ dir, model: 'bge-m3', logger: logSink().logger });
    expect(await reopened.save()).toBe(true);
    expect(statSync(cache.file).ino).toBe(inode);
  });
});
