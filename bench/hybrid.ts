/**
 * Hybrid search (issue 22, item 6): what the fused query costs at the seeds + manpages-de
 * corpus (about 37.5k passages), measured in child processes one at a time (this file forks
 * itself, like bench/child.ts, so that heaps and JIT state never mix):
 *   1. the fake embedding service (test/fake-embeddings, 64 dimensions, run in the bench's main
 *      process, so that the service is another process on loopback as a local model would be):
 *      attaching vectors to a freshly built engine (every passage sent through HTTP in batches
 *      of 64, then again from the vector cache), the service's round trip for one question, and
 *      engine.search(q) against engine.search(q, { queryVector }) interleaved;
 *   2. random normalized vectors at 384, 768 and 1024 dimensions (real models' sizes) attached
 *      with engine.useVectors: the same interleaved timing, the dense scan (topK) alone, and the
 *      memory the vectors take.
 * The fake's latency is not a real model's: a model's own time per question and per batch is
 * the operator's to measure (`npm run eval -- --embeddings`). Loaded by bench/run.ts
 * (`npm run bench -- --only hybrid`).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEmbeddingClient } from '../src/embeddings/client.js';
import { createSemantic } from '../src/embeddings/semantic.js';
import { VectorStore } from '../src/embeddings/vectors.js';
import { build } from '../src/search/build.js';
import { defaultEngineOptions } from '../src/search/defaults.js';
import type { Engine } from '../src/search/types.js';
import { FakeEmbeddings } from '../test/fake-embeddings/server.js';
import type { BenchCorpus } from './corpora.js';
import { answerTask, forkTask } from './fork-task.js';
import { percentile } from './metrics.js';
import { loadDevQuestions } from './questions.js';

const SELF = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--hybrid-child';
/** A child that takes longer than this is stuck, not slow. */
const CHILD_TIMEOUT_MS = 10 * 60_000;

/** One row of the measurement in a child process of its own (this file, with CHILD_FLAG). */
function runChild(task: ChildTask): Promise<ChildResult> {
  return forkTask<ChildResult>(SELF, [CHILD_FLAG], task, CHILD_TIMEOUT_MS);
}
/** The fake's default dimension, and the real models' sizes (e.g. multilingual-e5-small, -base, bge-m3). */
const FAKE_DIMENSION = 64;
export const MODEL_DIMENSIONS: readonly number[] = [384, 768, 1024];
/** Texts per request to the fake: EMBEDDINGS_BATCH's default. */
const BATCH = 64;
/** Untimed passes over the questions before the timed ones. */
const WARMUP_PASSES = 2;
/** The target of issue 22: the fused query at most this many ms above the service's own latency, at p99. */
export const HYBRID_TARGET_MS = 5;
const MB = 1024 * 1024;

type ChildTask =
  | { readonly kind: 'fake'; readonly corpusDir: string; readonly questionsFile: string; readonly url: string; readonly cacheDir: string; readonly passes: number; readonly roundTrips: number }
  | { readonly kind: 'random'; readonly corpusDir: string; readonly questionsFile: string; readonly dimension: number; readonly passes: number };

