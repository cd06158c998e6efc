/**
 * The feedback store (issue 14), measured: answer latency through the real bot with the store
 * on (SQLite) and off, in one run; a burst of 10,000 votes, none lost; the SQLite file's size
 * per 100,000 questions. Loaded by bench/run.ts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Feedback } from '../src/store/feedback.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { QuestionRecord } from '../src/store/types.js';
import { startBenchBot } from './bot-latency.js';
import { percentile } from './metrics.js';

const QUESTIONS = ['Wer ist Du Xuliang?', 'Deepsek R1', 'Gallium Germanium', 'Abhaengigkeit von China', 'Rezept für veganen Käsekuchen', 'Wie groß war der Handel zwischen Russland und China 2024?'];
const LATENCY_RUNS = 400;
const VOTES = 10_000;
const SIZE_QUESTIONS = 100_000;

export interface StoreFigures {
  readonly latency: { readonly n: number; readonly off: { p50Ms: number; p99Ms: number }; readonly on: { p50Ms: number; p99Ms: number }; readonly p99DeltaMs: number; readonly recorded: number };
  readonly votes: { readonly n: number; readonly ms: number; readonly saved: number; readonly lost: number; readonly refused: number };
  readonly size: { readonly questions: number; readonly mb: number; readonly writeMs: number };
}

/** p50/p99 of interaction → callback for /ask, with DATABASE_URL as given; and how many questions the store got. */
async function askLatency(databaseUrl: string, storeFile: string | undefined): Promise<{ p50Ms: number; p99Ms: number; recorded: number }> {
  const bot = await startBenchBot(databaseUrl, QUESTIONS);
  const times: number[] = [];
  try {
    for (let n = 0; n < 30; n++) await bot.latency(bot.ask(n));
    for (let n = 0; n < LATENCY_RUNS; n++) times.push(await bot.latency(bot.ask(n)));
  } finally {
    await bot.stop();
  }
  let recorded = 0;
  if (storeFile !== undefined) {
    const store = new SqliteStore(storeFile);
    recorded = (await store.report(0, 1)).questions;
    await store.close();
  }
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), recorded };
}

export async function measureStore(): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-bench-store-'));
  try {
    // Off, on, off, on: the machine's drift falls on both.
    // Both "on" runs write this one file: the second run's count is the total.
    const file = path.join(dir, 'latency.sqlite');
    const off1 = await askLatency('off', undefined);
    const on1 = await askLatency(`file:${file}`, file);
    const off2 = await askLatency('off', undefined);
    const on2 = await askLatency(`file:${file}`, file);
    const mean = (a: number, b: number) => Math.round(((a + b) / 2) * 1000) / 1000;
    const off = { p50Ms: mean(off1.p50Ms, off2.p50Ms), p99Ms: mean(off1.p99Ms, off2.p99Ms) };
    const on = { p50Ms: mean(on1.p50Ms, on2.p50Ms), p99Ms: mean(on1.p99Ms, on2.p99Ms) };

    // 10,000 presses at once on 100 answers, each by another user.
    const votesFile = path.join(dir, 'votes.sqlite');
    const feedback = new Feedback({ location: { kind: 'sqlite', file: votesFile }, storeQuestions: true, retentionDays: 90, logger: { info: () => undefined, warn: () => undefined }, voteTimeoutMs: 60_000 });
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: VOTES }, (_, n) => feedback.vote(`answer${String(n % 100).padStart(6, '0')}`, String(200_000_000_000_000_000n + BigInt(n)), n % 3 === 0 ? 1 : -1)));
    const votesMs = Math.round(performance.now() - started);
    await feedback.close();
    const check = new SqliteStore(votesFile);
    const { votes } = await check.report(0, 1);
    await check.close();
    const saved = votes.up + votes.down;

    // The file for 100,000 questions: typical length, a fifth unanswered.
    const sizeFile = path.join(dir, 'size.sqlite');
    const store = new SqliteStore(sizeFile);
    const now = Date.now();
    const writeStarted = performance.now();
    for (let start = 0; start < SIZE_QUESTIONS; start += 1000) {
      const batch: QuestionRecord[] = Array.from({ length: 1000 }, (_, i) => {
        const n = start + i;
        const abstained = n % 5 === 0;
        return {
          id: `q${String(n).padStart(11, '0')}`,
          at: now - n * 1000,
          guildId: '100000000000000001',
          channelId: '200000000000000001',
          locale: 'de',
          question: `${QUESTIONS[n % QUESTIONS.length] ?? ''} (${n})`,
          abstained,
          top: abstained ? null : { file: '001_e98a8a84176a97af.txt', paragraph: n % 40, score: 12.5 },
          private: n % 4 === 0,
        };
      });
      await store.recordQuestions(batch);
    }
    const writeMs = Math.round(performance.now() - writeStarted);
    await store.close(); // checkpoints the WAL into the file
    const mb = Math.round((statSync(sizeFile).size / 1024 / 1024) * 10) / 10;
    return {
      latency: { n: LATENCY_RUNS, off, on, p99DeltaMs: Math.round((on.p99Ms - off.p99Ms) * 1000) / 1000, recorded: on2.recorded },
      votes: { n: VOTES, ms: votesMs, saved, lost: VOTES - saved, refused: outcomes.filter((o) => o === 'failed').length },
      size: { questions: SIZE_QUESTIONS, mb, writeMs },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
