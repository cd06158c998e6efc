/**
 * Promises that resolve once a condition over the fake's recorded state holds.
 *
 * Every change to the state calls `notify()`, which re-checks all pending conditions; this is
 * simpler and less racy than one event per kind of thing a test might wait for. Each waiter
 * has its own timeout so a missing reply fails the test with a message instead of hanging, and
 * `rejectAll()` on stop leaves no timers behind.
 */
interface PendingWait {
  check: () => boolean;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Waiters {
  private readonly pending = new Set<PendingWait>();

  wait<T>(description: string, probe: () => T | undefined, timeoutMs: number, explain?: () => string): Promise<T> {
    const ready = probe();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise<T>((resolve, reject) => {
      const entry: PendingWait = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          this.settle(entry);
          resolve(value);
          return true;
        },
        reject: (error) => {
          this.settle(entry);
          reject(error);
        },
        timer: setTimeout(() => {
          const detail = explain ? ` ${explain()}` : '';
          entry.reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${description}.${detail}`));
        }, timeoutMs),
      };
      this.pending.add(entry);
    });
  }

  notify(): void {
    for (const entry of [...this.pending]) entry.check();
  }

  rejectAll(reason: string): void {
    for (const entry of [...this.pending]) entry.reject(new Error(`FakeDiscord: ${reason}`));
  }

  private settle(entry: PendingWait): void {
    clearTimeout(entry.timer);
    this.pending.delete(entry);
  }
}
