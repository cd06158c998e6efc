/**
 * One measurement in its own process (`node --expose-gc child.js`), so that heaps and JIT
 * state of different systems never mix. Receives a ChildTask over IPC, answers with one
 * ChildResult and exits.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { build } from '../src/search/build.js';
import { loadLexicons } from '../src/search/lexicon/load.js';
import { buildEngine } from '../src/search/engine.js';
import type { Engine } from '../src/search/types.js';
import { firstRelevantRank, normalizeForMatch, percentile, quality } from './metrics.js';
import type { ChildResult, ChildTask, CoverageSweepRun, IndexCacheRun, QuestionOutcome, SnapshotLoadRun, SnapshotSaveRun, SystemRun } from './protocol.js';
import { answerTask } from './fork-task.js';
import { loadDevQuestions, OFF_TOPIC_QUESTIONS } from './questions.js';
import { createSystem } from './systems/index.js';
import { paragraphDocs, type BenchDoc, type BenchSystem } from './systems/system.js';

const LIMIT = 5;
/** Untimed passes after the ranked one, so that the timed passes see optimised code. */
const WARMUP_PASSES = 2;
const MB = 1024 * 1024;

function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Quelle bench: run the child with --expose-gc');
  // Twice: the first pass can leave finalizable objects for the second.
  gc();
  gc();
  return process.memoryUsage().heapUsed / MB;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function searchIds(system: BenchSystem, question: string): Promise<readonly number[]> {
  const result = system.search(question, LIMIT);
  return result instanceof Promise ? await result : result;
}

async function runSystem(task: Extract<ChildTask, { kind: 'system' }>): Promise<SystemRun> {
  const questions = await loadDevQuestions(task.questionsFile);
  const [corpus, loadMs] = await timed(() => loadCorpus(task.corpusDir));
  const docs = paragraphDocs(corpus);
  const heapCorpusMB = heapMB();
  const base = { kind: 'system' as const, system: task.system, articles: corpus.articles.length, paragraphs: docs.length, loadMs };

  const buildRunsMs: number[] = [];
  let system: BenchSystem | undefined;
  for (let run = 0; run < task.buildRuns; run++) {
    system = undefined;
    if (run > 0) heapMB(); // the previous index must not be collected during this build
    const fresh = createSystem(task.system);
    const [, ms] = await timed(() => fresh.build(corpus, docs));
    buildRunsMs.push(ms);
    system = fresh;
  }
  if (!system) throw new Error('Quelle bench: buildRuns must be at least 1');
  const heap = heapMB();

  // Warm-up pass, untimed: it also gives the ranks, which do not depend on timing.
  const outcomes: QuestionOutcome[] = [];
  for (const question of questions) {
    const ids = await searchIds(system, question.q);
    const rank = firstRelevantRank(textsOf(ids, docs), question.expect);
    outcomes.push({ id: question.id, kind: question.kind, rank: rank ?? null, returned: ids.length });
  }
  const offTopicFirst: (string | null)[] = [];
  for (const question of OFF_TOPIC_QUESTIONS) {
    const [first] = await searchIds(system, question);
    // Off-topic counts as handled when not answered with confidence (Quelle's "not sure" shows passages).
    const answered = first !== undefined && (system.confident?.(question) ?? true);
    offTopicFirst.push(answered ? (docs[first]?.text.slice(0, 120) ?? null) : null);
  }

  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const question of questions) await searchIds(system, question.q);
  }
  heapMB(); // start the timed passes with the same clean heap for every system
  const samples: number[] = [];
  for (let pass = 0; pass < task.repeats; pass++) {
    for (const question of questions) {
      const start = performance.now();
      await searchIds(system, question.q);
      samples.push(performance.now() - start);
    }
  }

  return {
    ...base,
    buildMs: median(buildRunsMs),
    buildRunsMs,
    heapCorpusMB,
    heapMB: heap,
    indexHeapMB: heap - heapCorpusMB,
    queryP50Ms: percentile(samples, 50),
    queryP99Ms: percentile(samples, 99),
    queryMeanMs: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
    querySamples: samples.length,
    quality: quality(outcomes.map((outcome) => outcome.rank ?? undefined)),
    questions: outcomes,
    unanswerable: unanswerable(corpus, questions),
    abstained: offTopicFirst.filter((first) => first === null).length,
    offTopic: OFF_TOPIC_QUESTIONS.length,
    offTopicFirst,
  };
}

function textsOf(ids: readonly number[], docs: readonly BenchDoc[]): string[] {
  return ids.map((id) => {
    const doc = docs[id];
    if (!doc) throw new Error(`Quelle bench: search returned unknown paragraph id ${id}`);
    return doc.text;
  });
}

/** Ids of questions whose expected phrases stand in no paragraph: a loader problem, not a ranking one. */
function unanswerable(corpus: Corpus, questions: Awaited<ReturnType<typeof loadDevQuestions>>): string[] {
  const texts = corpus.articles.flatMap((article) => article.paragraphs.map((paragraph) => normalizeForMatch(paragraph.text)));
  return questions
    .filter((question) => !question.expect.some((phrase) => texts.some((text) => text.includes(normalizeForMatch(phrase)))))
    .map((question) => question.id);
}

// The snapshot figures use MiniSearch defaults, the only peer with a documented toJSON/loadJSON.
const SNAPSHOT_OPTIONS = { fields: ['title', 'heading', 'text'] };

