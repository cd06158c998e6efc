import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../src/embeddings/cache.js';
import { createEmbeddingClient } from '../../src/embeddings/client.js';
import { embedPassages } from '../../src/embeddings/embedder.js';
import type { EmbedPassagesOptions, EmbedProgress } from '../../src/embeddings/embedder.js';
import { EmbeddingHealth } from '../../src/embeddings/health.js';
import { FakeEmbeddings } from '../fake-embeddings/server.js';
import { useFakeEmbeddings } from '../fake-embeddings/use-fake.js';
import { logSink, tempCorpus } from '../helpers/temp-corpus.js';

const PASSAGES = [
  'Die Märkte reagierten prompt: ein deutliches Zeichen für die Nervosität der Investoren.',
  'Die Provinz Zhejiang ist die Heimat des E-Commerce-Giganten Alibaba.',
  'Wir verhandeln bereits über eine Zusammenarbeit im Bereich der Raumfahrt.',
  'Die Provinz Zhejiang ist die Heimat des E-Commerce-Giganten Alibaba.',
  'Die Massenentlassungen in der Branche sprechen eine deutliche Sprache.',
];
const PREFIX = 'passage: ';
const DISTINCT = [...new Set(PASSAGES)].map((p) => PREFIX + p);
const REEMBED = 'passage vectors: the model sends another dimension now; re-embedding everything';

const fake = await useFakeEmbeddings();
let temp: { dir: string; remove: () => void };
beforeEach(() => {
  temp = tempCorpus({});
});
afterEach(() => temp.remove());

/** One build as the bot would run it: a fresh client and the cache read from disk. */
async function build(texts: readonly string[], options: Partial<EmbedPassagesOptions> & { url?: string; batch?: number; model?: string } = {}) {
  const sink = logSink();
  const client = createEmbeddingClient({ url: options.url ?? fake.url, model: options.model ?? 'fake', timeoutMs: 2000, batch: options.batch ?? 2 });
  const cache = await EmbeddingCache.open({ dir: path.join(temp.dir, 'data'), model: options.model ?? 'fake', logger: sink.logger });
  const result = await embedPassages(texts, { client, cache, logger: sink.logger, prefix: PREFIX, ...options });
  return { result, cache, entries: sink.entries };
}

