import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Feedback } from '../../src/store/feedback.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { FeedbackStore } from '../../src/store/types.js';
import { storeContract, type StoredCell } from './contract.js';
import { cuttable } from './outage.js';
import { startTestServer, type TestServer } from './pg-cluster.js';

// Started at collection time so that the suite can be skipped with a printed reason.
const server: TestServer = await startTestServer();
if ('skip' in server) console.log(`PostgreSQL store tests skipped: ${server.skip}`);
afterAll(() => {
  if ('stop' in server) server.stop();
});

let n = 0;
const urls = new Map<PostgresStore, string>();

/** A fresh database on the test server for each store. */
async function freshDatabase(): Promise<string> {
  if (!('url' in server)) throw new Error('no server');
  const name = `quelle_test_${process.pid}_${n++}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every column of every row of every table in a closed store's database, as text. */
async function storedCells(store: FeedbackStore): Promise<StoredCell[]> {
  const client = new pg.Client({ connectionString: urls.get(store as PostgresStore) as string });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    const cells: StoredCell[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM ${client.escapeIdentifier(name)}`);
      for (const row of rows) for (const [column, value] of Object.entries(row)) cells.push({ table: name, column, value: String(value) });
    }
    return cells;
  } finally {
    await client.end();
  }
}

describe.skipIf('skip' in server)('PostgreSQL', () => {
  beforeAll(() => undefined);
  storeContract(
    'PostgreSQL',
    async () => {
      const url = await freshDatabase();
      const store = await PostgresStore.open(url);
      urls.set(store, url);
      return store;
    },
    async (store) => {
      const url = urls.get(store as PostgresStore) as string;
      await store.close();
      return PostgresStore.open(url);
    },
    storedCells,
  );

  it('migrates once when two processes start together', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    const same = (await a.secret()) === (await b.secret());
    await Promise.all([a.close(), b.close()]);
    if (!same) throw new Error('two processes got different secrets');
  });

  it('keeps the bot going when the database goes down: votes say not saved, reports say unavailable', async () => {
    // The store reaches the server through a port of the test's own, which the test closes
    // mid-test: an outage whether the server is a throwaway cluster or TEST_DATABASE_URL.
    const outage = await cuttable(await freshDatabase());
    const warnings: string[] = [];
    const feedback = new Feedback({ location: { kind: 'postgres', url: outage.url }, storeQuestions: true, retentionDays: 90, logger: { info: () => undefined, warn: (_obj, msg) => void warnings.push(msg) }, voteTimeoutMs: 1000 });
    try {
      expect(await feedback.vote('answer000001', 'alice', -1)).toBe('recorded');
      await outage.cut();
      expect(await feedback.vote('answer000001', 'bob', -1)).toBe('failed');
      await expect(feedback.report(30)).rejects.toThrow(/feedback store cannot be read|not saved|unavailable/u);
      feedback.record({ id: 'answer000002', guildId: '1', channelId: '2', locale: 'de', question: 'Gallium?', abstained: false, top: null, private: false });
      await feedback.flush();
      expect(warnings.length).toBe(1);
    } finally {
      await feedback.close();
    }
  }, 60_000);
});
