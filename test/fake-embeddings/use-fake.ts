import { afterAll, beforeEach } from 'vitest';
import { FakeEmbeddings } from './server.js';

/**
 * The fake embedding service for one test file (call it at the file's top level, with await):
 * started at once, back to answering normally with no requests recorded before each test, and
 * stopped after the file.
 */
export async function useFakeEmbeddings(): Promise<FakeEmbeddings> {
  const fake = await FakeEmbeddings.start();
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.setMode({ kind: 'ok' });
    fake.reset();
  });
  return fake;
}
