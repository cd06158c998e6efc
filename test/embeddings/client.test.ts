import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddingClient } from '../../src/embeddings/client.js';
import type { EmbeddingClientOptions } from '../../src/embeddings/client.js';
import { EmbeddingError } from '../../src/embeddings/errors.js';
import { createLogger } from '../../src/log.js';
import { Secret } from '../../src/secret.js';
import { FakeEmbeddings, fakeVector } from '../fake-embeddings/server.js';

const KEY = 'sk-test-0123456789abcdef0123456789abcdef';

let fake: FakeEmbeddings;
let keyed: FakeEmbeddings;
beforeAll(async () => {
  fake = await FakeEmbeddings.start({ reverseOrder: true });
  keyed = await FakeEmbeddings.start({ apiKey: KEY });
});
afterAll(async () => {
  await fake.stop();
  await keyed.stop();
});
beforeEach(() => {
  for (const f of [fake, keyed]) {
    f.setMode({ kind: 'ok' });
    f.reset();
  }
});

function client(options: Partial<EmbeddingClientOptions> = {}) {
  return createEmbeddingClient({ url: fake.url, model: 'fake-model', timeoutMs: 2000, batch: 64, ...options });
}

async function failure(promise: Promise<unknown>): Promise<EmbeddingError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EmbeddingError) return err;
    throw err;
  }
  throw new Error('expected an EmbeddingError');
}

const norm = (v: Float32Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe('createEmbeddingClient', () => {
  it('sends {model, input} to {url}/embeddings and returns normalized vectors in the order of the texts', async () => {
    const texts = ['Die Anleger sind nervös', 'Onlinehandel in China', 'Der Kurs stürzte ab'];
    const vectors = await client().embed(texts);
    expect(vectors).toHaveLength(3);
    // The fake answers in reverse order; the client sorts by index.
    vectors.forEach((vector, i) => {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(64);
      expect(norm(vector)).toBeCloseTo(1, 6);
      const raw = fakeVector(texts[i] as string);
      const rawNorm = Math.sqrt(raw.reduce((sum, x) => sum + x * x, 0));
      expect(vector[0]).toBeCloseTo((raw[0] as number) / rawNorm, 6);
      expect(vector[63]).toBeCloseTo((raw[63] as number) / rawNorm, 6);
    });
    expect(fake.requests).toBe(1);
    expect(fake.inputs).toEqual(texts);
    expect(fake.models).toEqual(['fake-model']);
    expect(fake.authorizations).toEqual([undefined]);
  });

  it('sends batches of `batch` texts, one after the other, and nothing for no texts', async () => {
    const texts = ['a', 'b', 'c', 'd', 'e'];
    const vectors = await client({ batch: 2 }).embed(texts);
    expect(vectors).toHaveLength(5);
    expect(fake.requests).toBe(3);
    expect(fake.inputs).toEqual(texts);
    expect(await client().embed([])).toEqual([]);
    expect(fake.requests).toBe(3);
  });

  it('takes the URL with or without a trailing slash, and names the host', async () => {
    const c = client({ url: `${fake.url}/` });
    expect(c.host).toBe(fake.host);
    expect(c.batch).toBe(64);
    expect(c.model).toBe('fake-model');
    await c.embed(['x']);
    expect(fake.requests).toBe(1);
  });

  it('sends the key as a Bearer token only when one is set', async () => {
    await createEmbeddingClient({ url: keyed.url, model: 'm', timeoutMs: 2000, batch: 8, apiKey: new Secret(KEY) }).embed(['x']);
    expect(keyed.authorizations).toEqual([`Bearer ${KEY}`]);
  });

  it('passes the request to the fetch it is given: POST, JSON, no redirects followed', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fetch: typeof globalThis.fetch = (url, init) => {
      seen.push({ url: String(url), init });
      return Promise.resolve(new Response(JSON.stringify({ data: [{ index: 0, embedding: [3, 4] }] }), { status: 200 }));
    };
    const [vector] = await client({ url: 'http://embed.example:8080/v1', fetch }).embed(['hallo']);
    expect(Array.from(vector ?? [])).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://embed.example:8080/v1/embeddings');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', redirect: 'error', body: JSON.stringify({ model: 'fake-model', input: ['hallo'] }) });
    expect(seen[0]?.init?.headers).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
  });

  it.each([
    [{ url: 'localhost:11434/v1' }, 'Quelle: the embedding service URL must be an http(s) URL without credentials'],
    [{ url: 'http://user:pw@localhost/v1' }, 'Quelle: the embedding service URL must be an http(s) URL without credentials'],
    [{ model: ' ' }, 'Quelle: the embedding model must be named'],
    [{ timeoutMs: 0 }, 'Quelle: the embedding timeout must be a whole number of milliseconds from 1, got 0'],
    [{ batch: 1.5 }, 'Quelle: the embedding batch must be a whole number from 1, got 1.5'],
  ])('rejects the options %j at once', (options, message) => {
    expect(() => client(options)).toThrow(new Error(message));
  });
});

