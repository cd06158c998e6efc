import type { EmbeddingCache } from './cache.js';
import type { EmbeddingClient } from './client.js';
import { EmbeddingError } from './errors.js';
import type { EmbeddingHealth } from './health.js';

/** The log calls the embedder makes; a pino logger fits. */
export interface EmbedLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** How far a build's embedding is: distinct texts sent and answered, of those to send. */
export interface EmbedProgress {
  readonly done: number;
  readonly total: number;
}

export interface EmbedPassagesOptions {
  readonly client: Pick<EmbeddingClient, 'embed' | 'batch' | 'host'>;
  /** Vectors kept across restarts: only texts it lacks are sent, and what comes back is saved in it. */
  readonly cache?: EmbeddingCache | undefined;
  readonly logger: EmbedLogger;
  /** Put before every text sent (EMBEDDINGS_PASSAGE_PREFIX, e.g. `passage: `); part of the cache key. */
  readonly prefix?: string;
  /** Told of every request's outcome; without it, a failure is logged here once. */
  readonly health?: Pick<EmbeddingHealth, 'failed' | 'succeeded'> | undefined;
  /** Called after every request, for a progress line on a terminal. */
  readonly onProgress?: ((progress: EmbedProgress) => void) | undefined;
  /** Aborts the embedding (shutdown): the cache is saved, then the call rejects with the reason. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The dimension the service sends now, when known (a question vector's, see QueryEmbedding's
   * `serviceDimension`): cached vectors of another dimension are dropped and everything is sent again.
   */
  readonly dimension?: number | undefined;
  /**
   * `texts` are the whole corpus (true, the default): cached vectors of texts not among them are
   * dropped. False when embedding only a part, say one upload's passages.
   */
  readonly pruneCache?: boolean;
  /** With at least this many texts to send, progress is logged every 10 %; 1000 by default. */
  readonly logProgressFrom?: number;
}

export interface EmbedPassagesResult {
  /** Per text, its vector (normalized, all of one dimension); undefined where none could be had. */
  readonly vectors: (Float32Array | undefined)[];
  /** The vectors' dimension; undefined when there is no vector. */
  readonly dimension: number | undefined;
  /** Texts whose vector came from the cache. */
  readonly reused: number;
  /** Texts whose vector the service sent now. */
  readonly embedded: number;
  /** Texts without a vector: the service failed; they are sent at the next build. */
  readonly missing: number;
  /** The first failure, when there was one. */
  readonly error: EmbeddingError | undefined;
  /** The model's dimension changed (a new model under the same name): everything was sent again. */
  readonly dimensionChanged: { readonly from: number; readonly to: number } | undefined;
}

const DEFAULT_LOG_PROGRESS_FROM = 1000;

/**
 * Failures that concern one request's texts, not the service (a text too long for the model,
 * a value the model could not compute): the other requests are still sent. After any other
 * failure (down, slow, key refused, rate limited, broken) nothing more is sent.
 */
function concernsTheTexts(err: EmbeddingError): boolean {
  return err.kind === 'nan' || (err.kind === 'status' && (err.status === 400 || err.status === 413 || err.status === 422));
}

/**
 * The vectors of all `texts` (passages, with their title and heading as the engine joins them):
 * those in the cache are reused, the others sent in batches of the client's size, each
 * distinct text once. Never rejects because of the service: it returns what it has, the
 * missing ones undefined, with the first error. Rejects only when `signal` aborts.
 */
