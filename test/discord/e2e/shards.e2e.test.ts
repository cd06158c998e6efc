/**
 * Many shards in one process (issue 10, part 7): SHARD_COUNT=2 runs both gateway shards in the
 * one bot process, which holds one index. The fake routes each guild's events to the shard
 * Discord would: `(guild_id >> 22) % shard_count`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fake-discord/index.js';
import { shardOf } from '../../fake-discord/gateway.js';
import { embedOf, FAKE_TOKEN, str, textOf, useHarness, type Harness } from './harness.js';

// Snowflakes whose timestamp parts differ by one: one guild on each of two shards.
const GUILD_A = String(200_000_000_000n << 22n);
const GUILD_B = String(200_000_000_001n << 22n);
const CHANNEL_A = '810000000000000001';
const CHANNEL_B = '810000000000000002';
const GUILDS = [
  { id: GUILD_A, name: 'Guild A', channels: [{ id: CHANNEL_A, name: 'fragen' }] },
  { id: GUILD_B, name: 'Guild B', channels: [{ id: CHANNEL_B, name: 'questions' }] },
];
const MANAGE_GUILD = String(1n << 5n);

let h: Harness;
useHarness((started) => (h = started), { SHARD_COUNT: '2' }, { guilds: GUILDS });

describe('two shards, two guilds, one process', () => {
  it('identifies both shards, each with its own guild', () => {
    expect(shardOf(GUILD_A, 2)).toBe(0);
    expect(shardOf(GUILD_B, 2)).toBe(1);
    expect(h.fake.shardIds).toEqual([0, 1]);
    expect(h.fake.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
  });

  it('answers /ask in each guild once, from the one index', async () => {
    for (const [guildId, channelId] of [[GUILD_A, CHANNEL_A], [GUILD_B, CHANNEL_B]] as const) {
      const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')], { guildId, channelId });
      expect(textOf(await h.fake.waitForCallback(i.id))).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
    }
  });

  it('a /reload through one shard serves both', async () => {
    const reload = h.fake.chatInput('reload', [], { guildId: GUILD_B, channelId: CHANNEL_B, permissions: MANAGE_GUILD });
    await h.fake.waitForCallback(reload.id);
    const [edit] = await h.fake.waitForMessages(reload.token, 1, { timeoutMs: 20_000 });
    expect(embedOf(edit).title).toBe('Index reloaded');
    const ask = h.fake.chatInput('ask', [str('question', 'Gallium')], { guildId: GUILD_A, channelId: CHANNEL_A });
    expect(textOf(await h.fake.waitForCallback(ask.id))).toContain('004\\_07e808b765e234ab.txt');
  });
});

describe('SIGTERM with two shards', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: GUILDS });
  });
  afterAll(async () => fake.stop());

  it('exits 0 promptly', async () => {
    const child = spawn(process.execPath, [path.resolve('dist', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.resolve('seeds'), LOG_LEVEL: 'silent', SHARD_COUNT: '2' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await fake.waitForIdentify({ count: 2, timeoutMs: 15_000 });
      const i = fake.chatInput('ask', [str('question', 'Gallium')], { guildId: GUILD_B, channelId: CHANNEL_B });
      await fake.waitForCallback(i.id);
      const started = performance.now();
      child.kill('SIGTERM');
      // Generous for a shared 2-core machine running the whole suite; a hang would never exit.
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
      expect(await Promise.race([exited, timeout])).toEqual({ code: 0, signal: null });
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
