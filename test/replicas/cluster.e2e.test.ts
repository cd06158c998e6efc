/**
 * Issue 23 end to end with real parts: a throwaway PostgreSQL, nginx from Debian in front of
 * three replicas (the built bot, `node dist/main.js`, in HTTP mode), and the fake Discord
 * posting signed interactions to nginx and serving the webhook edits. Skipped, with the
 * reason printed, where PostgreSQL or nginx cannot run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { FakeDiscord, type PostedRef } from '../fake-discord/index.js';
import { buttonsOf, embedOf, isEphemeral, str } from '../discord/e2e/harness.js';
import { newKey } from '../http/signing.js';
import { startTestServer, type TestServer } from '../store/pg-cluster.js';
import { freePort, startReplica, type Replica } from './replica.js';
import { startNginx, type TestNginx } from './nginx.js';

/** Manage Server: moderators may /corpus add and /reload. */
const MODERATOR = { userId: '300000000000000001', username: 'mod', permissions: '32' };
const BURST = 600;
const CONCURRENCY = 24;
/** The burst's replica 3 is killed once this many interactions have been sent. */
const KILL_AFTER = 200;

const QUESTIONS = [
  'Wer ist Du Xuliang?',
  'Warum verlassen IT-Fachleute Russland?',
  'Gallium und Germanium Exportbeschränkungen',
  'Was ist Deepseek R1?',
  'Abhaengigkeit von China',
  'Which company built the chatbot?',
];

let skip: string | undefined;
let postgres: TestServer | undefined;
let fake: FakeDiscord;
let nginx: TestNginx | undefined;
const replicas: Replica[] = [];
let endpoint: string;
let env: Record<string, string>;

function replicaEndpoint(replica: Replica): string {
  return `http://127.0.0.1:${replica.port}/interactions`;
}

function skipUnlessReady(ctx: TestContext): void {
  if (skip !== undefined) {
    console.log(`skipped: ${skip}`);
    ctx.skip();
  }
}

/** The answer a posted interaction got: its callback, or the webhook edit after a deferral. */
async function answerOf(posted: PostedRef): Promise<{ title: string | undefined; footer: string | undefined; type: number }> {
  const callback = await fake.waitForCallback(posted.id, { timeoutMs: 15_000 });
  if (callback.type !== 5) return { title: embedOf(callback).title, footer: embedOf(callback).footer?.text, type: callback.type };
  const [edit] = await fake.waitForMessages(posted.token, 1, { timeoutMs: 15_000 });
  return { title: embedOf(edit).title, footer: embedOf(edit).footer?.text, type: 5 };
}

beforeAll(async () => {
  postgres = await startTestServer();
  if ('skip' in postgres) {
    skip = postgres.skip;
    return;
  }
  fake = await FakeDiscord.start();
  env = {
    DATABASE_URL: postgres.url,
    DISCORD_PUBLIC_KEY: fake.interactionsKey.publicKeyHex,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_CDN_URL: fake.cdn.baseUrl,
    ASK_COOLDOWN_SECONDS: '30',
  };
  // The first replica migrates the store; the others start beside it.
  replicas.push(await startReplica(env));
  replicas.push(...(await Promise.all([startReplica(env), startReplica(env)])));
  const started = await startNginx(await freePort(), replicas.map((r) => r.port));
  if ('skip' in started) {
    skip = started.skip;
    return;
  }
  nginx = started;
  endpoint = `http://127.0.0.1:${started.port}/interactions`;
}, 120_000);

afterAll(async () => {
  if (nginx !== undefined && 'stop' in nginx) await nginx.stop();
  await Promise.all(replicas.map((r) => r.stop()));
  await fake?.stop();
  if (postgres !== undefined && 'stop' in postgres) postgres.stop();
}, 60_000);