describe('embedding failures', () => {
  it('down: unreachable', async () => {
    const down = await FakeEmbeddings.start();
    await down.stop();
    const err = await failure(client({ url: down.url }).embed(['x']));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toBe(`Quelle: the embedding service at ${down.host} cannot be reached (ECONNREFUSED)`);
  });

  it('slow: a timeout after timeoutMs', async () => {
    fake.setMode({ kind: 'slow', delayMs: 1000 });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 150 }).embed(['x']));
    expect(Date.now() - started).toBeLessThan(900);
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe(`Quelle: the embedding service at ${fake.host} did not answer within 150 ms`);
  });

  it.each([
    [429, 'FakeEmbeddings answers 429'],
    [500, 'FakeEmbeddings answers 500'],
  ])('status %i, with the service’s message', async (status, detail) => {
    fake.setMode({ kind: 'status', status });
    const err = await failure(client().embed(['x']));
    expect(err.kind).toBe('status');
    expect(err.status).toBe(status);
    expect(err.message).toBe(`Quelle: the embedding service at ${fake.host} answered ${status}: ${detail}`);
  });

  it('a wrong key: 401, the key the service repeats cut out of the message', async () => {
    const wrong = 'sk-wrong-fedcba9876543210fedcba9876543210';
    const err = await failure(createEmbeddingClient({ url: keyed.url, model: 'm', timeoutMs: 2000, batch: 8, apiKey: new Secret(wrong) }).embed(['x']));
    expect(err.kind).toBe('status');
    expect(err.status).toBe(401);
    expect(err.message).toBe(`Quelle: the embedding service at ${keyed.host} answered 401: Incorrect API key provided: [redacted]. You can find your API key at https://example.org.`);
    const missing = await failure(createEmbeddingClient({ url: keyed.url, model: 'm', timeoutMs: 2000, batch: 8 }).embed(['x']));
    expect(missing.status).toBe(401);
  });

  it('vectors of different dimensions in one answer, or from one batch to the next', async () => {
    fake.setMode({ kind: 'dimension', dimension: 32, only: 'first' });
    const within = await failure(client().embed(['a', 'b']));
    expect(within.kind).toBe('dimension');
    expect(within.message).toBe(`Quelle: the embedding service at ${fake.host} sent vectors of different dimensions (32 and 64)`);
    fake.setMode({ kind: 'dimension', dimension: 32 }, { after: 1 });
    const across = await failure(client({ batch: 1 }).embed(['a', 'b']));
    expect(across.kind).toBe('dimension');
    expect(across.message).toBe(`Quelle: the embedding service at ${fake.host} sent vectors of different dimensions (64 and 32)`);
  });

  it.each(['literal', 'null'] as const)('a value that is not a number (%s)', async (as) => {
    fake.setMode({ kind: 'nan', as });
    const err = await failure(client().embed(['a', 'b']));
    expect(err.kind).toBe('nan');
    expect(err.message).toBe(`Quelle: the embedding service at ${fake.host} sent a value that is not a finite number`);
  });

  it.each([
    [{ kind: 'malformed' } as const, 'not JSON'],
    [{ kind: 'malformed', body: '{"data":"none"}' } as const, 'no data list'],
    [{ kind: 'malformed', body: '{"data":[{"embedding":"AAAA"},{"embedding":[1]}]}' } as const, 'item 0 has no list of numbers as its embedding'],
    [{ kind: 'malformed', body: '{"data":[{"index":1,"embedding":[1]},{"index":1,"embedding":[1]}]}' } as const, 'item 1 has a wrong or repeated index'],
    [{ kind: 'malformed', body: '{"data":[{"embedding":[]},{"embedding":[]}]}' } as const, 'an empty vector'],
    [{ kind: 'short' } as const, '1 vectors for 2 texts'],
  ])('an answer that is not an embeddings response: %j', async (mode, detail) => {
    fake.setMode(mode);
    const err = await failure(client().embed(['a', 'b']));
    expect(err.kind).toBe('malformed');
    expect(err.message).toBe(`Quelle: the embedding service at ${fake.host} sent an answer that is not an OpenAI embeddings response (${detail})`);
  });

  it('an abort by the caller rejects with its reason, not as a failure of the service', async () => {
    fake.setMode({ kind: 'slow', delayMs: 1000 });
    const controller = new AbortController();
    const pending = client().embed(['x'], controller.signal);
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(pending).rejects.toThrow(new Error('shutting down'));
    await expect(client().embed(['x'], AbortSignal.abort(new Error('already')))).rejects.toThrow(new Error('already'));
  });

  it('never shows the key: not in any message, cause, JSON or inspection of an error', async () => {
    const c = createEmbeddingClient({ url: keyed.url, model: 'm', timeoutMs: 150, batch: 8, apiKey: new Secret(KEY) });
    const modes = [
      { kind: 'status', status: 500 },
      { kind: 'slow', delayMs: 1000 },
      { kind: 'dimension', dimension: 32, only: 'first' },
      { kind: 'nan' },
      { kind: 'malformed', body: `{"error":"${KEY}"}` },
      { kind: 'short' },
    ] as const;
    const errors: EmbeddingError[] = [];
    for (const mode of modes) {
      keyed.setMode(mode);
      errors.push(await failure(c.embed(['a', 'b'])));
    }
    errors.push(await failure(createEmbeddingClient({ url: keyed.url, model: 'm', timeoutMs: 2000, batch: 8, apiKey: new Secret(`${KEY}x`) }).embed(['a'])));
    await keyed.down();
    errors.push(await failure(c.embed(['a'])));
    await keyed.up();
    expect(errors.map((e) => e.kind)).toEqual(['status', 'timeout', 'dimension', 'nan', 'malformed', 'malformed', 'status', 'unreachable']);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    for (const err of errors) {
      logger.warn({ err }, 'embedding failed');
      const shown = [err.message, err.stack, JSON.stringify(err), inspect(err, { depth: 5 }), String(err.cause), lines.at(-1)].join('\n');
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain(KEY.slice(3, 20));
    }
  });
});
