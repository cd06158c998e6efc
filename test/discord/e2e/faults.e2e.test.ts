import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, rateLimitedResponse, serverErrorResponse } from '../../fake-discord/index.js';
import type { RecordedCallback } from '../../fake-discord/index.js';
import { embedOf, FAKE_TOKEN, isEphemeral, useHarness, str, textOf, type Harness } from './harness.js';

/**
 * Faults around the bot: Discord's REST answering 5xx and 429, an interaction that expired
 * before the bot answered, a zombie gateway connection, a corpus that vanished under a
 * /reload, and SIGTERM. The bot must survive each one and keep answering.
 */

const CALLBACK = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/u };
const MANAGE_GUILD = '32';

/** Asks a question known to be in the corpus and checks the answer came. */
async function expectAnswers(h: Harness): Promise<void> {
  const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
  const callback = await h.fake.waitForCallback(i.id);
  expect(callback.type).toBe(4);
  expect(textOf(callback)).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
}

function logsWith(h: Harness, msg: string): Record<string, unknown>[] {
  return h.logs.filter((l) => l.msg === msg);
}

/** The paths in a log line whose string value holds a token. */
function tokenPaths(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return value.includes('fake-interaction-token') || value.includes(FAKE_TOKEN) ? [at] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => tokenPaths(child, at === '' ? key : `${at}.${key}`));
}