export async function embedPassages(texts: readonly string[], options: EmbedPassagesOptions): Promise<EmbedPassagesResult> {
  const { client, cache, logger, health } = options;
  const prefix = options.prefix ?? '';
  /** Each distinct text as sent → the positions it stands at. */
  const positions = new Map<string, number[]>();
  texts.forEach((text, i) => {
    const sent = prefix + text;
    const list = positions.get(sent);
    if (list === undefined) positions.set(sent, [i]);
    else list.push(i);
  });

  let dimensionChanged: { from: number; to: number } | undefined;
  if (cache !== undefined && options.dimension !== undefined && cache.dimension !== undefined && cache.dimension !== options.dimension) {
    dimensionChanged = { from: cache.dimension, to: options.dimension };
    cache.clear();
  }
  /** Distinct text → its vector, from the cache or the service. */
  const found = new Map<string, Float32Array>();
  const fromCache = new Set<string>();
  const queue: string[] = [];
  for (const sent of positions.keys()) {
    const vector = cache?.get(sent);
    if (vector === undefined) queue.push(sent);
    else {
      found.set(sent, vector);
      fromCache.add(sent);
    }
  }
  let dimension = dimensionChanged?.to ?? cache?.dimension;

  const progress = progressLog(logger, options.logProgressFrom ?? DEFAULT_LOG_PROGRESS_FROM);
  if (queue.length > 0) logger.info({ toSend: queue.length, reused: fromCache.size, batch: client.batch }, 'passage vectors: embedding');
  if (dimensionChanged !== undefined) logger.warn(dimensionChanged, 'passage vectors: the model sends another dimension now; re-embedding everything');
  let error: EmbeddingError | undefined;
  let done = 0;
  let changedHere = false;
  const advance = (sent: number) => {
    done += sent;
    options.onProgress?.({ done, total: queue.length });
    progress(done, queue.length);
  };
  try {
    for (let next = 0; next < queue.length; ) {
      const part = queue.slice(next, next + client.batch);
      next += part.length;
      let vectors: Float32Array[];
      try {
        vectors = await client.embed(part, options.signal);
      } catch (err) {
        if (!(err instanceof EmbeddingError)) throw err;
        error ??= err;
        health?.failed(err);
        if (!concernsTheTexts(err)) break;
        advance(part.length);
        continue;
      }
      const got = vectors[0]?.length;
      if (got !== undefined && dimension !== undefined && got !== dimension) {
        if (changedHere) {
          // A second change within one build: a service that is not one model; stop.
          error ??= new EmbeddingError('dimension', `Quelle: the embedding service at ${client.host} changed dimension twice during one build (${dimension} and ${got})`);
          health?.failed(error);
          break;
        }
        // A new model: every vector of the old one goes, and its text is sent again.
        changedHere = true;
        dimensionChanged = { from: dimensionChanged?.from ?? dimension, to: got };
        logger.warn(dimensionChanged, 'passage vectors: the model sends another dimension now; re-embedding everything');
        for (const [sent, vector] of found) {
          if (vector.length === got) continue;
          found.delete(sent);
          fromCache.delete(sent);
          queue.push(sent);
        }
      }
      health?.succeeded();
      if (got !== undefined) dimension = got;
      part.forEach((sent, i) => {
        const vector = vectors[i] as Float32Array;
        found.set(sent, vector);
        cache?.put(sent, vector);
      });
      advance(part.length);
    }
  } finally {
    if (cache !== undefined) {
      if (options.pruneCache ?? true) cache.retain(positions.keys());
      await cache.save();
    }
  }

  const vectors: (Float32Array | undefined)[] = new Array<Float32Array | undefined>(texts.length).fill(undefined);
  let reused = 0;
  let embedded = 0;
  for (const [sent, list] of positions) {
    const vector = found.get(sent);
    if (vector === undefined) continue;
    for (const i of list) vectors[i] = vector;
    if (fromCache.has(sent)) reused += list.length;
    else embedded += list.length;
  }
  const missing = texts.length - reused - embedded;
  if (error !== undefined && health === undefined) logger.warn({ err: error, missing }, 'passage vectors: the embedding service failed; the passages without a vector are embedded at the next build');
  logger.info({ embedded, reused, missing, dimension }, 'passage vectors: ready');
  return { vectors, dimension: found.size > 0 ? dimension : undefined, reused, embedded, missing, error, dimensionChanged };
}

/** Logs progress every 10 % of a large embedding. */
function progressLog(logger: EmbedLogger, from: number): (done: number, total: number) => void {
  let logged = 0;
  return (done, total) => {
    if (total < from) return;
    const tenth = Math.floor((done * 10) / total);
    if (tenth <= logged) return;
    logged = tenth;
    logger.info({ done, total, percent: tenth * 10 }, 'passage vectors: embedding progress');
  };
}