export interface Percentiles {
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Process memory after a full GC. */
export interface Memory {
  readonly heapUsedMB: number;
  /** ArrayBuffers (the vectors' Float32Array lives here, outside the V8 heap). */
  readonly arrayBuffersMB: number;
  readonly rssMB: number;
}

/** engine.search(q) and engine.search(q, { queryVector }) back to back, per question, alternating which goes first. */
export interface FusedTiming {
  /** Timed pairs: passes × questions. */
  readonly samples: number;
  readonly lexical: Percentiles;
  readonly fused: Percentiles;
  /** fused − lexical of the same question in the same pair. */
  readonly difference: Percentiles;
  /** VectorStore.topK(queryVector, denseDepth) alone: the dense scan over every passage; its minimum is its cost on an idle core. */
  readonly topK: Percentiles & { readonly minMs: number };
  /** Questions whose first passage differs between the lexical and the fused answer (a sign that fusion ran). */
  readonly firstPassageChanged: number;
}

interface RunBase {
  readonly dimension: number;
  readonly passages: number;
  readonly questions: number;
  readonly buildMs: number;
  /** VectorStore.bytes: the vectors' buffer. */
  readonly vectorBytes: number;
  readonly memoryBefore: Memory;
  readonly memoryAfter: Memory;
  readonly timing: FusedTiming;
  /** The machine's one-minute load average when the child started and when it finished (2 cores: above 2, others were running). */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export interface FakeRun extends RunBase {
  readonly kind: 'fake';
  /** Every passage embedded through the fake (nothing cached), attached: HTTP batches of 64. */
  readonly attachMs: number;
  readonly attachRequests: number;
  /** The same again on the same engine, every vector from the on-disk vector cache. */
  readonly reattachMs: number;
  readonly reattachRequests: number;
  readonly cacheFileBytes: number;
  /** One question through the embedding client to the fake and back. */
  readonly roundTrip: Percentiles & { readonly samples: number };
}

export interface RandomRun extends RunBase {
  readonly kind: 'random';
}

type ChildResult = FakeRun | RandomRun | { readonly kind: 'error'; readonly message: string };

export interface HybridFigures {
  readonly target: { readonly ms: number; readonly measure: string };
  readonly corpus: { readonly id: string; readonly label: string } | null;
  readonly passes: number;
  readonly denseDepth: number;
  readonly fake: FakeRun | null;
  readonly models: readonly RandomRun[];
  readonly skipped: readonly string[];
  readonly errors: readonly string[];
}

export interface HybridOptions {
  /** seeds + manpages-de; undefined when the archive is absent. */
  readonly corpus: BenchCorpus | undefined;
  readonly manpagesSkipped: string | undefined;
  readonly questionsFile: string;
  /** Timed passes over the dev questions per measurement. */
  readonly passes: number;
  /** Timed passes of single-question round trips to the fake. */
  readonly roundTripPasses: number;
  readonly log: (message: string) => void;
}

const TARGET_MEASURE = 'p99 of fused − lexical (same question, back to back): what a hybrid answer adds to a lexical one besides waiting for the service';

/** Runs the hybrid measurements, one child at a time. */
export async function measureHybrid(options: HybridOptions): Promise<HybridFigures> {
  const { corpus, log } = options;
  const figures = {
    target: { ms: HYBRID_TARGET_MS, measure: TARGET_MEASURE },
    corpus: corpus === undefined ? null : { id: corpus.id, label: corpus.label },
    passes: options.passes,
    denseDepth: defaultEngineOptions.denseDepth,
    fake: null as FakeRun | null,
    models: [] as RandomRun[],
    skipped: [] as string[],
    errors: [] as string[],
  };
  if (corpus === undefined) {
    figures.skipped.push(`seeds + manpages-de: ${options.manpagesSkipped ?? 'not prepared'}`);
    log(`  skipped: seeds + manpages-de ${options.manpagesSkipped ?? 'not prepared'}`);
    return figures;
  }
  try {
    await stat(options.questionsFile);
  } catch {
    figures.skipped.push(`${options.questionsFile} not found`);
    log(`  skipped: ${options.questionsFile} not found`);
    return figures;
  }

  const fake = await FakeEmbeddings.start({ dimension: FAKE_DIMENSION });
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'quelle-bench-vectors-'));
  try {
    const started = performance.now();
    const result = await runChild({ kind: 'fake', corpusDir: corpus.dir, questionsFile: options.questionsFile, url: fake.url, cacheDir, passes: options.passes, roundTrips: options.roundTripPasses });
    if (result.kind === 'fake') {
      figures.fake = result;
      log(
        `  fake service, ${FAKE_DIMENSION} dims: attach ${result.attachMs.toFixed(0)} ms (${result.attachRequests} requests), round trip p99 ${result.roundTrip.p99Ms.toFixed(2)} ms, fused − lexical p99 ${result.timing.difference.p99Ms.toFixed(2)} ms (${seconds(started)} s)`,
      );
    } else {
      const message = result.kind === 'error' ? result.message : `unexpected ${result.kind} result`;
      figures.errors.push(`fake service: ${message}`);
      log(`  fake service: FAILED ${message}`);
    }
  } finally {
    await fake.stop();
    await rm(cacheDir, { recursive: true, force: true });
  }

  for (const dimension of MODEL_DIMENSIONS) {
    const started = performance.now();
    const result = await runChild({ kind: 'random', corpusDir: corpus.dir, questionsFile: options.questionsFile, dimension, passes: options.passes });
    if (result.kind === 'random') {
      figures.models.push(result);
      log(
        `  random vectors, ${dimension} dims: fused p99 ${result.timing.fused.p99Ms.toFixed(2)} ms, fused − lexical p99 ${result.timing.difference.p99Ms.toFixed(2)} ms, vectors ${(result.vectorBytes / MB).toFixed(1)} MB (${seconds(started)} s)`,
      );
    } else {
      const message = result.kind === 'error' ? result.message : `unexpected ${result.kind} result`;
      figures.errors.push(`${dimension} dimensions: ${message}`);
      log(`  ${dimension} dimensions: FAILED ${message}`);
    }
  }
  return figures;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}


