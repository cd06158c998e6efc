/**
 * Every exit is clean (issue 10, part 6): the real `node dist/main.js`, started the way an
 * operator starts it, ends with one line that names the cause and exit code 2 when Discord
 * cannot be reached or `.env` is unusable, within a bounded time, and with exit code 0 on
 * SIGTERM during the start-up build.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fake-discord/index.js';
import { FAKE_TOKEN } from './harness.js';

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'quelle-startup-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function run(env: Record<string, string>, options: { dir?: string; killAfterMs?: number; killWhen?: (stdout: string) => boolean } = {}): Promise<Exit> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.resolve('dist', 'main.js')], {
    cwd: options.dir ?? cwd,
    env: { PATH: process.env.PATH ?? '', CORPUS_DIR: path.resolve('seeds'), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (options.killWhen?.(stdout) === true) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe('Discord out of reach', () => {
  it('a refused connection ends with one line naming the cause, exit code 2', async () => {
    const exit = await run({ DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9' });
    expect(exit.code).toBe(2);
    expect(exit.stderr).toBe('Quelle: could not reach Discord at http://127.0.0.1:9 (ECONNREFUSED): check DISCORD_API_URL and the network\n');
  });

  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('a host that never answers ends within DISCORD_CONNECT_TIMEOUT_SECONDS, exit code 2', async () => {
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const exit = await run({ DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: `http://127.0.0.1:${port}`, DISCORD_CONNECT_TIMEOUT_SECONDS: '2' });
    expect(exit.code).toBe(2);
    expect(exit.stderr).toBe(`Quelle: could not reach Discord at http://127.0.0.1:${port} (no answer within 2 s): check DISCORD_API_URL and the network\n`);
    expect(exit.ms).toBeLessThan(10_000);
  }, 20_000);
});

describe('an unusable .env', () => {
  it.each(['directory', 'fifo'])('a .env that is a %s ends with one line, exit code 2, no hang', async (kind) => {
    const dir = mkdtempSync(path.join(cwd, 'env-'));
    if (kind === 'directory') mkdirSync(path.join(dir, '.env'));
    else execFileSync('mkfifo', [path.join(dir, '.env')]);
    const exit = await run({}, { dir });
    expect(exit.code).toBe(2);
    expect(exit.stderr).toBe(`Quelle: ${path.join(dir, '.env')} is not a regular file; make it one (KEY=value lines) or remove it\n`);
  });
});

describe('SIGTERM during the start-up build', () => {
  it('exits 0', async () => {
    // A corpus large enough that the build is still running when the signal comes.
    const corpus = path.join(cwd, 'big');
    mkdirSync(corpus);
    const paragraph = (i: number) => `Absatz ${i} über Handel, Zölle und Lieferketten zwischen Peking, Moskau und Washington.`;
    // Each file ends with the same advert line, which the loader drops and logs at debug level.
    const advert = 'Jetzt abonnieren und nichts mehr verpassen!';
    for (let f = 0; f < 40; f++) writeFileSync(path.join(corpus, `a${f}.txt`), `Titel ${f}\n${Array.from({ length: 1000 }, (_, i) => paragraph(f * 1000 + i)).join('\n')}\n${advert}\n`);
    const exit = await run(
      { DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9', CORPUS_DIR: corpus, LOG_LEVEL: 'debug' },
      // The loader's log of the dropped advert: the corpus is read, the index not built yet.
      { killWhen: (stdout) => stdout.includes('dropped non-content lines') },
    );
    expect(exit.stdout).not.toContain('"msg":"index built"');
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
  }, 30_000);
});

describe('npm start under a process manager', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => fake.stop());


  it('passes SIGTERM on to the bot instead of leaving it behind', async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: path.resolve('seeds'), LOG_LEVEL: 'silent', HOME: process.env.HOME ?? cwd },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    /** Every process below `pid`: npm's shell, if any, and node. */
    const descendants = (pid: number): number[] => {
      let children: number[] = [];
      try {
        children = execFileSync('pgrep', ['-P', String(pid)]).toString().split('\n').filter(Boolean).map(Number);
      } catch {
        // pgrep exits 1 when there are none
      }
      return children.flatMap((child) => [child, ...descendants(child)]);
    };
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    let below: number[] = [];
    try {
      await fake.waitForIdentify({ timeoutMs: 30_000 });
      below = descendants(npm.pid ?? 0);
      expect(below.length).toBeGreaterThan(0);
      npm.kill('SIGTERM');
      await exited;
      await expect.poll(() => below.filter(alive), { timeout: 5000, interval: 100 }).toEqual([]);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      for (const pid of below.filter(alive)) process.kill(pid, 'SIGKILL');
    }
  }, 60_000);
});

describe('a signal as start-up ends', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => fake.stop());

  it('never loses a SIGTERM that arrives as the bot finishes connecting', async () => {
    // Once, the start-up handler was swapped for the shutdown one after connecting; a signal
    // that arrived just then went to the removed handler, and the process ignored it.
    for (let round = 0; round < 5; round++) {
      const exit = await run(
        { DATABASE_URL: 'off', DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' },
        { killWhen: (stdout) => stdout.includes('connected to Discord') },
      );
      expect({ round, code: exit.code, signal: exit.signal }).toEqual({ round, code: 0, signal: null });
    }
  }, 180_000);
});
