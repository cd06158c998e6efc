/**
 * Bot latency: interaction → callback, through the real bot (startApp, as `npm start` runs
 * it) and a fake Discord on 127.0.0.1 (test/fake-discord). Measures what the bot adds, not
 * the network: the fake answers at once. Loaded by bench/run.ts.
 */
import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { FakeDiscord, type DispatchedRef } from '../test/fake-discord/index.js';
import { percentile } from './metrics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const QUESTIONS = ['Wer ist Du Xuliang?', 'Deepsek R1', 'Gallium Germanium', 'Abhaengigkeit von China', 'Wie groß war der Handel zwischen Russland und China 2024?'];
/** One at a time: the latency a user meets on a quiet bot. */
const SINGLE_RUNS = 200;
const BURST = 1000;
/** Distinct users asking one question each: the bot's heap must not grow with them. */
const DISTINCT_USERS = 20_000;
/** Users first, unmeasured: the heap grows once while lazily made structures fill in. */
const WARM_UP_USERS = 5_000;

export interface LatencyFigures {
  readonly single: { readonly n: number; readonly p50Ms: number; readonly p99Ms: number };
  readonly burst: { readonly n: number; readonly p50Ms: number; readonly p99Ms: number; readonly totalMs: number; readonly answeredOnce: boolean };
  /** Heap after a full GC before and after DISTINCT_USERS more users asked once each (after WARM_UP_USERS), in MB. */
  readonly users: { readonly n: number; readonly heapBeforeMB: number; readonly heapAfterMB: number; readonly growthMB: number };
}

/** Heap used after a full GC, in MB; `gc` is reached without --expose-gc on the command line. */
function heapAfterGcMB(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The real bot on the seeds against a fake Discord, logs silenced, and how to time an /ask. */
export interface BenchBot {
  readonly fake: FakeDiscord;
  /** /ask the n-th question (cycling), as the n-th user. */
  ask(n: number): DispatchedRef;
  /** Milliseconds from sending an interaction to its callback. */
  latency(ref: DispatchedRef): Promise<number>;
  stop(): Promise<void>;
}

export async function startBenchBot(databaseUrl: string, questions: readonly string[] = QUESTIONS): Promise<BenchBot> {
  const fake = await FakeDiscord.start();
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const config = loadConfig({ DISCORD_TOKEN: 'fake.bench.token', DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.join(ROOT, 'seeds'), ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl });
  const app = await startApp(config, { stdin: new PassThrough(), stdout: new PassThrough(), logStream: silent });
  if (app.mode !== 'discord') throw new Error('Quelle bench: expected the Discord mode');
  return {
    fake,
    ask: (n) => fake.chatInput('ask', [{ name: 'question', type: 3, value: questions[n % questions.length] ?? '' }], { userId: String(100_000_000_000_000_000n + BigInt(n)) }),
    latency: async (ref) => (await fake.waitForCallback(ref.id, { timeoutMs: 30_000 })).receivedAt - ref.sentAt,
    stop: async () => {
      await app.bot.stop();
      await fake.stop();
    },
  };
}

export async function measureBotLatency(): Promise<LatencyFigures> {
  // The feedback store is measured on its own (bench/store.ts).
  const bot = await startBenchBot('off');
  const { fake, ask, latency } = bot;
  try {

    for (let n = 0; n < 20; n++) await latency(ask(n)); // warm-up: JIT, caches
    const single: number[] = [];
    for (let n = 0; n < SINGLE_RUNS; n++) single.push(await latency(ask(n)));

    const started = performance.now();
    const refs = Array.from({ length: BURST }, (_, n) => ask(n));
    const burst = await Promise.all(refs.map(latency));
    const totalMs = performance.now() - started;
    const answeredOnce = refs.every((ref) => fake.responsesFor(ref.id).filter((r) => r.path.endsWith('/callback')).length === 1);

    // The fake runs in this process: it forgets what it recorded after each batch, so that
    // the heap shows what the bot keeps per user (discord.js caches, our own state).
    const askDistinct = async (from: number, count: number): Promise<void> => {
      for (let start = 0; start < count; start += BURST) {
        await Promise.all(Array.from({ length: BURST }, (_, i) => latency(ask(from + start + i))));
        fake.forget();
      }
    };
    await askDistinct(1_000_000, WARM_UP_USERS);
    const heapBefore = heapAfterGcMB();
    await askDistinct(2_000_000, DISTINCT_USERS);
    const heapAfter = heapAfterGcMB();
    const round = (mb: number) => Math.round(mb * 10) / 10;
    return {
      users: { n: DISTINCT_USERS, heapBeforeMB: round(heapBefore), heapAfterMB: round(heapAfter), growthMB: round(heapAfter - heapBefore) },
      single: { n: SINGLE_RUNS, p50Ms: percentile(single, 50), p99Ms: percentile(single, 99) },
      burst: { n: BURST, p50Ms: percentile(burst, 50), p99Ms: percentile(burst, 99), totalMs, answeredOnce },
    };
  } finally {
    await bot.stop();
  }
}