// ---------------------------------------------------------------------------------------------
// The child's side.

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Quelle bench: run the hybrid child with --expose-gc');
  gc();
  gc();
}

/** Memory after a full GC, and after a turn of the event loop (freed ArrayBuffers are released after the GC) and another. */
async function memory(): Promise<Memory> {
  collect();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  const usage = process.memoryUsage();
  return { heapUsedMB: round(usage.heapUsed / MB), arrayBuffersMB: round(usage.arrayBuffers / MB), rssMB: round(usage.rss / MB) };
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function percentiles(samples: readonly number[]): Percentiles {
  return { p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)) };
}

async function timedBuild(corpusDir: string): Promise<{ engine: Engine; buildMs: number }> {
  const started = performance.now();
  const engine = await build(corpusDir);
  return { engine, buildMs: round(performance.now() - started, 0) };
}

/**
 * Lexical against fused, interleaved: for each question, both searches back to back, the
 * lexical one first in even passes and the fused one first in odd ones (so that neither always
 * profits from the other's warm caches); then the dense scan alone.
 */
function timeFused(engine: Engine, questions: readonly string[], vectors: readonly Float32Array[], passes: number): FusedTiming {
  const store = engine.vectors();
  if (store === undefined) throw new Error('Quelle bench: no vectors attached');
  const lexicalOnce = (q: string) => engine.search(q);
  const fusedOnce = (q: string, queryVector: Float32Array) => engine.search(q, { queryVector });
  let firstPassageChanged = 0;
  questions.forEach((q, i) => {
    const a = lexicalOnce(q).passages[0];
    const b = fusedOnce(q, vectors[i] as Float32Array).passages[0];
    if (a?.file !== b?.file || a?.text !== b?.text) firstPassageChanged++;
  });
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    questions.forEach((q, i) => {
      lexicalOnce(q);
      fusedOnce(q, vectors[i] as Float32Array);
      store.topK(vectors[i] as Float32Array, defaultEngineOptions.denseDepth);
    });
  }
  collect();
  const lexical: number[] = [];
  const fused: number[] = [];
  const difference: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    questions.forEach((q, i) => {
      const vector = vectors[i] as Float32Array;
      let lex: number;
      let fus: number;
      if (pass % 2 === 0) {
        lex = timeOne(() => lexicalOnce(q));
        fus = timeOne(() => fusedOnce(q, vector));
      } else {
        fus = timeOne(() => fusedOnce(q, vector));
        lex = timeOne(() => lexicalOnce(q));
      }
      lexical.push(lex);
      fused.push(fus);
      difference.push(fus - lex);
    });
  }
  const scan: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const vector of vectors) scan.push(timeOne(() => store.topK(vector, defaultEngineOptions.denseDepth)));
  }
  return { samples: lexical.length, lexical: percentiles(lexical), fused: percentiles(fused), difference: percentiles(difference), topK: { ...percentiles(scan), minMs: round(Math.min(...scan)) }, firstPassageChanged };
}

