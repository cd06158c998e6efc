/**
 * At most `perMinute` events per key in any minute (a sliding window): answers the bot gives
 * unasked in one channel, so that a flood of posts cannot make it flood the channel. The clock
 * is passed in, so tests need no timers; keys without events in the last minute are dropped.
 */
export class RateLimit {
  static readonly WINDOW_MS = 60_000;
  readonly #perMinute: number;
  readonly #now: () => number;
  readonly #events = new Map<string, number[]>();

  constructor(perMinute: number, now: () => number = Date.now) {
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Records an event for `key` and returns true, or false (recording nothing) when the key has had its share this minute. */
  take(key: string): boolean {
    const now = this.#now();
    this.#sweep(now);
    const events = this.#events.get(key) ?? [];
    if (events.length >= this.#perMinute) return false;
    events.push(now);
    this.#events.set(key, events);
    return true;
  }

  #sweep(now: number): void {
    for (const [key, events] of this.#events) {
      while (events.length > 0 && (events[0] as number) <= now - RateLimit.WINDOW_MS) events.shift();
      if (events.length === 0) this.#events.delete(key);
    }
  }
}
