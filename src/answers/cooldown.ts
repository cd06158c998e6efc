/**
 * What commands take a user's cooldown from: 0 (go on) or the whole seconds left; at once in
 * one process, asynchronously when replicas share it through the store.
 */
export interface UserCooldown {
  take(user: string): number | Promise<number>;
}

/**
 * A per-user cooldown between questions. The clock is passed in, so tests need no timers.
 * Old entries are dropped as they expire, so the map holds only users of the last window.
 */
export class Cooldown implements UserCooldown {
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

/** What SharedCooldown needs of the store: Feedback.takeCooldown. */
export interface CooldownStore {
  takeCooldown(user: string, windowMs: number): Promise<number>;
}

/**
 * A cooldown every replica on one PostgreSQL store shares (a user cannot ask each replica in
 * turn). When the store fails, this process's own cooldown stands in: questions keep being
 * answered, at worst one per replica per window.
 */
export class SharedCooldown implements UserCooldown {
  readonly #store: CooldownStore;
  readonly #local: Cooldown;
  readonly #windowMs: number;
  readonly #onError: (err: unknown) => void;

  constructor(store: CooldownStore, seconds: number, onError: (err: unknown) => void, now: () => number = Date.now) {
    this.#store = store;
    this.#windowMs = seconds * 1000;
    this.#local = new Cooldown(seconds, now);
    this.#onError = onError;
  }

  take(user: string): number | Promise<number> {
    if (this.#windowMs <= 0) return 0;
    return this.#store.takeCooldown(user, this.#windowMs).catch((err: unknown) => {
      this.#onError(err);
      return this.#local.take(user);
    });
  }
}
