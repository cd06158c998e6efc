/**
 * Why a call to the embedding service failed:
 * - `unreachable`: no connection (refused, DNS, reset);
 * - `timeout`: no complete answer within the timeout;
 * - `status`: an HTTP error status (401 key refused, 429 rate limited, 5xx, …; see `status`);
 * - `malformed`: not JSON, not the OpenAI embeddings shape, or not one vector per text;
 * - `dimension`: vectors of different lengths in one answer, or not the length expected;
 * - `nan`: a value that is not a finite number.
 */
export type EmbeddingErrorKind = 'unreachable' | 'timeout' | 'status' | 'malformed' | 'dimension' | 'nan';

/**
 * A failure of the embedding service. The message names the service's host and what went
 * wrong, never the API key (a body the service sent back is shown with the key cut out).
 */
export class EmbeddingError extends Error {
  override readonly name = 'EmbeddingError';
  readonly kind: EmbeddingErrorKind;
  /** The HTTP status, for kind `status`. */
  readonly status: number | undefined;

  constructor(kind: EmbeddingErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }
}
