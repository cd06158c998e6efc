import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EmbeddingsConfig } from '../../src/config.js';
import { createSemantic } from '../../src/embeddings/semantic.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildEngine } from '../../src/search/engine.js';
import { useFakeEmbeddings } from '../fake-embeddings/use-fake.js';
import { logSink } from '../helpers/temp-corpus.js';

// "Waren die Anleger unruhig, als die Kurse abstürzten?": the seed passage says "stürzte … ab", "Nervosität der Investoren"; lexically
// the question finds other passages first, and only the fake model's concepts join them.
const QUESTION = 'Waren die Anleger unruhig, als die Kurse abstürzten?';
const ANSWER = 'ein deutliches Zeichen für die Nervosität der Investoren';

const fake = await useFakeEmbeddings();
let cacheDir: string;
const corpus = await loadCorpus(path.resolve('seeds'));
const config = (): EmbeddingsConfig => ({ url: fake.url, model: 'fake-model', apiKey: undefined, timeoutMs: 2000, batch: 16, queryPrefix: 'query: ', passagePrefix: 'passage: ' });

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'quelle-semantic-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('createSemantic', () => {
  it('finds a passage through the service that no word of the question meets', async () => {
    const engine = buildEngine(corpus);
    expect(engine.search(QUESTION).passages.some((p) => p.text.includes(ANSWER))).toBe(false);
    const semantic = createSemantic({ config: config(), cacheDir, logger: logSink().logger });
    const report = await semantic.attach(engine);
    expect(report).toMatchObject({ passages: engine.passageTexts().length, missing: 0 });
    const answer = await semantic.search(engine, QUESTION, { limit: 3 });
    expect(answer.confidence).not.toBe('none');
    expect(answer.passages[0]?.text).toContain(ANSWER);
    // "Anleger" is in no passage, but the service found what the question means.
    expect(engine.search(QUESTION).missing.length).toBeGreaterThan(0);
    expect(answer.missing).toEqual([]);
    expect(fake.inputs).toContain(`query: ${QUESTION}`);
    expect(fake.inputs.some((input) => input.startsWith('passage: ') && input.includes(ANSWER))).toBe(true);
  });

  it('sends nothing for an unchanged corpus after a restart, and a question only once', async () => {
    const first = createSemantic({ config: config(), cacheDir, logger: logSink().logger });
    await first.attach(buildEngine(corpus));
    fake.reset();
    const restarted = createSemantic({ config: config(), cacheDir, logger: logSink().logger });
    const engine = buildEngine(corpus);
    expect(await restarted.attach(engine)).toMatchObject({ embedded: 0, missing: 0 });
    expect(fake.requests).toBe(0);
    await restarted.search(engine, QUESTION, { limit: 3 });
    await restarted.search(engine, QUESTION, { limit: 3, offset: 3 });
    expect(fake.requests).toBe(1);
  });

  it('answers lexically, exactly as without the service, when the service fails', async () => {
    const engine = buildEngine(corpus);
    const sink = logSink();
    const semantic = createSemantic({ config: config(), cacheDir, logger: sink.logger });
    await semantic.attach(engine);
    for (const mode of [{ kind: 'status', status: 500 }, { kind: 'status', status: 401 }, { kind: 'nan' }, { kind: 'dimension', dimension: 40 }, { kind: 'malformed' }] as const) {
      fake.setMode(mode);
      const question = `Wie groß war der Handel zwischen Russland und China? (${mode.kind} ${'status' in mode ? mode.status : ''})`;
      expect(await semantic.search(engine, question)).toEqual(engine.search(question));
    }
    expect(semantic.health.available).toBe(false);
    expect(sink.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    fake.setMode({ kind: 'ok' });
    await semantic.search(engine, 'Was plant Zhejiang?');
    expect(semantic.health.available).toBe(true);
  });

  it('does not keep a question waiting for a slow service', async () => {
    const engine = buildEngine(corpus);
    const semantic = createSemantic({ config: config(), cacheDir, logger: logSink().logger, questionTimeoutMs: 100 });
    await semantic.attach(engine);
    fake.setMode({ kind: 'slow', delayMs: 1000 });
    const question = 'Was kostet ein Chip von Nvidia?';
    expect(await semantic.search(engine, question)).toEqual(engine.search(question));
    expect(semantic.health.lastErrorKind).toBe('timeout');
  });

  it('never fails a build: passages without vectors are embedded at the next one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quelle-semantic-down-'));
    try {
      fake.setMode({ kind: 'status', status: 500 });
      let clock = Date.now();
      const semantic = createSemantic({ config: config(), cacheDir: dir, logger: logSink().logger, now: () => clock });
      const engine = buildEngine(corpus);
      expect((await semantic.attach(engine)).missing).toBe(engine.passageTexts().length);
      fake.reset();
      expect(await semantic.search(engine, QUESTION)).toEqual(engine.search(QUESTION));
      // The probe, answered 500 too.
      await vi.waitFor(() => expect(fake.requests).toBe(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(semantic.health.available).toBe(false);
      // Back: a question to the engine without vectors tells the health so, in the background,
      // at most once a minute.
      fake.setMode({ kind: 'ok' });
      fake.reset();
      await semantic.search(engine, 'Was plant Zhejiang?');
      expect(fake.requests).toBe(0);
      clock += 61_000;
      await semantic.search(engine, 'Was plant Zhejiang?');
      await vi.waitFor(() => expect(semantic.health.available).toBe(true));
      const next = buildEngine(corpus);
      expect(await semantic.attach(next)).toMatchObject({ missing: 0, embedded: next.passageTexts().length });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('re-embeds everything when the model answers in another dimension', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quelle-semantic-dim-'));
    try {
      const sink = logSink();
      const semantic = createSemantic({ config: config(), cacheDir: dir, logger: sink.logger });
      await semantic.attach(buildEngine(corpus));
      fake.setMode({ kind: 'dimension', dimension: 48 });
      const engine = buildEngine(corpus);
      await semantic.attach(engine);
      expect(await semantic.search(engine, 'Wer investiert in Zhejiang?')).toEqual(engine.search('Wer investiert in Zhejiang?'));
      const next = buildEngine(corpus);
      const report = await semantic.attach(next);
      expect(report.dimensionChanged).toEqual({ from: 64, to: 48 });
      expect(next.vectors()?.dimension).toBe(48);
      expect(sink.entries.some((e) => e.msg === 'embedding dimension changed; re-embedded every passage')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