/** What Discord shows for Markdown-escaped text. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/gu, '$1');
}

function callbackStatuses(h: Harness, interactionId: string): number[] {
  return h.fake
    .responsesFor(interactionId)
    .filter((r) => r.method === 'POST' && r.path.endsWith('/callback'))
    .map((r) => r.status);
}

describe('REST faults on the interaction callback', () => {
  let h: Harness;
  useHarness((started) => (h = started));

  it('retries a 500 at once, waits out a 429, and the answer arrives without an error', async () => {
    h.fake.failNext(CALLBACK, [serverErrorResponse(500), rateLimitedResponse(0.05)]);
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(4);
    expect(textOf(callback)).toContain('Xuliang');
    // @discordjs/rest: a 5xx is retried (up to `retries` = 3 times), a 429 is slept off
    // (Retry-After 50 ms + its 50 ms offset) and retried without counting as a retry.
    expect(callbackStatuses(h, i.id)).toEqual([500, 429, 204]);
    const [, limited, ok] = h.fake.responsesFor(i.id);
    expect((ok?.receivedAt ?? 0) - (limited?.receivedAt ?? 0)).toBeGreaterThanOrEqual(90);
    expect(logsWith(h, 'interaction failed')).toEqual([]);
    expect(logsWith(h, 'could not send the apology')).toEqual([]);
    await expectAnswers(h);
  });

  it('gives up after 1 + 3 attempts on 500s, logs it, and the apology gets through', async () => {
    h.fake.failNext(CALLBACK, [serverErrorResponse(500), serverErrorResponse(502), serverErrorResponse(503), serverErrorResponse(500)]);
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
    const callback = await h.fake.waitForCallback(i.id);
    // The answer never got through; the router's apology (a fresh callback) did.
    expect(callbackStatuses(h, i.id)).toEqual([500, 502, 503, 500, 204]);
    expect(embedOf(callback).title).toBe('That did not work');
    expect(isEphemeral(callback)).toBe(true);
    const failed = logsWith(h, 'interaction failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ interactionId: i.id, command: 'ask', level: 50 });
    expect(JSON.stringify(failed[0]?.err)).toMatch(/500|Internal Server Error/u);
    await expectAnswers(h);
  });

  it('logs an expired interaction (10062 Unknown interaction) and keeps running', async () => {
    const before = logsWith(h, 'interaction failed').length;
    const payload = h.fake.payloads.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
    // The fake only knows an interaction once dispatched; expiring it in the same tick is
    // still before the bot can have read the gateway frame, let alone answered it.
    const i = h.fake.dispatchInteraction(payload);
    h.fake.expireInteraction(i.id);
    await expect.poll(() => logsWith(h, 'could not send the apology').length, { timeout: 3000 }).toBe(1);
    const failed = logsWith(h, 'interaction failed').slice(before);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ interactionId: i.id, command: 'ask' });
    expect(JSON.stringify(failed[0]?.err)).toMatch(/10062|Unknown interaction/u);
    // The answer and then the apology were tried; both met the expired interaction.
    expect(callbackStatuses(h, i.id)).toEqual([404, 404]);
    await expect.poll(() => logsWith(h, 'interaction handled').some((l) => l.interactionId === i.id && l.outcome === 'failed')).toBe(true);
    await expectAnswers(h);
  });

  it('logs a deferred reply whose webhook token expired (50027) and keeps running', async () => {
    const before = logsWith(h, 'interaction failed').length;
    const i = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
    // Same tick as the dispatch: before the bot can have deferred, let alone edited.
    h.fake.expireToken(i.token);
    const deferred = await h.fake.waitForCallback(i.id);
    expect(deferred.type).toBe(5);
    await expect.poll(() => logsWith(h, 'could not send the apology').filter((l) => l.interactionId === i.id).length, { timeout: 3000 }).toBe(1);
    const failed = logsWith(h, 'interaction failed').slice(before);
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed[0]?.err)).toMatch(/50027|Invalid Webhook Token/u);
    // The edit and the apology's edit both met the expired token.
    expect(h.fake.responsesFor(i.id).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([401, 401]);
    // A 401 on an interaction webhook must not cost the bot its own token.
    await expectAnswers(h);
  });

  it('never logs the token of an interaction whose reply failed', () => {
    // The failed callbacks above: their URL holds the interaction token, a 15-minute credential.
    const failed = [...logsWith(h, 'interaction failed'), ...logsWith(h, 'could not send the apology')];
    expect(failed.length).toBeGreaterThan(0);
    // Each log line that holds a token, with where in the line (the error's url, say).
    const leaks = h.logs
      .filter((line) => JSON.stringify(line).includes('fake-interaction-token') || JSON.stringify(line).includes(FAKE_TOKEN))
      .map((line) => ({ msg: line.msg, keys: tokenPaths(line) }));
    expect(leaks).toEqual([]);
  });
});

describe('the gateway connection', () => {
  let h: Harness;
  useHarness((started) => (h = started), {}, { heartbeatIntervalMs: 300 });

  it('resumes a zombie connection (heartbeats not acknowledged) and answers again', async () => {
    h.fake.withholdHeartbeatAcks(true);
    await h.fake.waitForResume({ count: 1, timeoutMs: 5000 });
    h.fake.withholdHeartbeatAcks(false);
    expect(h.fake.identifyCount).toBe(1);
    // RESUMED is counted when the fake sends it; the bot logs it once it has read it.
    await expect.poll(() => logsWith(h, 'gateway session resumed').length).toBeGreaterThanOrEqual(1);
    await expectAnswers(h);
  });

  it('resumes after the gateway closes with 4000 and answers again', async () => {
    const resumes = h.fake.resumeCount;
    h.fake.disconnect(4000);
    await h.fake.waitForResume({ count: resumes + 1, timeoutMs: 5000 });
    expect(h.fake.identifyCount).toBe(1);
    await expectAnswers(h);
  });
});

describe('/reload when the corpus dir breaks', () => {
  let h: Harness;
  useHarness((started) => (h = started));
  afterEach(() => {
    // Put the seeds back for the next case.
    rmSync(h.corpusDir, { recursive: true, force: true });
    cpSync(path.resolve('seeds'), h.corpusDir, { recursive: true });
  });

  /** A moderator's /reload: deferred privately at once, the result edited in. */
  async function reloadAsModerator(): Promise<{ deferred: RecordedCallback; edit: Parameters<typeof embedOf>[0] }> {
    const i = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
    const deferred = await h.fake.waitForCallback(i.id);
    const [edit] = await h.fake.waitForMessages(i.token, 1);
    expect(edit?.method).toBe('PATCH');
    return { deferred, edit };
  }

  function expectFailedReload(result: { deferred: RecordedCallback; edit: Parameters<typeof embedOf>[0] }, reason: string): void {
    expect(result.deferred.type).toBe(5);
    expect(isEphemeral(result.deferred)).toBe(true);
    const embed = embedOf(result.edit);
    expect(embed.title).toBe('Reload failed');
    // The reason is Markdown-escaped ("\\(" shows as "(").
    const shown = unescapeMarkdown(embed.description ?? '');
    expect(shown).toContain(reason);
    expect(shown).toMatch(/\nThe previous index \(5 articles\) stays in service\.$/u);
  }

  it('keeps the old index when the dir was removed', async () => {
    renameSync(h.corpusDir, `${h.corpusDir}.gone`);
    try {
      expectFailedReload(await reloadAsModerator(), 'does not exist');
      expect(logsWith(h, 'reload failed; the previous index stays in service')).toHaveLength(1);
      await expectAnswers(h);
    } finally {
      rmSync(`${h.corpusDir}.gone`, { recursive: true, force: true });
    }
  });

  it('keeps the old index when the dir was replaced by a file', async () => {
    rmSync(h.corpusDir, { recursive: true, force: true });
    writeFileSync(h.corpusDir, 'not a directory');
    expectFailedReload(await reloadAsModerator(), 'is not a directory');
    await expectAnswers(h);
  });

  it('keeps the old index when every file was emptied', async () => {
    const files = readdirSync(h.corpusDir);
    expect(files).toHaveLength(5);
    for (const file of files) writeFileSync(path.join(h.corpusDir, file), '');
    expectFailedReload(await reloadAsModerator(), 'has no readable articles (5 files skipped)');
    await expectAnswers(h);
  });

  it('keeps the old index when the dir holds no article files', async () => {
    for (const file of readdirSync(h.corpusDir)) rmSync(path.join(h.corpusDir, file));
    mkdirSync(path.join(h.corpusDir, 'sub'));
    writeFileSync(path.join(h.corpusDir, 'notes.pdf'), 'x');
    expectFailedReload(await reloadAsModerator(), 'has no .txt or .md files');
    await expectAnswers(h);
  });

  it('reports one emptied file as removed and skipped, and serves the rest', async () => {
    // 002 shares no boilerplate with another article: emptying it changes no other article.
    writeFileSync(path.join(h.corpusDir, '002_d4ae846f5caee85a.txt'), '');
    const { deferred, edit } = await reloadAsModerator();
    expect(deferred.type).toBe(5);
    const embed = embedOf(edit);
    expect(embed.title).toBe('Index reloaded');
    expect(embed.description).toMatch(/^Articles: 5 → 4 · paragraphs: (\d+) → (\d+) · took \d+ ms$/u);
    expect(embed.fields).toEqual([
      { name: 'Removed (1)', value: '002\\_d4ae846f5caee85a.txt' },
      { name: 'Skipped (1)', value: '002\\_d4ae846f5caee85a.txt: empty file' },
    ]);
    // The emptied article is gone from the index; the rest still answers.
    const gone = h.fake.chatInput('source', [str('article', '002_d4ae846f5caee85a.txt')]);
    expect(embedOf(await h.fake.waitForCallback(gone.id)).title).toBe('Article not found');
    await expectAnswers(h);
    // The seeds back and reloaded: the article is back.
    cpSync(path.resolve('seeds'), h.corpusDir, { recursive: true });
    const restored = embedOf((await reloadAsModerator()).edit);
    expect(restored.title).toBe('Index reloaded');
    expect(restored.fields).toEqual([{ name: 'Added (1)', value: '002\\_d4ae846f5caee85a.txt' }]);
  });

  it('refuses /reload to a member without Manage Server, and keeps serving', async () => {
    const i = h.fake.chatInput('reload', [], { permissions: '0' });
    const deferred = await h.fake.waitForCallback(i.id);
    expect(deferred.type).toBe(5);
    const [edit] = await h.fake.waitForMessages(i.token, 1);
    expect(embedOf(edit).title).toBe('Only moderators (Manage Server or a moderator role) may reload the index.');
    expect(logsWith(h, 'reload refused: not a moderator')).toHaveLength(1);
    await expectAnswers(h);
  });
});

