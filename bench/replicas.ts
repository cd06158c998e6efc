/**
 * Replicas (issue 23): questions per second through nginx with 1 and with 3 replicas of the
 * built bot in HTTP mode on one throwaway PostgreSQL, the fake Discord posting signed /ask
 * interactions (a user per question, so every /ask takes its cooldown through the store); and
 * the latency the store's round trips add, from sequential questions to one replica with the
 * PostgreSQL store against the same replica with DATABASE_URL=off. Everything runs on this
 * machine: the replicas share its cores with nginx, PostgreSQL and the fake Discord, so the
 * figures say how the parts cost, not what N machines would serve. Loaded by bench/run.ts
 * (`npm run bench -- --only replicas`).
 */
import { performance } from 'node:perf_hooks';
import { FakeDiscord } from '../test/fake-discord/fake-discord.js';
import { startNginx } from '../test/replicas/nginx.js';
import { freePort, startReplica, type Replica } from '../test/replicas/replica.js';
import { startTestServer } from '../test/store/pg-cluster.js';
import { percentile } from './metrics.js';

const QUESTIONS = ['Wer ist Du Xuliang?', 'Warum verlassen IT-Fachleute Russland?', 'Gallium und Germanium Exportbeschränkungen', 'Was ist Deepseek R1?', 'Abhaengigkeit von China', 'Which company built the chatbot?'];

export interface ThroughputRow {
  readonly replicas: number;
  readonly questions: number;
  readonly concurrency: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failed: number;
}

export interface StoreLatency {
  readonly questions: number;
  readonly offP50Ms: number;
  readonly postgresP50Ms: number;
  readonly offP99Ms: number;
  readonly postgresP99Ms: number;
}

export type ReplicaFigures = { readonly skipped: string } | { readonly throughput: readonly ThroughputRow[]; readonly store: StoreLatency; readonly cores: number };

export interface ReplicaSettings {
  readonly questions: number;
  readonly concurrency: number;
  readonly sequential: number;
  readonly log: (line: string) => void;
}

export async function measureReplicas(settings: ReplicaSettings, cores: number): Promise<ReplicaFigures> {
  const postgres = await startTestServer();
  if ('skip' in postgres) return { skipped: postgres.skip };
  const fake = await FakeDiscord.start();
  const replicas: Replica[] = [];
  try {
    const env = { DATABASE_URL: postgres.url, DISCORD_PUBLIC_KEY: fake.interactionsKey.publicKeyHex, DISCORD_API_URL: fake.apiUrl, ASK_COOLDOWN_SECONDS: '5', LOG_LEVEL: 'warn' };
    const throughput: ThroughputRow[] = [];
    for (const count of [1, 3]) {
      while (replicas.length < count) replicas.push(await startReplica(env));
      const nginx = await startNginx(await freePort(), replicas.map((r) => r.port));
      if ('skip' in nginx) return { skipped: nginx.skip };
      try {
        const endpoint = `http://127.0.0.1:${nginx.port}/interactions`;
        await burst(fake, endpoint, 60, settings.concurrency, `warm${count}`);
        const { latencies: _latencies, ...row } = await burst(fake, endpoint, settings.questions, settings.concurrency, `run${count}`);
        throughput.push({ replicas: count, ...row });
        settings.log(`  ${count} replica(s): ${row.perSecond.toFixed(0)} questions/s, p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms`);
      } finally {
        await nginx.stop();
      }
      fake.forget();
    }
    await Promise.all(replicas.splice(0).map((r) => r.stop()));
    // The store's cost on the path of an answer: one replica, sequential questions, with and without it.
    const latencies: Record<'off' | 'postgres', number[]> = { off: [], postgres: [] };
    for (const store of ['off', 'postgres'] as const) {
      const replica = await startReplica({ ...env, DATABASE_URL: store === 'off' ? 'off' : postgres.url });
      try {
        const endpoint = `http://127.0.0.1:${replica.port}/interactions`;
        await burst(fake, endpoint, 30, 1, `seqwarm-${store}`);
        latencies[store] = (await burst(fake, endpoint, settings.sequential, 1, `seq-${store}`)).latencies;
      } finally {
        await replica.stop();
      }
      fake.forget();
    }
    const p = (values: number[], q: number) => percentile(values, q);
    const storeLatency = { questions: settings.sequential, offP50Ms: p(latencies.off, 50), postgresP50Ms: p(latencies.postgres, 50), offP99Ms: p(latencies.off, 99), postgresP99Ms: p(latencies.postgres, 99) };
    settings.log(`  store round trips: p50 ${storeLatency.offP50Ms.toFixed(1)} ms without a store, ${storeLatency.postgresP50Ms.toFixed(1)} ms with PostgreSQL`);
    return { throughput, store: storeLatency, cores };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await fake.stop();
    postgres.stop();
  }
}

/** `count` /ask interactions, `concurrency` at a time, each from a user of its own; latency is post → HTTP response. */
async function burst(fake: FakeDiscord, endpoint: string, count: number, concurrency: number, tag: string): Promise<Omit<ThroughputRow, 'replicas'> & { latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const payload = fake.payloads.chatInput('ask', [{ name: 'question', type: 3, value: QUESTIONS[i % QUESTIONS.length] as string }], { userId: String(500000000000000000n + BigInt(i)), username: `${tag}-${i}` });
      const at = performance.now();
      const posted = await fake.postInteraction(endpoint, payload);
      latencies.push(performance.now() - at);
      if (posted.status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { questions: count, concurrency, perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), failed, latencies };
}

export function replicasText(figures: ReplicaFigures): string {
  if ('skipped' in figures) return `Skipped: ${figures.skipped}.\n`;
  const rows = figures.throughput.map((r) => `| ${r.replicas} | ${r.questions} | ${r.concurrency} | ${r.perSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.failed} |`);
  const s = figures.store;
  return [
    `Through nginx on this machine (${figures.cores} cores shared by the replicas, nginx, PostgreSQL and the fake Discord): questions per second and the time from POST to HTTP response.`,
    '',
    '| replicas | questions | concurrent | questions/s | p50 ms | p99 ms | failed |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Store round trips on the path of an answer (one replica, ${s.questions} sequential /ask, the cooldown taken through the store): p50 ${s.offP50Ms.toFixed(1)} ms without a store, ${s.postgresP50Ms.toFixed(1)} ms with PostgreSQL (+${(s.postgresP50Ms - s.offP50Ms).toFixed(1)} ms); p99 ${s.offP99Ms.toFixed(1)} against ${s.postgresP99Ms.toFixed(1)} ms.`,
    '',
  ].join('\n');
}
