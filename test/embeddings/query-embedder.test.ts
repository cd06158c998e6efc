import { describe, expect, it } from 'vitest';
import { createEmbeddingClient } from '../../src/embeddings/client.js';
import { EmbeddingHealth } from '../../src/embeddings/health.js';
import { QueryEmbedder } from '../../src/embeddings/query-embedder.js';
import { useFakeEmbeddings } from '../fake-embeddings/use-fake.js';
import { logSink } from '../helpers/temp-corpus.js';

const fake = await useFakeEmbeddings();

function harness(capacity?: number) {
  const sink = logSink();
  const health = new EmbeddingHealth({ host: fake.host, logger: sink.logger });
  const client = createEmbeddingClient({ url: fake.url, model: 'fake', timeoutMs: 200, batch: 64 });
  const queries = new QueryEmbedder({ client, prefix: 'query: ', health, ...(capacity === undefined ? {} : { capacity }) });
  return { queries, health };
}

describe('QueryEmbedder', () => {
  it('sends a question once, with its prefix, while it is among those asked last', async () => {
    const { queries } = harness(2);
    const first = await queries.embed('Wie reagierten die Anleger?');
    expect(first.vector).toHaveLength(64);
    expect((await queries.embed('Wie reagierten die Anleger?')).vector).toBe(first.vector);
    expect(fake.inputs).toEqual(['query: Wie reagierten die Anleger?']);
    await queries.embed('Zwei');
    await queries.embed('Drei');
    expect(queries.size).toBe(2);
    await queries.embed('Wie reagierten die Anleger?');
    expect(fake.requests).toBe(4);
    queries.clear();
    expect(queries.size).toBe(0);
  });

  it('never rejects because of the service: the error comes back, the health knows, and it recovers', async () => {
    const { queries, health } = harness();
    fake.setMode({ kind: 'slow', delayMs: 1000 });
    const failed = await queries.embed('Frage');
    expect(failed.vector).toBeUndefined();
    expect(failed.error?.kind).toBe('timeout');
    expect(health.available).toBe(false);
    expect(health.lastErrorKind).toBe('timeout');
    fake.setMode({ kind: 'ok' });
    expect((await queries.embed('Frage')).vector).toHaveLength(64);
    expect(health.available).toBe(true);
  });

  it('answers a question asked before from its kept vector while the service is down, and still says it is unavailable', async () => {
    const { queries, health } = harness();
    const kept = await queries.embed('Frage');
    fake.setMode({ kind: 'status', status: 503 });
    expect((await queries.embed('Eine andere Frage')).error?.kind).toBe('status');
    expect((await queries.embed('Frage')).vector).toBe(kept.vector);
    // Only a request says whether the service works again.
    expect(health.available).toBe(false);
    fake.setMode({ kind: 'ok' });
    await queries.embed('Noch eine Frage');
    expect(health.available).toBe(true);
  });

  it('says when the question’s dimension is not the passages’, with the service’s', async () => {
    const { queries, health } = harness();
    const result = await queries.embed('Frage', { dimension: 1024 });
    expect(result.vector).toBeUndefined();
    expect(result.error?.kind).toBe('dimension');
    expect(result.error?.message).toBe(`Quelle: the embedding service at ${fake.host} sent a question vector of 64 dimensions, the passages have 1024 (a new model? the next build embeds them again)`);
    expect(result.error === undefined ? undefined : result.serviceDimension).toBe(64);
    expect(health.lastErrorKind).toBe('dimension');
    expect((await queries.embed('Frage', { dimension: 64 })).vector).toHaveLength(64);
    expect(fake.requests).toBe(1);
  });

  it('rejects with the reason when the caller aborts', async () => {
    const { queries, health } = harness();
    await expect(queries.embed('Frage', { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow(new Error('gone'));
    expect(health.available).toBe(true);
  });
});