function timeOne(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

async function runFake(task: Extract<ChildTask, { kind: 'fake' }>): Promise<Omit<FakeRun, 'loadAverage'>> {
  const questions = (await loadDevQuestions(task.questionsFile)).map((question) => question.q);
  const { engine, buildMs } = await timedBuild(task.corpusDir);
  const memoryBefore = await memory();
  const config = { url: task.url, model: 'quelle-bench-fake', apiKey: undefined, timeoutMs: 60_000, batch: BATCH, queryPrefix: '', passagePrefix: '' };
  const logger = {
    info: () => undefined,
    warn: (obj: object, msg: string) => process.stderr.write(`  hybrid: ${msg} ${JSON.stringify(obj)}\n`),
  };
  // Requests are counted through a fetch that passes everything on (the fake runs in another process).
  let requests = 0;
  const counting: typeof globalThis.fetch = (input, init) => {
    requests++;
    return globalThis.fetch(input, init);
  };
  const semantic = createSemantic({ config, cacheDir: task.cacheDir, logger, fetch: counting });

  let started = performance.now();
  const first = await semantic.attach(engine);
  const attachMs = round(performance.now() - started, 0);
  const attachRequests = requests;
  if (first.missing > 0 || first.embedded !== first.passages) throw new Error(`attach embedded ${first.embedded} of ${first.passages} passages (${first.missing} missing)`);
  requests = 0;
  started = performance.now();
  const again = await semantic.attach(engine);
  const reattachMs = round(performance.now() - started, 0);
  const reattachRequests = requests;
  if (again.reused !== again.passages) throw new Error(`the second attach reused ${again.reused} of ${again.passages} passage vectors`);
  const store = engine.vectors();
  if (store === undefined || store.count !== first.passages) throw new Error('attach left the engine without all its vectors');
  const memoryAfter = await memory();
  let cacheFileBytes = 0;
  for (const name of await readdir(task.cacheDir)) cacheFileBytes += (await stat(path.join(task.cacheDir, name))).size;

  // The service's round trip for one question, through Quelle's client as a question's vector goes.
  const client = createEmbeddingClient({ url: task.url, model: config.model, timeoutMs: config.timeoutMs, batch: BATCH });
  for (let pass = 0; pass < WARMUP_PASSES; pass++) for (const q of questions) await client.embed([q]);
  const trips: number[] = [];
  for (let pass = 0; pass < task.roundTrips; pass++) {
    for (const q of questions) {
      const t = performance.now();
      await client.embed([q]);
      trips.push(performance.now() - t);
    }
  }
  // Each question's vector, once, as semantic.search would get it.
  const vectors: Float32Array[] = [];
  for (const q of questions) {
    const [vector] = await client.embed([q]);
    if (vector === undefined || vector.length !== store.dimension) throw new Error(`the fake sent no ${store.dimension}-dimension vector for "${q}"`);
    vectors.push(vector);
  }

  const timing = timeFused(engine, questions, vectors, task.passes);
  return {
    kind: 'fake',
    dimension: store.dimension,
    passages: store.size,
    questions: questions.length,
    buildMs,
    vectorBytes: store.bytes,
    memoryBefore,
    memoryAfter,
    timing,
    attachMs,
    attachRequests,
    reattachMs,
    reattachRequests,
    cacheFileBytes,
    roundTrip: { ...percentiles(trips), samples: trips.length },
  };
}

/** mulberry32: a small seeded generator, so that every run scans the same vectors. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` random unit vectors (Gaussian components, normalized) as views into one buffer. */
function randomUnitVectors(count: number, dimension: number, random: () => number): Float32Array[] {
  const data = new Float32Array(count * dimension);
  const out: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    const vector = data.subarray(i * dimension, (i + 1) * dimension);
    let norm = 0;
    for (let j = 0; j < dimension; j++) {
      // Box–Muller; 1 − u keeps the logarithm finite.
      const value = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      vector[j] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dimension; j++) vector[j] = (vector[j] as number) * scale;
    out.push(vector);
  }
  return out;
}

/** In a function of its own, so that no frame of the caller keeps the source vectors alive for the memory figure. */
function attachRandom(engine: Engine, dimension: number, random: () => number): void {
  const passages = engine.passageTexts().length;
  engine.useVectors(VectorStore.from(randomUnitVectors(passages, dimension, random), dimension));
}

async function runRandom(task: Extract<ChildTask, { kind: 'random' }>): Promise<Omit<RandomRun, 'loadAverage'>> {
  const questions = (await loadDevQuestions(task.questionsFile)).map((question) => question.q);
  const { engine, buildMs } = await timedBuild(task.corpusDir);
  const memoryBefore = await memory();
  const random = seeded(task.dimension);
  attachRandom(engine, task.dimension, random);
  const store = engine.vectors();
  if (store === undefined) throw new Error('useVectors attached nothing');
  const memoryAfter = await memory();
  const vectors = randomUnitVectors(questions.length, task.dimension, random).map((view) => Float32Array.from(view));
  const timing = timeFused(engine, questions, vectors, task.passes);
  return { kind: 'random', dimension: task.dimension, passages: store.size, questions: questions.length, buildMs, vectorBytes: store.bytes, memoryBefore, memoryAfter, timing };
}

async function runTask(task: ChildTask): Promise<ChildResult> {
  const start = round(os.loadavg()[0] ?? 0, 2);
  const run = task.kind === 'fake' ? await runFake(task) : await runRandom(task);
  return { ...run, loadAverage: { start, end: round(os.loadavg()[0] ?? 0, 2) } };
}

if (process.argv.includes(CHILD_FLAG) && process.argv[1] !== undefined && path.resolve(process.argv[1]) === SELF) answerTask(runTask);

// ---------------------------------------------------------------------------------------------
// The Markdown section.

function ms(value: number): string {
  return value.toFixed(2);
}

function mb(value: number): string {
  return value.toFixed(1);
}

