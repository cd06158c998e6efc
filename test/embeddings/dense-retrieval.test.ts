import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingClient } from '../../src/embeddings/client.js';
import { embedPassages } from '../../src/embeddings/embedder.js';
import { QueryEmbedder } from '../../src/embeddings/query-embedder.js';
import { VectorStore } from '../../src/embeddings/vectors.js';
import { FakeEmbeddings } from '../fake-embeddings/server.js';
import { logSink } from '../helpers/temp-corpus.js';

const SEEDS = path.resolve('seeds');
/** Every non-blank line of the seed articles: close enough to their paragraphs here. */
const PASSAGES = readdirSync(SEEDS)
  .sort()
  .flatMap((file) => readFileSync(path.join(SEEDS, file), 'utf8').split('\n'))
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

let fake: FakeEmbeddings;
let store: VectorStore;
let queries: QueryEmbedder;
beforeAll(async () => {
  fake = await FakeEmbeddings.start();
  const client = createEmbeddingClient({ url: fake.url, model: 'fake', timeoutMs: 2000, batch: 32 });
  const { vectors, missing } = await embedPassages(PASSAGES, { client, logger: logSink().logger, prefix: 'passage: ' });
  expect(missing).toBe(0);
  store = VectorStore.from(vectors);
  queries = new QueryEmbedder({ client, prefix: 'query: ' });
});
afterAll(() => fake.stop());

describe('semantic search through the fake service', () => {
  it.each([
    ['Warum waren die Anleger beunruhigt?', ['anleger', 'beunruhigt'], 'Nervosität der Investoren'],
    ['Wo sitzt ein Riese des Onlinehandels?', ['onlinehandel'], 'E-Commerce-Giganten Alibaba'],
    ['Which share price crashed?', ['share', 'crashed'], 'stürzte innerhalb weniger Handelstage'],
  ])('finds the passage for %j though its telling words are in no passage', async (question, words, expected) => {
    for (const word of words) expect(PASSAGES.filter((p) => p.toLowerCase().includes(word))).toEqual([]);
    const { vector } = await queries.embed(question, { dimension: store.dimension });
    expect(vector).toBeDefined();
    const [best] = store.topK(vector as Float32Array, 3);
    expect(PASSAGES[best?.slot ?? -1]).toContain(expected);
  });
});