describe('SIGTERM', () => {
  let fake: FakeDiscord;
  let cwd: string;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    cwd = mkdtempSync(path.join(tmpdir(), 'quelle-sigterm-'));
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('answers, then shuts down cleanly with exit code 0, never printing the token', async () => {
    const child = spawn(process.execPath, [path.resolve('dist', 'main.js')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.resolve('seeds'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await fake.waitForIdentify({ timeoutMs: 10_000 });
      const i = fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
      const callback = await fake.waitForCallback(i.id);
      expect(textOf(callback)).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
      // The answer is logged before SIGTERM, so the log shows it was handled by this process.
      await expect.poll(() => stdout.includes('"msg":"interaction handled"'), { timeout: 3000 }).toBe(true);

      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
      const result = await Promise.race([exited, timeout]);
      expect(result).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const lines = stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    expect(lines.some((l) => l.msg === 'connected to Discord')).toBe(true);
    expect(stderr).toBe('');
    expect(stdout + stderr).not.toContain(FAKE_TOKEN);
    expect(stdout + stderr).not.toContain('fake-interaction-token');
    expect(fake.violations).toEqual([]);
  });
  it('stops with exit code 2 and a clear message when Discord refuses the token', async () => {
    fake.failNext({ method: 'GET', path: /^\/gateway\/bot$/u }, [{ status: 401, body: { message: '401: Unauthorized', code: 0 } }]);
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.resolve('dist', 'main.js')], {
        cwd,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.resolve('seeds'), LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (exitCode) => resolve({ code: exitCode, stderr: err }));
    });
    expect(code).toBe(2);
    expect(stderr).toBe('Quelle: Discord refused DISCORD_TOKEN: check the bot token (Developer Portal → Bot → Reset Token).\n');
  });
});
