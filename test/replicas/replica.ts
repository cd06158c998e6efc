import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/free-port.js';

export { freePort };

/** One replica: the built bot (`node dist/main.js`, as `npm start` runs it) in HTTP mode, on a corpus dir of its own. */
export interface Replica {
  readonly port: number;
  /** Its corpus dir: a copy of the seeds (operator files are each replica's own). */
  readonly corpusDir: string;
  readonly logs: string[];
  readonly process: ChildProcess;
  /** SIGKILL: no clean shutdown, as a crash. */
  kill(): Promise<void>;
  /** SIGTERM, then removes its corpus dir. */
  stop(): Promise<void>;
}

/** Starts a replica with `env` (DATABASE_URL, DISCORD_PUBLIC_KEY, DISCORD_API_URL, …) and waits until GET /readyz says ready. */
export async function startReplica(env: Record<string, string>, corpusDir?: string): Promise<Replica> {
  const port = await freePort();
  const dir = corpusDir ?? mkdtempSync(path.join(tmpdir(), 'quelle-replica-'));
  if (corpusDir === undefined) cpSync(path.resolve('seeds'), dir, { recursive: true });
  const logs: string[] = [];
  // Only what the test gives: no token, no .env of the developer's.
  const child = spawn(process.execPath, [path.resolve('dist/main.js')], {
    env: { PATH: process.env['PATH'] ?? '', CORPUS_DIR: dir, INTERACTIONS_PORT: String(port), LOG_LEVEL: 'info', ...env },
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}: ${logs.join('').slice(-2000)}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`replica not ready within 60 s: ${logs.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    corpusDir: dir,
    logs,
    process: child,
    kill,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await kill();
      if (corpusDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
