import type { EmbedProgress } from '../embeddings/embedder.js';
import type { AttachReport, Semantic } from '../embeddings/semantic.js';
import type { Answer, Engine, SearchOptions } from '../search/types.js';
import { messages, type Locale } from './i18n.js';

/** The log call attaching makes when something other than the service fails; a pino logger fits. */
export interface SemanticLogger {
  error(obj: object, msg: string): void;
}

/**
 * Semantic search (EMBEDDINGS_URL) as the bot, the console and the CLI use it: one per
 * process. Each engine built gets its passage vectors before it goes into service (`attach`),
 * every question goes through `search`, and `status` says for /help, /reload and `quelle
 * stats` whether the service works. Without EMBEDDINGS_URL there is none, and questions go to
 * `engine.search` as they always did.
 */
export class SemanticSearch {
  readonly #semantic: Semantic;
  readonly #logger: SemanticLogger;
  /** What attaching did, per engine: /reload's reply and `quelle stats` say it. */
  readonly #reports = new WeakMap<Engine, AttachReport>();

  constructor(semantic: Semantic, logger: SemanticLogger) {
    this.#semantic = semantic;
    this.#logger = logger;
  }

  /** The service's host (never its key): named in the privacy notices. */
  get host(): string {
    return this.#semantic.host;
  }

  get model(): string {
    return this.#semantic.model;
  }

  get health(): Semantic['health'] {
    return this.#semantic.health;
  }

  /**
   * Embeds a freshly built engine's passages (those kept from earlier builds are reused) and
   * attaches them, before the engine is put in service. Never rejects: the service's failures
   * leave passages without vectors (embedded at the next build), anything else leaves the
   * engine lexical, with an error in the log; the build stands either way.
   */
  async attach(engine: Engine, onProgress?: (progress: EmbedProgress) => void): Promise<AttachReport | undefined> {
    try {
      const report = await this.#semantic.attach(engine, onProgress);
      this.#reports.set(engine, report);
      return report;
    } catch (err) {
      this.#logger.error({ err }, 'passage vectors could not be attached; this index answers without semantic search');
      return undefined;
    }
  }

  /** What attaching did for this engine; undefined when it was not attached. */
  report(engine: Engine): AttachReport | undefined {
    return this.#reports.get(engine);
  }

  /** The engine's answer, with the service's ranking fused in when it answers in time; lexical otherwise. */
  search(engine: Engine, question: string, options: SearchOptions): Promise<Answer> {
    return this.#semantic.search(engine, question, options);
  }

  /** One line: active through the host with the model, or unavailable since when and why. */
  status(locale: Locale): string {
    const health = this.#semantic.health;
    return messages(locale).semanticStatus(health.describe(locale), this.#semantic.model, health.available);
  }

  /** "Questions and passages are sent to <host>." */
  privacy(locale: Locale): string {
    return `${this.#semantic.health.privacy(locale)}.`;
  }

  /** What attaching did for this engine, in words for /reload's reply; undefined when it was not attached. */
  vectorsLine(engine: Engine, locale: Locale): string | undefined {
    const report = this.#reports.get(engine);
    if (report === undefined) return undefined;
    const t = messages(locale);
    const changed = report.dimensionChanged === undefined ? '' : ` ${t.semanticDimensionChanged(report.dimensionChanged.from, report.dimensionChanged.to)}`;
    return t.semanticVectors(report.passages, report.embedded, report.reused, report.missing) + changed;
  }
}
