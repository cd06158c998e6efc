import { openStore } from './open.js';
import { REPORT_ROWS_MAX } from './schema.js';
import type { FeedbackReport, FeedbackStore, QuestionRecord, StoreLocation, VoteOutcome, VoteValue } from './types.js';
import { voterHash } from './voter.js';

/** The log calls the feedback loop makes; a pino logger fits. */
export interface FeedbackLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface FeedbackOptions {
  readonly location: StoreLocation;
  /** Keep question text (STORE_QUESTIONS); false stores outcomes only. */
  readonly storeQuestions: boolean;
  /** Rows older than this are purged, at start and daily. */
  readonly retentionDays: number;
  readonly logger: FeedbackLogger;
  /** Opens the store; openStore in production, a failing or slow one in tests. */
  readonly open?: (location: StoreLocation) => Promise<FeedbackStore>;
  readonly now?: () => number;
  /** After a failure, the store is tried again this much later. */
  readonly retryMs?: number;
  /** A failing store logs one warning per this much time. */
  readonly warnEveryMs?: number;
  /** A vote not saved within this time is answered as not saved. */
  readonly voteTimeoutMs?: number;
}

/** Questions waiting to be written; beyond it the oldest are dropped (a store down for long). */
const PENDING_MAX = 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULTS = { retryMs: 30_000, warnEveryMs: 60_000, voteTimeoutMs: 2000 };