async function runSnapshotSave(task: Extract<ChildTask, { kind: 'snapshot-save' }>): Promise<SnapshotSaveRun> {
  const [corpus, loadCorpusMs] = await timed(() => loadCorpus(task.corpusDir));
  const docs = paragraphDocs(corpus);
  const buildMs: number[] = [];
  const serializeMs: number[] = [];
  let json = '';
  for (let run = 0; run < task.runs; run++) {
    const [index, ms] = await timed(() => {
      const fresh = new MiniSearch<BenchDoc>(SNAPSHOT_OPTIONS);
      fresh.addAll(docs);
      return fresh;
    });
    buildMs.push(ms);
    const [text, serialize] = await timed(() => JSON.stringify(index));
    serializeMs.push(serialize);
    json = text;
  }
  await writeFile(task.snapshotFile, json);
  return {
    kind: 'snapshot-save',
    paragraphs: docs.length,
    loadCorpusMs,
    buildMs: median(buildMs),
    serializeMs: median(serializeMs),
    bytes: Buffer.byteLength(json),
  };
}

async function runSnapshotLoad(task: Extract<ChildTask, { kind: 'snapshot-load' }>): Promise<SnapshotLoadRun> {
  const [corpus, loadCorpusMs] = await timed(() => loadCorpus(task.corpusDir));
  const restoreMs: number[] = [];
  let restored: MiniSearch<BenchDoc> | undefined;
  for (let run = 0; run < task.runs; run++) {
    restored = undefined;
    heapMB();
    const [index, ms] = await timed(async () => MiniSearch.loadJSON<BenchDoc>(await readFile(task.snapshotFile, 'utf8'), SNAPSHOT_OPTIONS));
    restoreMs.push(ms);
    restored = index;
  }
  if (!restored) throw new Error('Quelle bench: runs must be at least 1');
  const heap = heapMB();
  const fresh = new MiniSearch<BenchDoc>(SNAPSHOT_OPTIONS);
  fresh.addAll(paragraphDocs(corpus));
  const questions = await loadDevQuestions(task.questionsFile);
  const sameResults = questions.every((question) => {
    const a = restored.search(question.q).slice(0, LIMIT);
    const b = fresh.search(question.q).slice(0, LIMIT);
    return a.length === b.length && a.every((result, i) => result.id === b[i]?.id);
  });
  return { kind: 'snapshot-load', loadCorpusMs, restoreMs: median(restoreMs), heapMB: heap, sameResults };
}

async function runIndexCache(task: Extract<ChildTask, { kind: 'index-cache' }>): Promise<IndexCacheRun> {
  const plain: number[] = [];
  let fresh: Engine | undefined;
  for (let run = 0; run < task.runs; run++) {
    const [engine, ms] = await timed(() => build(task.corpusDir));
    plain.push(ms);
    fresh = engine;
  }
  const [, missMs] = await timed(() => build(task.corpusDir, { cacheDir: task.cacheDir }));
  const hits: number[] = [];
  let restored: Engine | undefined;
  for (let run = 0; run < task.runs; run++) {
    const [engine, ms] = await timed(() => build(task.corpusDir, { cacheDir: task.cacheDir }));
    hits.push(ms);
    restored = engine;
  }
  if (!fresh || !restored) throw new Error('Quelle bench: runs must be at least 1');
  const questions = await loadDevQuestions(task.questionsFile);
  const sameResults = questions.every((q) => JSON.stringify(fresh.search(q.q)) === JSON.stringify(restored.search(q.q)));
  const bytes = (await readdir(task.cacheDir)).length === 1 ? (await stat(path.join(task.cacheDir, (await readdir(task.cacheDir))[0] ?? ''))).size : 0;
  return { kind: 'index-cache', paragraphs: fresh.stats().paragraphs, buildMs: median(plain), missMs, hitMs: median(hits), bytes, sameResults };
}

async function runCoverageSweep(task: Extract<ChildTask, { kind: 'coverage-sweep' }>): Promise<CoverageSweepRun> {
  const corpus = await loadCorpus(task.corpusDir);
  const questions = await loadDevQuestions(task.questionsFile);
  const lexicon = await loadLexicons();
  const rows = task.values.map((answerCoverage) => {
    const engine = buildEngine(corpus, { answerCoverage, lexicon });
    const ranks = questions.map((q) => firstRelevantRank(engine.search(q.q, { limit: LIMIT }).passages.map((p) => p.text), q.expect));
    return {
      answerCoverage,
      hit1: ranks.filter((r) => r === 1).length,
      hit3: ranks.filter((r) => r !== undefined && r <= 3).length,
      questions: questions.length,
      abstained: OFF_TOPIC_QUESTIONS.filter((q) => engine.search(q).confidence !== 'answer').length,
      offTopic: OFF_TOPIC_QUESTIONS.length,
      lost: questions.filter((_, i) => !((ranks[i] ?? 99) <= 3)).map((q) => q.id),
    };
  });
  return { kind: 'coverage-sweep', rows };
}

async function runTask(task: ChildTask): Promise<ChildResult> {
  switch (task.kind) {
    case 'coverage-sweep':
      return runCoverageSweep(task);
    case 'index-cache':
      return runIndexCache(task);
    case 'system':
      return runSystem(task);
    case 'snapshot-save':
      return runSnapshotSave(task);
    case 'snapshot-load':
      return runSnapshotLoad(task);
  }
}

answerTask(runTask);
