import type { EmbeddingsConfig } from '../config.js';
import type { Answer, Engine, SearchOptions } from '../search/types.js';
import { EmbeddingCache } from './cache.js';
import { createEmbeddingClient, type EmbeddingClient } from './client.js';
import { EmbeddingError } from './errors.js';
import { embedPassages, type EmbedLogger, type EmbedProgress } from './embedder.js';
import { EmbeddingHealth } from './health.js';
import { QueryEmbedder } from './query-embedder.js';
import { VectorStore } from './vectors.js';

export interface SemanticOptions {
  readonly config: EmbeddingsConfig;
  /** Where passage vectors are kept across restarts (INDEX_CACHE_DIR, or ./data). */
  readonly cacheDir: string;
  readonly logger: EmbedLogger;
  /** For tests: the fetch the client uses, and the clock of the health. */
  readonly fetch?: typeof globalThis.fetch;
  readonly now?: () => number;
  /**
   * Milliseconds a question waits for its vector before it is answered lexically: a person is
   * waiting, and Discord's deadline is 3 s. The smaller of this and EMBEDDINGS_TIMEOUT_MS.
   */
  readonly questionTimeoutMs?: number;
}

/** What attaching vectors to a new engine did, for the log and `/reload`'s reply. */
export interface AttachReport {
  readonly passages: number;
  readonly reused: number;
  readonly embedded: number;
  /** Passages left without a vector (the service failed): embedded at the next build. */
  readonly missing: number;
  readonly dimensionChanged: { readonly from: number; readonly to: number } | undefined;
}

/**
 * Meaning through an operator's embedding service, beside the lexical engine: the passages'
 * vectors are attached to each engine built, and each question is embedded once and fused
 * with the lexical ranking (see search/rank/fuse.ts). The service is never in the way: when
 * it fails, questions are answered lexically and `health` says since when.
 */
export interface Semantic {
  readonly host: string;
  readonly model: string;
  readonly health: EmbeddingHealth;
  /** Embeds a freshly built engine's passages (cached ones reused) and attaches them. Never rejects because of the service. */
  attach(engine: Engine, onProgress?: (progress: EmbedProgress) => void): Promise<AttachReport>;
  /** The engine's answer, with the service's ranking fused in when it answers in time. */
  search(engine: Engine, question: string, options?: SearchOptions): Promise<Answer>;
}

const DEFAULT_QUESTION_TIMEOUT_MS = 2000;
/** How often an engine without vectors sends a question to an unavailable service, to learn that it is back. */
const PROBE_EVERY_MS = 60_000;

export function createSemantic(options: SemanticOptions): Semantic {
  const { config, logger } = options;
  const client: EmbeddingClient = createEmbeddingClient({ ...config, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  const health = new EmbeddingHealth({ host: client.host, logger, ...(options.now === undefined ? {} : { now: options.now }) });
  const queries = new QueryEmbedder({ client, prefix: config.queryPrefix, health });
  const questionTimeoutMs = Math.min(config.timeoutMs, options.questionTimeoutMs ?? DEFAULT_QUESTION_TIMEOUT_MS);
  /** The dimension the service sent for a question last, when it differs from the passages': the next build embeds everything again. */
  let serviceDimension: number | undefined;
  /** When a question was last sent only to see whether an unavailable service is back. */
  let lastProbe = Number.NEGATIVE_INFINITY;

  return {
    host: client.host,
    model: config.model,
    health,
    async attach(engine, onProgress) {
      const texts = engine.passageTexts();
      const cache = await EmbeddingCache.open({ dir: options.cacheDir, model: config.model, scope: engine.corpus.dir, logger });
      const result = await embedPassages(texts, { client, cache, logger, prefix: config.passagePrefix, health, onProgress, dimension: serviceDimension });
      serviceDimension = undefined;
      if (result.dimensionChanged !== undefined) {
        queries.clear();
        logger.warn({ from: result.dimensionChanged.from, to: result.dimensionChanged.to, model: config.model }, 'embedding dimension changed; re-embedded every passage');
      }
      engine.useVectors(result.dimension === undefined ? undefined : VectorStore.from(result.vectors, result.dimension));
      const report = { passages: texts.length, reused: result.reused, embedded: result.embedded, missing: result.missing, dimensionChanged: result.dimensionChanged };
      logger.info({ host: client.host, model: config.model, ...report }, 'passage vectors attached');
      return report;
    },
    async search(engine, question, searchOptions = {}) {
      const vectors = engine.vectors();
      if (vectors === undefined || vectors.count === 0) {
        // No passage has a vector (the service was down at the build): answered lexically until
        // the next build embeds them. The question is still sent now and then, not awaited, so
        // that /help stops saying "unavailable" once the service is back.
        const now = (options.now ?? Date.now)();
        if (!health.available && now - lastProbe >= PROBE_EVERY_MS) {
          lastProbe = now;
          void queries.embed(question, { signal: AbortSignal.timeout(questionTimeoutMs) }).catch(() => undefined);
        }
        return engine.search(question, searchOptions);
      }
      const embedded = await queries.embed(question, { signal: AbortSignal.timeout(questionTimeoutMs), dimension: vectors.dimension }).catch((err: unknown) => {
        // The question's own deadline: answered lexically, and the service counts as slow.
        health.failed(new EmbeddingError('timeout', `Quelle: the embedding service at ${client.host} sent no question vector within ${questionTimeoutMs} ms`, { cause: err }));
        return undefined;
      });
      if (embedded?.error !== undefined && embedded.error.kind === 'dimension') serviceDimension = embedded.serviceDimension;
      return engine.search(question, embedded?.vector === undefined ? searchOptions : { ...searchOptions, queryVector: embedded.vector });
    },
  };
}
