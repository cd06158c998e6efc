/** A corpus that cannot be served at all (missing, unreadable or empty dir). */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  /** The corpus dir as given. */
  readonly dir: string;

  constructor(dir: string, message: string, options?: { cause?: unknown }) {
    super(`Quelle: corpus dir "${dir}" ${message}`, options);
    this.dir = dir;
  }
}