describe('embedPassages', () => {
  it('sends each distinct text once, prefixed, in batches; a restart on the same corpus sends nothing', async () => {
    const first = await build(PASSAGES);
    expect(fake.inputs).toEqual(DISTINCT);
    expect(fake.requests).toBe(2);
    expect(first.result).toMatchObject({ dimension: 64, reused: 0, embedded: 5, missing: 0, error: undefined, dimensionChanged: undefined });
    expect(first.result.vectors.every((v) => v?.length === 64)).toBe(true);
    expect(first.result.vectors[3]).toBe(first.result.vectors[1]);
    expect(first.entries.map((e) => e.msg)).toEqual(['passage vectors: embedding', 'passage vectors: ready']);
    expect(first.entries[0]?.obj).toEqual({ toSend: 4, reused: 0, batch: 2 });

    fake.reset();
    const again = await build(PASSAGES);
    expect(fake.requests).toBe(0);
    expect(again.result).toMatchObject({ dimension: 64, reused: 5, embedded: 0, missing: 0, error: undefined });
    expect(again.result.vectors.map((v) => Array.from(v ?? []))).toEqual(first.result.vectors.map((v) => Array.from(v ?? [])));
    expect(again.entries.map((e) => e.msg)).toEqual(['passage vectors: ready']);
  });

  it('sends only what is new (an upload), and forgets passages no longer in the corpus', async () => {
    await build(PASSAGES);
    fake.reset();
    const upload = ['Der Onlinehandel wächst.', 'Die Anleger sind beunruhigt.'];
    const { result, cache } = await build([...PASSAGES.slice(1), ...upload]);
    expect(fake.inputs).toEqual(upload.map((t) => PREFIX + t));
    expect(result).toMatchObject({ reused: 4, embedded: 2, missing: 0 });
    // The first passage left the corpus: its vector is gone from the cache.
    expect(cache.get(DISTINCT[0] as string)).toBeUndefined();
    expect(cache.size).toBe(5);
  });

  it('keeps the other passages’ vectors when told it embeds only a part', async () => {
    await build(PASSAGES);
    const { cache } = await build(['Der Onlinehandel wächst.'], { pruneCache: false });
    expect(cache.size).toBe(DISTINCT.length + 1);
  });

  it('never rejects because of the service: down, it returns no vectors and the error', async () => {
    await fake.down();
    try {
      const sink = logSink();
      const health = new EmbeddingHealth({ host: fake.host, logger: sink.logger });
      const { result, entries } = await build(PASSAGES, { health });
      expect(result).toMatchObject({ dimension: undefined, reused: 0, embedded: 0, missing: 5 });
      expect(result.vectors).toEqual([undefined, undefined, undefined, undefined, undefined]);
      expect(result.error?.kind).toBe('unreachable');
      expect(health.available).toBe(false);
      // The warning is the health's (rate-limited); the embedder only reports.
      expect(sink.entries.map((e) => e.msg)).toEqual(['embedding service unavailable: questions are answered without semantic search']);
      expect(entries.map((e) => e.msg)).toEqual(['passage vectors: embedding', 'passage vectors: ready']);
    } finally {
      await fake.up();
    }
  });

  it('stops at a failure of the service, keeps what it got, and sends the rest at the next build', async () => {
    fake.setMode({ kind: 'status', status: 500 }, { after: 1 });
    const first = await build(PASSAGES);
    expect(fake.requests).toBe(2);
    // Counted per passage: the first request held passages 0, 1 and 3 (the same text twice).
    expect(first.result).toMatchObject({ embedded: 3, missing: 2 });
    expect(first.result.error).toMatchObject({ kind: 'status', status: 500 });
    expect(first.result.vectors.map((v) => v !== undefined)).toEqual([true, true, false, true, false]);
    // Without a health to report to, the embedder warns itself.
    expect(first.entries.find((e) => e.level === 'warn')).toMatchObject({
      obj: { err: first.result.error, missing: 2 },
      msg: 'passage vectors: the embedding service failed; the passages without a vector are embedded at the next build',
    });
    fake.setMode({ kind: 'ok' });
    fake.reset();
    const next = await build(PASSAGES);
    expect(fake.inputs).toEqual(DISTINCT.slice(2));
    expect(next.result).toMatchObject({ reused: 3, embedded: 2, missing: 0, error: undefined });
  });

  it.each([
    [{ kind: 'nan' } as const, 'nan'],
    [{ kind: 'status', status: 413 } as const, 'status'],
  ])('goes on past a request whose texts the model cannot take (%j)', async (mode, kind) => {
    fake.setMode(mode, { times: 1 });
    const { result } = await build(PASSAGES);
    expect(fake.requests).toBe(2);
    expect(result.error?.kind).toBe(kind);
    expect(result.vectors.map((v) => v !== undefined)).toEqual([false, false, true, false, true]);
  });

  it('re-embeds everything when the model’s dimension changes, and says so', async () => {
    await build(PASSAGES);
    const wider = await FakeEmbeddings.start({ dimension: 96 });
    try {
      const { result, cache, entries } = await build([...PASSAGES, 'Ein neuer Absatz.'], { url: wider.url });
      // The new passage came back in 96 dimensions: every passage is sent again.
      expect(new Set(wider.inputs)).toEqual(new Set([...DISTINCT, `${PREFIX}Ein neuer Absatz.`]));
      expect(wider.inputs).toHaveLength(5);
      expect(result).toMatchObject({ dimension: 96, reused: 0, embedded: 6, missing: 0, dimensionChanged: { from: 64, to: 96 } });
      expect(result.vectors.every((v) => v?.length === 96)).toBe(true);
      expect(entries.filter((e) => e.level === 'warn')).toEqual([{ level: 'warn', obj: { from: 64, to: 96 }, msg: REEMBED }]);
      expect([cache.size, cache.dimension]).toEqual([5, 96]);
    } finally {
      await wider.stop();
    }
  });

  it('re-embeds everything when told the service’s dimension (a question vector’s) is not the cache’s', async () => {
    await build(PASSAGES);
    const wider = await FakeEmbeddings.start({ dimension: 96 });
    try {
      const { result, entries } = await build(PASSAGES, { url: wider.url, dimension: 96 });
      expect(wider.inputs).toEqual(DISTINCT);
      expect(result).toMatchObject({ dimension: 96, reused: 0, embedded: 5, dimensionChanged: { from: 64, to: 96 } });
      expect(entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual([REEMBED]);
    } finally {
      await wider.stop();
    }
  });

  it('stops when the dimension changes twice in one build', async () => {
    fake.setMode({ kind: 'dimension', dimension: 32 }, { after: 1, times: 1 });
    const { result } = await build(PASSAGES);
    expect(result.error?.kind).toBe('dimension');
    expect(result.error?.message).toBe(`Quelle: the embedding service at ${fake.host} changed dimension twice during one build (32 and 64)`);
    expect(result.vectors.every((v) => v === undefined || v.length === 32)).toBe(true);
  });

  it('reports progress after every request, and logs it every 10 % of a large corpus', async () => {
    const texts = Array.from({ length: 25 }, (_, i) => `Absatz Nummer ${i}`);
    const progress: EmbedProgress[] = [];
    const { entries } = await build(texts, { batch: 3, onProgress: (p) => progress.push(p), logProgressFrom: 20 });
    expect(progress.map((p) => p.done)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 25]);
    expect(progress.every((p) => p.total === 25)).toBe(true);
    const logged = entries.filter((e) => e.msg === 'passage vectors: embedding progress').map((e) => (e.obj as { percent: number }).percent);
    expect(logged).toEqual([10, 20, 30, 40, 60, 70, 80, 90, 100]);
  });

  it('saves what it has and rejects with the reason when aborted', async () => {
    const controller = new AbortController();
    // Aborted after the first request, before the second.
    const onProgress = () => controller.abort(new Error('shutting down'));
    await expect(build(PASSAGES, { signal: controller.signal, onProgress })).rejects.toThrow(new Error('shutting down'));
    expect(fake.requests).toBe(1);
    fake.reset();
    const { result } = await build(PASSAGES);
    expect(fake.inputs).toEqual(DISTINCT.slice(2));
    expect(result.reused).toBe(3);
  });

  it('works without a cache: everything is sent', async () => {
    const sink = logSink();
    const client = createEmbeddingClient({ url: fake.url, model: 'fake', timeoutMs: 2000, batch: 8 });
    const result = await embedPassages(PASSAGES, { client, logger: sink.logger });
    expect(fake.inputs).toEqual([...new Set(PASSAGES)]);
    expect(result).toMatchObject({ embedded: 5, reused: 0, missing: 0, dimension: 64 });
    expect(await embedPassages([], { client, logger: sink.logger })).toEqual({ vectors: [], dimension: undefined, reused: 0, embedded: 0, missing: 0, error: undefined, dimensionChanged: undefined });
  });
});