function row(label: string, run: RunBase): string {
  const t = run.timing;
  const met = t.difference.p99Ms <= HYBRID_TARGET_MS ? 'met' : 'NOT met';
  const before = run.memoryBefore;
  const after = run.memoryAfter;
  return `| ${label} | ${ms(t.lexical.p50Ms)} / ${ms(t.lexical.p99Ms)} | ${ms(t.fused.p50Ms)} / ${ms(t.fused.p99Ms)} | ${ms(t.difference.p50Ms)} / ${ms(t.difference.p99Ms)} | ${met} | ${ms(t.topK.minMs)} / ${ms(t.topK.p50Ms)} / ${ms(t.topK.p99Ms)} | ${mb(run.vectorBytes / MB)} | ${mb(before.heapUsedMB)} → ${mb(after.heapUsedMB)} | ${mb(before.arrayBuffersMB)} → ${mb(after.arrayBuffersMB)} | ${mb(before.rssMB)} → ${mb(after.rssMB)} |`;
}

function loadText(figures: HybridFigures): string {
  const runs: RunBase[] = [...(figures.fake === null ? [] : [figures.fake]), ...figures.models];
  return runs.map((run) => `${run.loadAverage.start.toFixed(1)}–${run.loadAverage.end.toFixed(1)}`).join(', ');
}

/** The Markdown section of the bench output, under "Hybrid search (embedding service)". */
export function hybridText(figures: HybridFigures): string {
  const lines: string[] = figures.skipped.flatMap((reason) => [`Skipped: ${reason}.`, '']);
  const fake = figures.fake;
  const first = fake ?? figures.models[0];
  if (first !== undefined) {
    lines.push(
      `${figures.corpus?.label ?? ''}, ${first.passages} passages, ${first.questions} dev questions × ${figures.passes} passes (${first.timing.samples} pairs per row), each row in its own child process, one at a time. Lexical = \`engine.search(q)\`; fused = \`engine.search(q, { queryVector })\` with the question's vector computed beforehand (dense top ${figures.denseDepth} by brute force, reciprocal rank fusion); the two back to back per question, alternating which goes first. Target of issue 22: ≤ ${figures.target.ms} ms above the service's own latency at p99, read as the ${figures.target.measure}. Memory after a full GC, before → after the vectors are attached (the vectors are one Float32Array outside the V8 heap: they show under ArrayBuffers and in RSS, not in the heap; RSS also keeps pages the attach itself used and freed). The dense scan's minimum is its cost on an idle core; one-minute load average during the rows: ${loadText(figures)} (2 cores: above 2, other processes were competing and the percentiles include their time).`,
      '',
      '| Vectors | lexical p50 / p99 ms | fused p50 / p99 ms | fused − lexical p50 / p99 ms | ≤ 5 ms | dense scan (topK) min / p50 / p99 ms | vectors MB | heap MB | ArrayBuffers MB | RSS MB |',
      '|---|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    );
    if (fake !== null) lines.push(row(`fake service, ${fake.dimension} dims`, fake));
    for (const run of figures.models) lines.push(row(`random, ${run.dimension} dims`, run));
    lines.push('');
  }
  if (fake !== null) {
    lines.push(
      `Fake service (test/fake-embeddings, ${fake.dimension} dimensions, in the bench's main process on 127.0.0.1): one question's round trip through Quelle's client p50 ${ms(fake.roundTrip.p50Ms)} ms, p99 ${ms(fake.roundTrip.p99Ms)} ms (${fake.roundTrip.samples} requests), so a hybrid answer with the fake takes about ${ms(fake.roundTrip.p50Ms + fake.timing.fused.p50Ms)} ms at the median (round trip + fused search). Attaching vectors to the freshly built engine (${fake.passages} passages, build ${(fake.buildMs / 1000).toFixed(1)} s): ${(fake.attachMs / 1000).toFixed(1)} s with every passage sent (${fake.attachRequests} requests of up to ${BATCH}), ${(fake.reattachMs / 1000).toFixed(1)} s again from the vector cache (${fake.reattachRequests} requests; cache file ${mb(fake.cacheFileBytes / MB)} MB). The fused first passage differs from the lexical one for ${fake.timing.firstPassageChanged} of ${fake.questions} questions.`,
      '',
    );
  }
  if (figures.models.length > 0) {
    lines.push(`Random unit vectors at ${figures.models.map((run) => run.dimension).join(', ')} dimensions stand in for real models' (e.g. multilingual-e5-small/-base, bge-m3): the scan costs the same whatever the values; the fused ranking's passages do not mean anything.`, '');
  }
  lines.push(
    "The fake's latency is not a real model's: a model takes its own time per question (and per batch at a build), which adds to every figure here. End-to-end figures with a model are the operator's to measure: `npm run eval -- --embeddings` with EMBEDDINGS_URL set.",
  );
  for (const error of figures.errors) lines.push('', `Failed: ${error}`);
  return lines.join('\n');
}