describe('three replicas behind nginx on one PostgreSQL store', () => {
  it('refuses bad signatures, a wrong key, stale timestamps, oversized and malformed bodies, and keeps serving', async (ctx) => {
    skipUnlessReady(ctx);
    const ask = () => fake.payloads.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')], { userId: '300000000000000009' });
    const refused: [PostedRef, number][] = [
      [await fake.postInteraction(endpoint, ask(), { signature: '00'.repeat(64) }), 401],
      [await fake.postInteraction(endpoint, ask(), { key: newKey() }), 401],
      [await fake.postInteraction(endpoint, ask(), { timestamp: String(Math.floor(Date.now() / 1000) - 600) }), 401],
      [await fake.postInteraction(endpoint, ask(), { body: JSON.stringify({ ...ask(), padding: 'x'.repeat(70_000) }) }), 413],
      [await fake.postInteraction(endpoint, ask(), { body: '{"type": 2, "data": ' }), 400],
    ];
    for (const [posted, status] of refused) {
      expect(posted.status).toBe(status);
      // Nothing processed: no callback, no webhook request.
      expect(fake.responsesFor(posted.id)).toEqual([]);
    }
    const after = await fake.postInteraction(endpoint, ask());
    expect((await answerOf(after)).title).toMatch(/^Question: /u);
  });

  it('pages an answer on another replica than the one that answered, and refuses another user on any', async (ctx) => {
    skipUnlessReady(ctx);
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const asker = { userId: '300000000000000010', username: 'alice' };
    const asked = await fake.postInteraction(replicaEndpoint(first), fake.payloads.chatInput('ask', [str('question', 'Abhaengigkeit von China'), { name: 'private', type: 5, value: true }], asker));
    const callback = await fake.waitForCallback(asked.id);
    expect(isEphemeral(callback)).toBe(true);
    const more = buttonsOf(callback).find((b) => b.label === 'More results');
    if (more === undefined) throw new Error('no More results button');
    const message = fake.originalMessage(asked.token);
    // The button reaches the store in the background, long before a person could press it.
    expect(await poll(10_000, () => storeHasButton(more.custom_id))).toBe(true);
    const paged = await fake.postInteraction(replicaEndpoint(second), fake.payloads.button(more.custom_id, message, asker));
    const page = await fake.waitForCallback(paged.id);
    expect(page.type).toBe(7);
    expect(embedOf(page).footer?.text).toMatch(/^Results 4–6 of \d+$/u);
    const stranger = await fake.postInteraction(replicaEndpoint(third), fake.payloads.button(more.custom_id, message, { userId: '300000000000000011', username: 'bob' }));
    expect(embedOf(await fake.waitForCallback(stranger.id)).title).toBe('Not your answer');
  });

  it('holds a user\'s cooldown across replicas', async (ctx) => {
    skipUnlessReady(ctx);
    const [first, second] = replicas as [Replica, Replica];
    const user = { userId: '300000000000000012', username: 'carol' };
    const one = await fake.postInteraction(replicaEndpoint(first), fake.payloads.chatInput('ask', [str('question', 'Was ist Deepseek R1?')], user));
    expect(embedOf(await fake.waitForCallback(one.id)).title).toMatch(/^Question: /u);
    const two = await fake.postInteraction(replicaEndpoint(second), fake.payloads.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')], user));
    expect(embedOf(await fake.waitForCallback(two.id)).title).toMatch(/^One moment please/u);
  });

  it('an upload through one replica is answered by the others within 10 s', async (ctx) => {
    skipUnlessReady(ctx);
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const file = { filename: 'feuersalamander.txt', content: 'Der Feuersalamander\nDer Feuersalamander lebt in feuchten Laubwäldern des Schwarzwalds und jagt nachts Schnecken und Würmer.\n' };
    const added = await fake.postInteraction(replicaEndpoint(first), fake.attachmentPayload('corpus', 'add', 'file', file, [], MODERATOR));
    expect((await answerOf(added)).title).toMatch(/added|hinzugefügt/iu);
    for (const [n, replica] of [second, third].entries()) {
      const found = await poll(10_000, async () => {
        const posted = await fake.postInteraction(replicaEndpoint(replica), fake.payloads.chatInput('ask', [str('question', 'Wo lebt der Feuersalamander?')], pollingUser()));
        const callback = await fake.waitForCallback(posted.id);
        return JSON.stringify(callback).includes('feuersalamander.txt');
      });
      expect(found, `replica ${n + 2} answers from the upload`).toBe(true);
    }
  });

  it('/reload on one replica rebuilds every replica', async (ctx) => {
    skipUnlessReady(ctx);
    // An operator file, put on every replica's disk (operator files are each replica's own).
    for (const replica of replicas) writeFileSync(path.join(replica.corpusDir, 'zugspitze.txt'), 'Die Zugspitze\nDie Zugspitze ist mit 2962 Metern der höchste Berg Deutschlands.\n');
    const [first, second, third] = replicas as [Replica, Replica, Replica];
    const reloaded = await fake.postInteraction(replicaEndpoint(first), fake.payloads.chatInput('reload', [], MODERATOR));
    expect((await answerOf(reloaded)).title).toMatch(/reload|neu geladen|Index/iu);
    for (const [n, replica] of [second, third].entries()) {
      const found = await poll(10_000, async () => {
        const posted = await fake.postInteraction(replicaEndpoint(replica), fake.payloads.chatInput('ask', [str('question', 'Wie hoch ist die Zugspitze?')], pollingUser()));
        return JSON.stringify(await fake.waitForCallback(posted.id)).includes('zugspitze.txt');
      });
      expect(found, `replica ${n + 2} reloaded`).toBe(true);
    }
  });

  it(`answers a burst of ${BURST} questions exactly once each, with a replica killed mid-burst`, async (ctx) => {
    skipUnlessReady(ctx);
    const victim = replicas[2] as Replica;
    let sent = 0;
    let killedAt: number | undefined;
    const results: { index: number; sentAfterKill: boolean; posted: PostedRef }[] = [];
    const started = performance.now();
    const worker = async (): Promise<void> => {
      for (;;) {
        const index = sent++;
        if (index >= BURST) return;
        if (index === KILL_AFTER) {
          killedAt = performance.now();
          await victim.kill();
        }
        const sentAfterKill = killedAt !== undefined && index > KILL_AFTER;
        // A user per question: the cooldown is not what is measured here.
        const payload = fake.payloads.chatInput('ask', [str('question', QUESTIONS[index % QUESTIONS.length] as string)], { userId: String(400000000000000000n + BigInt(index)), username: `burst${index}` });
        results.push({ index, sentAfterKill, posted: await fake.postInteraction(endpoint, payload) });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const failed = results.filter((r) => r.posted.status !== 200);
    const failedAfterKill = failed.filter((r) => r.sentAfterKill);
    console.log(`burst: ${results.length} interactions in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)}/s), ${failed.length} not answered (${failed.length - failedAfterKill.length} in flight at the kill), ${failedAfterKill.length} after it`);
    expect(results).toHaveLength(BURST);
    expect(victim.process.signalCode).toBe('SIGKILL');
    expect(failedAfterKill.map((r) => `${r.index}: ${r.posted.status} ${r.posted.error ?? r.posted.body.slice(0, 80)}`)).toEqual([]);
    // Only interactions in flight at the kill may be lost: at most one per concurrent sender.
    expect(failed.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const result of results.filter((r) => r.posted.status === 200)) {
      const requests = fake.responsesFor(result.posted.id).filter((r) => r.path.endsWith('/callback'));
      expect(requests, `interaction ${result.index}`).toHaveLength(1);
    }
    expect(fake.violations.filter((v) => v.includes('answered twice'))).toEqual([]);
  }, 300_000);

  it('a replica that starts later takes the uploads from the store', async (ctx) => {
    skipUnlessReady(ctx);
    const late = await startReplica(env);
    replicas.push(late);
    const posted = await fake.postInteraction(replicaEndpoint(late), fake.payloads.chatInput('ask', [str('question', 'Wo lebt der Feuersalamander?')], { userId: '300000000000000300', username: 'late' }));
    expect(JSON.stringify(await fake.waitForCallback(posted.id))).toContain('feuersalamander.txt');
  }, 90_000);
});

/** Whether the question behind a paging button (`p:<key>:…`) is in the shared store yet. */
async function storeHasButton(customId: string): Promise<boolean> {
  if (postgres === undefined || 'skip' in postgres) return false;
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM buttons WHERE key = $1', [customId.split(':')[1]])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

let pollingUsers = 0;

/** A new user for each question of a poll: the replicas' 30 s cooldown must not answer the second one. */
function pollingUser(): { userId: string; username: string } {
  pollingUsers += 1;
  return { userId: String(310000000000000000n + BigInt(pollingUsers)), username: `poll${pollingUsers}` };
}

/** Runs `check` until it is true or `ms` have passed. */
async function poll(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
