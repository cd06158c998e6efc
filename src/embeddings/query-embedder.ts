import type { EmbeddingClient } from './client.js';
import { EmbeddingError } from './errors.js';
import type { EmbeddingHealth } from './health.js';
import { Lru } from './lru.js';

export interface QueryEmbedderOptions {
  readonly client: Pick<EmbeddingClient, 'embed' | 'host'>;
  /** Put before every question sent (EMBEDDINGS_QUERY_PREFIX, e.g. `query: `); empty by default. */
  readonly prefix?: string;
  /** Questions whose vectors are kept, the ones asked last; 500 by default, 0 keeps none. */
  readonly capacity?: number;
  /** Told of every call's outcome, for the warnings and /help. */
  readonly health?: Pick<EmbeddingHealth, 'failed' | 'succeeded'> | undefined;
}

export interface QueryEmbedOptions {
  /** Aborts the request; the embed then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The passages' dimension: a question vector of another is an error of kind `dimension`. */
  readonly dimension?: number;
}

/**
 * A question's vector, or why there is none (the question is then answered lexically). On a
 * `dimension` error, `serviceDimension` is what the service sends now: a build given it as
 * embedPassages' `dimension` drops the old vectors and embeds every passage again.
 */
export type QueryEmbedding =
  | { readonly vector: Float32Array; readonly error?: undefined }
  | { readonly vector?: undefined; readonly error: EmbeddingError; readonly serviceDimension?: number };

const DEFAULT_CAPACITY = 500;

/**
 * Question → vector, each question sent once while it is among the `capacity` asked last
 * (the same question asked again, a page of More results, costs no request). Never rejects
 * because of the service: a failure comes back as `error`, and is reported to `health`.
 */
export class QueryEmbedder {
  readonly #client: QueryEmbedderOptions['client'];
  readonly #prefix: string;
  readonly #health: QueryEmbedderOptions['health'];
  readonly #vectors: Lru<string, Float32Array>;

  constructor(options: QueryEmbedderOptions) {
    this.#client = options.client;
    this.#prefix = options.prefix ?? '';
    this.#health = options.health;
    this.#vectors = new Lru(options.capacity ?? DEFAULT_CAPACITY);
  }

  /** Questions whose vectors are kept. */
  get size(): number {
    return this.#vectors.size;
  }

  /** Forgets every kept vector (the model changed). */
  clear(): void {
    this.#vectors.clear();
  }

  async embed(question: string, options: QueryEmbedOptions = {}): Promise<QueryEmbedding> {
    const text = this.#prefix + question;
    let vector = this.#vectors.get(text);
    // Only a request says whether the service works: a kept vector says nothing about it now.
    const asked = vector === undefined;
    if (vector === undefined) {
      try {
        [vector] = await this.#client.embed([text], options.signal);
      } catch (err) {
        if (!(err instanceof EmbeddingError)) throw err;
        this.#health?.failed(err);
        return { error: err };
      }
      if (vector === undefined) throw new Error('Quelle: the embedding client returned no vector for a question');
      this.#vectors.set(text, vector);
    }
    if (options.dimension !== undefined && vector.length !== options.dimension) {
      const err = new EmbeddingError(
        'dimension',
        `Quelle: the embedding service at ${this.#client.host} sent a question vector of ${vector.length} dimensions, the passages have ${options.dimension} (a new model? the next build embeds them again)`,
      );
      this.#health?.failed(err);
      return { error: err, serviceDimension: vector.length };
    }
    if (asked) this.#health?.succeeded();
    return { vector };
  }
}