/** The store cannot be used now; it is tried again later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** `work`, or a StoreUnavailableError saying `late` when it takes longer than `ms`. */
async function withinMs<T>(work: Promise<T>, ms: number, late: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`Quelle: ${late}`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A question as the bot hands it over; the text is dropped here when STORE_QUESTIONS=false. */
export type AskedQuestion = Omit<QuestionRecord, 'at' | 'question'> & { readonly question: string };

/**
 * The feedback loop as the bot uses it, around whichever store runs. A store that fails
 * (cannot be opened, read-only, disk full, server down, corrupt file) never stops answers:
 * questions are queued and written after the answer (never on its path), failures log one
 * warning per minute at most, and the store is tried again later. Votes wait for their write
 * (the voter is told whether it was saved), at most `voteTimeoutMs`.
 */
export class Feedback {
  readonly #options: FeedbackOptions & typeof DEFAULTS;
  readonly #now: () => number;
  #store: FeedbackStore | undefined;
  #opening: Promise<FeedbackStore> | undefined;
  #failedAt = Number.NEGATIVE_INFINITY;
  #warnedAt = Number.NEGATIVE_INFINITY;
  #pending: QuestionRecord[] = [];
  #flushing: Promise<void> | undefined;
  #flushTimer: NodeJS.Timeout | undefined;
  #purgeTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(options: FeedbackOptions) {
    this.#options = { ...DEFAULTS, ...options };
    this.#now = options.now ?? Date.now;
  }

  /** Opens the store and purges old rows, then purges daily. Never rejects: a failure is logged and retried. */
  async start(): Promise<void> {
    await this.purge().catch(() => undefined);
    this.#purgeTimer = setInterval(() => void this.purge().catch(() => undefined), DAY_MS);
    this.#purgeTimer.unref();
  }

  /** Queues a question; written after the current turn, in one transaction with others. */
  record(question: AskedQuestion): void {
    if (this.#closed) return;
    this.#pending.push({ ...question, question: this.#options.storeQuestions ? question.question : null, at: this.#now() });
    if (this.#pending.length > PENDING_MAX) this.#pending.splice(0, this.#pending.length - PENDING_MAX);
    this.#scheduleFlush(0);
  }

  /** A press of 👍 (1) or 👎 (-1); 'failed' when it could not be saved. */
  async vote(answerId: string, userId: string, value: VoteValue): Promise<VoteOutcome | 'failed'> {
    try {
      return await withinMs(
        (async () => {
          const store = await this.#ready();
          return store.vote({ answerId, voter: voterHash(await store.secret(), answerId, userId), value, at: this.#now() });
        })(),
        this.#options.voteTimeoutMs,
        `the vote was not saved within ${this.#options.voteTimeoutMs} ms`,
      );
    } catch (err) {
      this.#failed(err, 'feedback store: a vote could not be saved');
      return 'failed';
    }
  }

  /** The report of the last `days` days. Rejects with StoreUnavailableError when the store cannot be read. */
  async report(days: number): Promise<FeedbackReport> {
    // Questions asked a moment ago belong in it.
    await this.flush();
    try {
      const store = await this.#ready();
      return await store.report(this.#now() - days * DAY_MS, REPORT_ROWS_MAX);
    } catch (err) {
      this.#failed(err, 'feedback store: the report could not be read');
      throw err instanceof StoreUnavailableError ? err : new StoreUnavailableError(`Quelle: the feedback store cannot be read (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** Deletes what is older than the retention. */
  async purge(): Promise<void> {
    try {
      const store = await this.#ready();
      const removed = await store.purge(this.#now() - this.#options.retentionDays * DAY_MS);
      this.#options.logger.info({ removed, retentionDays: this.#options.retentionDays }, 'feedback store: purged old questions and votes');
    } catch (err) {
      this.#failed(err, 'feedback store: purge failed');
      throw err;
    }
  }

  /**
   * Keeps the question behind a page button for other replicas and restarts (written in the
   * background; a failure is logged and the button then pages on this process only). Not with
   * STORE_QUESTIONS=false: the store then keeps no question text at all.
   */
  rememberButton(button: { readonly key: string; readonly text: string; readonly channelId: string | null; readonly ownerId: string | undefined }): void {
    if (this.#closed || !this.#options.storeQuestions) return;
    void (async () => {
      const store = await this.#ready();
      const owner = button.ownerId === undefined ? null : voterHash(await store.secret(), `button:${button.key}`, button.ownerId);
      await store.saveButton({ key: button.key, text: button.text, channelId: button.channelId, owner, at: this.#now() });
    })().catch((err: unknown) => this.#failed(err, 'feedback store: a button could not be kept for other replicas'));
  }

  /** A button another process made: its question, channel, and whether `presserId` owns it (undefined: anyone's). Undefined when unknown or the store fails. */
  async recallButton(key: string, presserId: string): Promise<{ text: string; channelId: string | null; ownedByPresser: boolean | undefined } | undefined> {
    try {
      const store = await this.#ready();
      const found = await store.loadButton(key);
      if (found === undefined) return undefined;
      const ownedByPresser = found.owner === null ? undefined : found.owner === voterHash(await store.secret(), `button:${key}`, presserId);
      return { text: found.text, channelId: found.channelId, ownedByPresser };
    } catch (err) {
      this.#failed(err, 'feedback store: a button could not be looked up');
      return undefined;
    }
  }

  /**
   * A cooldown shared by every process on this store: 0 when `userId` may ask now (the cooldown
   * starts), else the whole seconds left. Rejects when the store cannot be used (the caller
   * then keeps a cooldown of its own).
   */
  async takeCooldown(userId: string, windowMs: number): Promise<number> {
    const store = await this.#ready();
    const left = await store.takeCooldown(voterHash(await store.secret(), 'cooldown', userId), this.#now(), windowMs);
    return left === 0 ? 0 : Math.max(1, Math.ceil(left / 1000));
  }

  /** The store itself, for the replicas' shared uploads and change feed; rejects when it cannot be opened. */
  shared(): Promise<FeedbackStore> {
    return this.#ready();
  }

  /** Whether the store answers now, within `timeoutMs` (for GET /readyz); never rejects. */
  async reachable(timeoutMs = 1000): Promise<boolean> {
    try {
      await withinMs((async () => (await this.#ready()).ping())(), timeoutMs, `the store did not answer within ${timeoutMs} ms`);
      return true;
    } catch (err) {
      this.#failed(err, 'feedback store: not reachable');
      return false;
    }
  }

  /** Writes what is queued (for tests, reports and shutdown). */
  async flush(): Promise<void> {
    while (this.#flushing !== undefined) await this.#flushing;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#flushing = (async () => {
      try {
        const store = await this.#ready();
        await store.recordQuestions(batch);
      } catch (err) {
        // Kept for the next attempt, oldest dropped beyond the cap.
        this.#pending = [...batch, ...this.#pending].slice(-PENDING_MAX);
        this.#failed(err, 'feedback store: questions could not be saved; retrying later');
        this.#scheduleFlush(this.#options.retryMs);
      } finally {
        this.#flushing = undefined;
      }
    })();
    await this.#flushing;
  }

  /** Writes what is queued, then closes the store. */
  async close(): Promise<void> {
    clearInterval(this.#purgeTimer);
    clearTimeout(this.#flushTimer);
    if (this.#store !== undefined) await this.flush().catch(() => undefined);
    this.#closed = true;
    await this.#store?.close().catch(() => undefined);
    this.#store = undefined;
  }

  #scheduleFlush(delayMs: number): void {
    if (this.#flushTimer !== undefined || this.#closed) return;
    // After the answer: a turn of the event loop at least, so the reply goes out first.
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      void this.flush();
    }, delayMs);
    if (delayMs > 0) this.#flushTimer.unref();
  }

  /** The open store; opens it (again) unless the last attempt failed less than `retryMs` ago. */
  async #ready(): Promise<FeedbackStore> {
    if (this.#closed) throw new StoreUnavailableError('Quelle: the feedback store is closed');
    if (this.#store !== undefined) return this.#store;
    if (this.#opening === undefined) {
      if (this.#now() - this.#failedAt < this.#options.retryMs) throw new StoreUnavailableError('Quelle: the feedback store is unavailable; it is tried again shortly');
      this.#opening = (this.#options.open ?? openStore)(this.#options.location).then(
        (store) => {
          this.#store = store;
          this.#opening = undefined;
          this.#options.logger.info({ store: store.kind }, 'feedback store opened');
          return store;
        },
        (err: unknown) => {
          this.#failedAt = this.#now();
          this.#opening = undefined;
          throw err;
        },
      );
    }
    return this.#opening;
  }

  /** Logs a failure, one warning per `warnEveryMs` at most. */
  #failed(err: unknown, msg: string): void {
    const now = this.#now();
    if (now - this.#warnedAt < this.#options.warnEveryMs) return;
    this.#warnedAt = now;
    this.#options.logger.warn({ err, pending: this.#pending.length }, msg);
  }
}
