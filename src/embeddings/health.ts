import type { EmbeddingError, EmbeddingErrorKind } from './errors.js';

/** The languages of the bot's replies (answers/i18n's Locale). */
export type EmbeddingLang = 'de' | 'en';

/** The log calls the health makes; a pino logger fits. */
export interface HealthLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EmbeddingHealthOptions {
  /** The service's host, named in the privacy notice and the log. */
  readonly host: string;
  readonly logger: HealthLogger;
  /** The clock, in ms since the epoch; Date.now by default. */
  readonly now?: () => number;
  /** A failing service logs one warning per this much time at most; 60 s by default. */
  readonly warnEveryMs?: number;
  /** The IANA time zone `describe` shows times in; the process's by default. */
  readonly timeZone?: string;
}

/** The state for `quelle stats --json`. */
export interface EmbeddingHealthState {
  readonly host: string;
  readonly available: boolean;
  /** ISO time of the first failure of the current outage. */
  readonly unavailableSince?: string;
  readonly lastError?: EmbeddingErrorKind;
  readonly lastStatus?: number;
}

const DEFAULT_WARN_EVERY_MS = 60_000;

/**
 * Whether the embedding service works, as the last call found it. Every use of the service
 * reports here (`failed`, `succeeded`); questions are answered lexically meanwhile, and this
 * says so: one warning per `warnEveryMs` at most in the log, and `describe` for /help,
 * /reload's reply and `quelle stats`.
 */
export class EmbeddingHealth {
  readonly host: string;
  readonly #logger: HealthLogger;
  readonly #now: () => number;
  readonly #warnEveryMs: number;
  readonly #timeZone: string | undefined;
  #since: number | undefined;
  #lastError: EmbeddingError | undefined;
  #warnedAt = Number.NEGATIVE_INFINITY;
  #suppressed = 0;

  constructor(options: EmbeddingHealthOptions) {
    this.host = options.host;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#warnEveryMs = options.warnEveryMs ?? DEFAULT_WARN_EVERY_MS;
    this.#timeZone = options.timeZone;
  }

  /** True until a call fails, and again after one succeeds. */
  get available(): boolean {
    return this.#since === undefined;
  }

  /** When the current outage began (its first failure); undefined while the service works. */
  get unavailableSince(): Date | undefined {
    return this.#since === undefined ? undefined : new Date(this.#since);
  }

  /** What the last failure of the current outage was; undefined while the service works. */
  get lastErrorKind(): EmbeddingErrorKind | undefined {
    return this.#lastError?.kind;
  }

  /** A call failed: the service counts as unavailable; logged at most once per `warnEveryMs`. */
  failed(err: EmbeddingError): void {
    const now = this.#now();
    this.#since ??= now;
    this.#lastError = err;
    if (now - this.#warnedAt < this.#warnEveryMs) {
      this.#suppressed++;
      return;
    }
    this.#logger.warn(
      { err, host: this.host, since: new Date(this.#since).toISOString(), suppressed: this.#suppressed },
      'embedding service unavailable: questions are answered without semantic search',
    );
    this.#warnedAt = now;
    this.#suppressed = 0;
  }

  /** A call succeeded: the service is available (again). */
  succeeded(): void {
    if (this.#since === undefined) return;
    this.#logger.info({ host: this.host, unavailableMs: this.#now() - this.#since }, 'embedding service available again');
    this.#since = undefined;
    this.#lastError = undefined;
  }

  /**
   * One line on semantic search: "Semantische Suche nicht verfügbar seit 15:04 (Dienst
   * antwortet nicht)" / "Semantic search unavailable since 15:04 (service not answering)"; the
   * date is added when the outage began on another day. While it works: "Semantische Suche
   * über <host> aktiv" / "Semantic search via <host> active".
   */
  describe(lang: EmbeddingLang): string {
    if (this.#since === undefined) return lang === 'de' ? `Semantische Suche über ${this.host} aktiv` : `Semantic search via ${this.host} active`;
    const since = this.#time(lang, this.#since);
    const reason = this.#lastError === undefined ? '' : ` (${reasonText(lang, this.#lastError)})`;
    return lang === 'de' ? `Semantische Suche nicht verfügbar seit ${since}${reason}` : `Semantic search unavailable since ${since}${reason}`;
  }

  /** The privacy notice: "Fragen und Passagen werden an <host> gesendet" / "Questions and passages are sent to <host>". */
  privacy(lang: EmbeddingLang): string {
    return lang === 'de' ? `Fragen und Passagen werden an ${this.host} gesendet` : `Questions and passages are sent to ${this.host}`;
  }

  toJSON(): EmbeddingHealthState {
    const state: { -readonly [K in keyof EmbeddingHealthState]: EmbeddingHealthState[K] } = { host: this.host, available: this.available };
    if (this.#since !== undefined) state.unavailableSince = new Date(this.#since).toISOString();
    if (this.#lastError !== undefined) state.lastError = this.#lastError.kind;
    if (this.#lastError?.status !== undefined) state.lastStatus = this.#lastError.status;
    return state;
  }

  /** "15:04" today, "14.03., 15:04" / "14 Mar, 15:04" on another day. */
  #time(lang: EmbeddingLang, at: number): string {
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    const zone = this.#timeZone === undefined ? {} : { timeZone: this.#timeZone };
    const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }).format(ms);
    const sameDay = day(at) === day(this.#now());
    const format = sameDay
      ? new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone })
      : new Intl.DateTimeFormat(locale, { day: lang === 'de' ? '2-digit' : 'numeric', month: lang === 'de' ? '2-digit' : 'short', hour: '2-digit', minute: '2-digit', ...zone });
    return format.format(at);
  }
}

/** Why, in a few words for a reader of /help. */
function reasonText(lang: EmbeddingLang, err: EmbeddingError): string {
  const de = lang === 'de';
  switch (err.kind) {
    case 'unreachable':
      return de ? 'Dienst nicht erreichbar' : 'service unreachable';
    case 'timeout':
      return de ? 'Dienst antwortet nicht' : 'service not answering';
    case 'malformed':
      return de ? 'unverständliche Antwort' : 'unreadable answer';
    case 'dimension':
      return de ? 'Vektoren falscher Dimension' : 'vectors of the wrong dimension';
    case 'nan':
      return de ? 'ungültige Zahlen in den Vektoren' : 'invalid numbers in the vectors';
    case 'status': {
      const status = err.status ?? 0;
      if (status === 401 || status === 403) return de ? `Zugang abgelehnt (${status})` : `access refused (${status})`;
      if (status === 404) return de ? 'Modell oder Adresse nicht gefunden (404)' : 'model or address not found (404)';
      if (status === 429) return de ? 'zu viele Anfragen (429)' : 'too many requests (429)';
      return de ? `Dienst meldet Fehler ${status}` : `service answered ${status}`;
    }
  }
}
