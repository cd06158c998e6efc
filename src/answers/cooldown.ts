/**
 * A per-user cooldown between questions. The clock is passed in, so tests need no timers.
 * Old entries are dropped as they expire, so the map holds only users of the last window.
 */
export class Cooldown {
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #until = new Map<string, number>();

  constructor(seconds: number, now: () => number = Date.now) {
    this.#windowMs = seconds * 1000;
    this.#now = now;
  }

  /**
   * Records a question by `user` and returns 0, or, while the user is still cooling down,
   * the whole seconds left (at least 1) without recording anything.
   */
  take(user: string): number {
    if (this.#windowMs <= 0) return 0;
    const now = this.#now();
    const until = this.#until.get(user);
    if (until !== undefined && until > now) return Math.ceil((until - now) / 1000);
    this.#sweep(now);
    this.#until.set(user, now + this.#windowMs);
    return 0;
  }

  #sweep(now: number): void {
    for (const [user, until] of this.#until) if (until <= now) this.#until.delete(user);
  }
}
