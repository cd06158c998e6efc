/**
 * Whole-process start-up (issue 21, item 5): the wall time from spawning a process to its
 * answer on stdout, for
 *   (a) Quelle's CLI, `node bin/quelle.js ask --json --corpus DIR QUESTION` (dist/ must be built),
 *   (b) bench/startup-minisearch.ts, a plain app on MiniSearch defaults doing the same job.
 * The two run alternately (a, b, a, b, …), one process at a time, after one untimed run of
 * each (so that neither is the one that warms the page cache). The clock stops at the first
 * complete line on stdout (both print their answer as one line of JSON and exit); the time to
 * exit is recorded too. Quelle runs without INDEX_CACHE_DIR (and without the opt-in
 * embedding service), so every start builds its index as the baseline does.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchCorpus } from './corpora.js';
import { exists } from './fork-task.js';

/** A start that takes longer than this is stuck, not slow. */
const START_TIMEOUT_MS = 5 * 60_000;

/** The performance target of issue 21: Quelle's start-up at most this many times the baseline's. */
export const STARTUP_TARGET_RATIO = 1.2;

/** One question per corpus, the same for both processes: a news question, and a help-channel one. */
const QUESTIONS: Readonly<Record<string, string>> = {
  seeds: 'Wie groß war der Handel zwischen Russland und China im Jahr 2024?',
  'seeds+manpages': 'Wie benenne ich eine Datei um?',
};
const FALLBACK_QUESTION = 'Wie benenne ich eine Datei um?';

export interface StartupSample {
  /** Spawn → first complete line on stdout. */
  readonly answerMs: number;
  /** Spawn → exit. */
  readonly exitMs: number;
}

export interface StartupSide {
  readonly command: string;
  readonly samples: readonly StartupSample[];
  readonly medianAnswerMs: number;
  readonly medianExitMs: number;
  /** The first hit's file in the last run: a sanity check that an answer came. */
  readonly topFile: string | null;
}

export interface StartupCorpusFigures {
  readonly corpus: { readonly id: string; readonly label: string };
  readonly question: string;
  readonly quelle: StartupSide;
  readonly minisearch: StartupSide & { readonly paragraphs: number | null };
  /** quelle.medianAnswerMs / minisearch.medianAnswerMs. */
  readonly ratio: number;
  readonly targetMet: boolean;
}

export interface StartupFigures {
  readonly runsEach: number;
  readonly target: number;
  readonly results: readonly StartupCorpusFigures[];
  /** Why a corpus or the whole measurement was skipped. */
  readonly skipped: readonly string[];
  readonly errors: readonly string[];
}

export interface StartupOptions {
  /** Project root: bin/quelle.js and dist/ live here. */
  readonly root: string;
  /** The compiled baseline script (dist-bench/bench/startup-minisearch.js). */
  readonly baselineScript: string;
  readonly corpora: readonly BenchCorpus[];
  /** Why seeds + manpages-de is not among `corpora`, if it is not. */
  readonly manpagesSkipped: string | undefined;
  /** Timed runs of each process per corpus. */
  readonly runs: number;
  readonly log: (message: string) => void;
}

export async function measureStartup(options: StartupOptions): Promise<StartupFigures> {
  const { root, runs, log } = options;
  const skipped: string[] = [];
  const errors: string[] = [];
  if (options.manpagesSkipped !== undefined) skipped.push(`seeds + manpages-de: ${options.manpagesSkipped}`);
  const cli = path.join(root, 'bin', 'quelle.js');
  const builtCli = path.join(root, 'dist', 'cli.js');
  if (!(await exists(builtCli))) {
    skipped.push(`all: ${path.relative(root, builtCli)} not found (run \`npm run build\` first)`);
    return { runsEach: runs, target: STARTUP_TARGET_RATIO, results: [], skipped, errors };
  }
  const env = envWithoutCache();
  const results: StartupCorpusFigures[] = [];
  for (const corpus of options.corpora) {
    const question = QUESTIONS[corpus.id] ?? FALLBACK_QUESTION;
    const quelleArgs = [cli, 'ask', '--json', '--corpus', corpus.dir, question];
    const baselineArgs = [options.baselineScript, corpus.dir, question];
    try {
      // One untimed start of each: whichever ran first would otherwise read a cold page cache.
      await timeStart(quelleArgs, root, env);
      await timeStart(baselineArgs, root, env);
      const quelle: Timed[] = [];
      const minisearch: Timed[] = [];
      for (let i = 0; i < runs; i++) {
        quelle.push(await timeStart(quelleArgs, root, env));
        minisearch.push(await timeStart(baselineArgs, root, env));
      }
      const a = side(`node bin/quelle.js ask --json --corpus <${corpus.id}> "${question}"`, quelle);
      const b = side(`node dist-bench/bench/startup-minisearch.js <${corpus.id}> "${question}"`, minisearch);
      const last = minisearch.at(-1)?.output;
      const paragraphs = isRecord(last) && typeof last['paragraphs'] === 'number' ? last['paragraphs'] : null;
      const ratio = a.medianAnswerMs / b.medianAnswerMs;
      results.push({
        corpus: { id: corpus.id, label: corpus.label },
        question,
        quelle: a,
        minisearch: { ...b, paragraphs },
        ratio,
        targetMet: ratio <= STARTUP_TARGET_RATIO,
      });
      log(`  ${corpus.id}: Quelle CLI ${a.medianAnswerMs.toFixed(0)} ms, MiniSearch defaults ${b.medianAnswerMs.toFixed(0)} ms (median of ${runs}), ${ratio.toFixed(2)}×`);
    } catch (err) {
      const message = `${corpus.label}: ${err instanceof Error ? err.message : String(err)}`;
      errors.push(message);
      log(`  ${message}`);
    }
  }
  return { runsEach: runs, target: STARTUP_TARGET_RATIO, results, skipped, errors };
}

