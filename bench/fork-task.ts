import { fork } from 'node:child_process';
import type { Serializable } from 'node:child_process';
import { access } from 'node:fs/promises';

/** A measurement that failed, timed out or crashed: what its child said, or why it said nothing. */
export interface ChildError {
  readonly kind: 'error';
  readonly message: string;
}

/**
 * Runs one measurement in a fresh child process (its own heap, with `--expose-gc`): sends it
 * `task`, resolves with the first message it sends back. Never rejects: a child that crashes,
 * exits without an answer or takes longer than `timeoutMs` (stuck, not slow) gives a ChildError.
 */
export function forkTask<Result>(script: string, args: readonly string[], task: Serializable, timeoutMs: number): Promise<Result | ChildError> {
  return new Promise((resolve) => {
    const child = fork(script, [...args], { execArgv: ['--expose-gc', '--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Result | ChildError | undefined;
    const timer = setTimeout(() => {
      result ??= { kind: 'error', message: `timed out after ${timeoutMs / 1000} s` };
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (message: Result) => {
      result ??= message;
    });
    child.on('error', (err) => {
      result ??= { kind: 'error', message: err.message };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(result ?? { kind: 'error', message: `child exited with ${signal ?? `code ${code}`} before answering` });
    });
    child.send(task);
  });
}

/**
 * The child's side of forkTask: runs the one task the parent sends, sends back its result (or
 * a ChildError with the stack when it throws) and exits once the message is out.
 */
export function answerTask<Task, Result>(run: (task: Task) => Promise<Result>): void {
  process.once('message', (task: Task) => {
    run(task).then(
      (result) => process.send?.(result as Serializable, () => process.exit(0)),
      (err: unknown) => {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        process.send?.({ kind: 'error', message } satisfies ChildError, () => process.exit(1));
      },
    );
  });
}

/** Whether a file exists (a built script, an archive): measurements skip with a reason when not. */
export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
