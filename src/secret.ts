/** What a secret shows wherever it is turned into text. */
export const REDACTED = '[redacted]';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A credential that is handed around but never shown: `String(secret)`, `JSON.stringify`
 * (and so pino's log lines) and `util.inspect` all give `[redacted]`; only `reveal()` gives
 * the value, at the one place that sends it (an Authorization header).
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The value itself: only for the request that needs it, never for a message. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return `Secret(${REDACTED})`;
  }
}