/** This process's environment without the index cache and the embedding service. */
function envWithoutCache(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'INDEX_CACHE_DIR' || key === 'CORPUS_DIR' || key.startsWith('EMBEDDINGS_')) continue;
    env[key] = value;
  }
  return env;
}

interface Timed extends StartupSample {
  readonly output: unknown;
}

/** Spawns `node ...args` and times it to its first line on stdout and to its exit (code 0 required). */
function timeStart(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answerMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (answerMs === undefined && stdout.includes('\n')) answerMs = performance.now() - started;
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      const exitMs = performance.now() - started;
      clearTimeout(timer);
      const firstLine = stdout.split('\n')[0] ?? '';
      if (code !== 0 || answerMs === undefined) {
        const why = signal === 'SIGKILL' ? `timed out after ${START_TIMEOUT_MS / 1000} s` : `exited with ${signal ?? `code ${code}`}`;
        reject(new Error(`${path.basename(args[0] ?? 'node')} ${why}: ${(stderr.trim() || firstLine).split('\n')[0] ?? ''}`));
        return;
      }
      let output: unknown;
      try {
        output = JSON.parse(firstLine);
      } catch {
        reject(new Error(`${path.basename(args[0] ?? 'node')} printed no JSON line: ${firstLine.slice(0, 120)}`));
        return;
      }
      resolve({ answerMs, exitMs, output });
    });
  });
}

function side(command: string, timed: readonly Timed[]): StartupSide {
  const last = timed.at(-1)?.output;
  const hits = isRecord(last) && Array.isArray(last['hits']) ? (last['hits'] as unknown[]) : [];
  const first = hits[0];
  return {
    command,
    samples: timed.map(({ answerMs, exitMs }) => ({ answerMs: round(answerMs), exitMs: round(exitMs) })),
    medianAnswerMs: round(median(timed.map((t) => t.answerMs))),
    medianExitMs: round(median(timed.map((t) => t.exitMs))),
    topFile: isRecord(first) && typeof first['file'] === 'string' ? first['file'] : null,
  };
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('Quelle bench: median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}


/** The Markdown section of the bench output. */
export function startupText(figures: StartupFigures): string {
  const lines = [
    `Target ≤ ${figures.target}× MiniSearch defaults. Wall time from spawning \`node\` to the answer on stdout, median of ${figures.runsEach} runs each, run alternately one at a time after one untimed run of each; Quelle without INDEX_CACHE_DIR (the index is built at every start). MiniSearch defaults = bench/startup-minisearch.ts: read every .txt, one paragraph per non-empty line, \`new MiniSearch({ fields: ['text'], storeFields: ['file'] })\`, addAll, search, print the top 3.`,
    '',
  ];
  if (figures.results.length > 0) {
    lines.push(
      '| Corpus | Question | Quelle CLI ms | MiniSearch defaults ms | Ratio | Target ≤ 1.2× | to exit: Quelle / MiniSearch ms |',
      '|---|---|---:|---:|---:|---|---:|',
    );
    for (const r of figures.results) {
      lines.push(
        `| ${r.corpus.label} | ${r.question} | ${r.quelle.medianAnswerMs.toFixed(0)} | ${r.minisearch.medianAnswerMs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${r.targetMet ? 'met' : 'NOT met'} | ${r.quelle.medianExitMs.toFixed(0)} / ${r.minisearch.medianExitMs.toFixed(0)} |`,
      );
    }
    lines.push('');
    for (const r of figures.results) {
      lines.push(
        `${r.corpus.label}: Quelle ${r.quelle.samples.map((s) => s.answerMs.toFixed(0)).join(', ')} ms; MiniSearch ${r.minisearch.samples.map((s) => s.answerMs.toFixed(0)).join(', ')} ms (${r.minisearch.paragraphs ?? '?'} lines indexed); first hit ${r.quelle.topFile ?? 'none'} / ${r.minisearch.topFile ?? 'none'}.`,
      );
    }
  }
  for (const reason of figures.skipped) lines.push(`Skipped: ${reason}.`);
  for (const error of figures.errors) lines.push(`Failed: ${error}`);
  return lines.join('\n').trimEnd();
}
