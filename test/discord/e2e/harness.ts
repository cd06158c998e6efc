import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { FakeDiscord, type FakeDiscordOptions } from '../../fake-discord/index.js';

/** A bot token that only the fake accepts; never a real one. */
export const FAKE_TOKEN = 'fake.bot.token-for-tests';

export interface Harness {
  readonly fake: FakeDiscord;
  readonly app: Extract<App, { mode: 'discord' }>;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** The corpus dir the bot serves: a copy of the seeds that tests may change. */
  readonly corpusDir: string;
  /** The feedback store's SQLite file (a temp dir of its own), unless DATABASE_URL is given. */
  readonly storeFile: string;
  /** Stops the bot and starts it again on the same fake Discord, config and corpus: a restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real bot, started by its real start-up code (startApp, as `npm start` does), against a
 * fake Discord on 127.0.0.1: only DISCORD_API_URL differs from production.
 */
export async function startHarness(env: Record<string, string> = {}, fakeOptions: FakeDiscordOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(fakeOptions);
  const corpusDir = mkdtempSync(path.join(tmpdir(), 'quelle-e2e-'));
  cpSync(path.resolve('seeds'), corpusDir, { recursive: true });
  // Beside the corpus, not in it: a watched corpus dir must not see the store's writes.
  const storeDir = mkdtempSync(path.join(tmpdir(), 'quelle-e2e-store-'));
  const storeFile = path.join(storeDir, 'quelle.sqlite');
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // The fake is Discord's API and its attachment CDN.
  const config = loadConfig({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_CDN_URL: fake.cdn.baseUrl, DATABASE_URL: `file:${storeFile}`, CORPUS_DIR: corpusDir, ASK_COOLDOWN_SECONDS: '0', LOG_LEVEL: 'debug', ...env });
  const start = async () => {
    const started = await startApp(config, { stdin: new PassThrough(), stdout: new PassThrough(), logStream });
    if (started.mode !== 'discord') throw new Error('expected the Discord mode');
    return started;
  };
  let app = await start();
  return {
    fake,
    get app() {
      return app;
    },
    logs,
    corpusDir,
    storeFile,
    async restart() {
      await app.bot.stop();
      app = await start();
    },
    async stop() {
      await app.bot.stop();
      await fake.stop();
      rmSync(corpusDir, { recursive: true, force: true });
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** A callback (`data`) or a webhook edit or follow-up (`body`): the message payload Discord received. */
type Sent = { data?: unknown } | { body?: unknown };

function payloadOf(sent: Sent | undefined): unknown {
  if (sent === undefined) return undefined;
  return 'data' in sent ? sent.data : 'body' in sent ? sent.body : undefined;
}

/**
 * A harness for the enclosing describe block (or file): started before its tests, stopped
 * after them, and after each test a check that Discord would have accepted every message
 * (no limit exceeded, allowed_mentions on each). `use` receives the started harness.
 */
export function useHarness(use: (harness: Harness) => void, env: Record<string, string> = {}, fakeOptions: FakeDiscordOptions = {}): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(env, fakeOptions);
    use(harness);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => {
    expect(harness?.fake.violations).toEqual([]);
  });
}

/** The one embed of a reply, as Discord received it. */
export function embedOf(callback: Sent | undefined): { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } } {
  const data = payloadOf(callback) as { embeds?: unknown[] } | undefined;
  const embed = data?.embeds?.[0];
  if (embed === undefined) throw new Error(`no embed in ${JSON.stringify(callback)}`);
  return embed as ReturnType<typeof embedOf>;
}

/** All text of a reply's embed, for "contains" checks. */
export function textOf(callback: Sent | undefined): string {
  const embed = embedOf(callback);
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].filter(Boolean).join('\n');
}

/** The custom_ids of a reply's buttons, in order. */
export function buttonsOf(callback: Sent | undefined): { label: string; custom_id: string }[] {
  const data = payloadOf(callback) as { components?: { components: { label: string; custom_id: string }[] }[] } | undefined;
  return (data?.components ?? []).flatMap((row) => row.components);
}

/** Whether a callback's message is ephemeral (flag 64). */
export function isEphemeral(callback: Sent): boolean {
  const flags = (payloadOf(callback) as { flags?: number } | undefined)?.flags ?? 0;
  return (flags & 64) === 64;
}

/** A chat-input string option. */
export const str = (name: string, value: string) => ({ name, type: 3, value });
export const int = (name: string, value: number) => ({ name, type: 4, value });
export const bool = (name: string, value: boolean) => ({ name, type: 5, value });
