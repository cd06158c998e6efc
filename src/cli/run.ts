import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CorpusError } from '../corpus/errors.js';
import { build } from '../search/build.js';
import { parseArgs, UsageError, USAGE, type CliLang } from './args.js';
import { SemanticSearch } from '../answers/semantic.js';
import { ConfigError, type EmbeddingsConfig, type EmbeddingsSettings } from '../config.js';
import { createSemantic } from '../embeddings/semantic.js';
import { EnvFileError } from '../env.js';
import type { Engine } from '../search/types.js';
import { openStore } from '../store/open.js';
import { REPORT_ROWS_MAX } from '../store/schema.js';
import type { StoreLocation } from '../store/types.js';
import { answerJson, formatAnswer, formatArticle, formatStats } from './format.js';
import { formatReport, reportJson } from './report.js';

export interface CliIO {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Colour the highlights (a terminal); otherwise mark them with **. */
  readonly color: boolean;
  /** The language when `--lang` is not given (from LANG). Default English. */
  readonly lang?: CliLang;
  /** The store `quelle report` reads: the bot's DATABASE_URL (may throw a ConfigError); undefined when it is off. */
  readonly store?: () => StoreLocation | undefined;
  /**
   * The bot's semantic search settings (EMBEDDINGS_*, INDEX_CACHE_DIR; may throw a
   * ConfigError), so that `ask` and `stats` answer as the bot does; without them, lexical only.
   */
  readonly embeddings?: () => EmbeddingsSettings;
}

/** Runs `quelle …`; resolves to the exit code. Usage and corpus errors: message on stderr, exit 2. */
export async function runCli(argv: readonly string[], defaultCorpus: string, io: CliIO): Promise<number> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (cmd.command === 'report') return await report(cmd.days, cmd.json, io);
    const settings = cmd.command === 'source' ? undefined : io.embeddings?.();
    const engine = await build(cmd.corpus ?? defaultCorpus);
    const semantic = settings?.embeddings === undefined ? undefined : cliSemantic(settings.embeddings, settings.cacheDir, io.stderr);
    // As the bot does after each build: the passages' vectors, those kept from earlier runs reused.
    await semantic?.attach(engine);
    if (cmd.command === 'stats') {
      if (semantic === undefined) io.stdout.write(cmd.json ? `${JSON.stringify(engine.stats())}\n` : formatStats(engine.stats()));
      else io.stdout.write(cmd.json ? `${JSON.stringify({ ...engine.stats(), semantic: semanticJson(semantic, engine) })}\n` : formatStats(engine.stats(), semanticLines(semantic, engine)));
      return 0;
    }
    if (cmd.command === 'source') {
      const article = engine.article(cmd.file);
      if (article === undefined) {
        const close = engine.findArticles(cmd.file, 3).filter((m) => m.score > 0);
        const hint = close.length > 0 ? `; did you mean ${close.map((m) => m.article.file).join(', ')}?` : '';
        io.stderr.write(`quelle: no article "${cmd.file}" in the corpus${hint}\n`);
        return 1;
      }
      io.stdout.write(formatArticle(article, cmd.lang ?? io.lang));
      return 0;
    }
    const answer = async (question: string): Promise<void> => {
      // The same search as the bot's: with semantic search, the service's ranking fused in.
      const result = semantic === undefined ? engine.search(question, { limit: cmd.limit }) : await semantic.search(engine, question, { limit: cmd.limit });
      io.stdout.write(cmd.json ? `${answerJson(result)}\n` : `${formatAnswer(result, io.color, cmd.lang ?? io.lang)}\n`);
    };
    if (cmd.question !== undefined) await answer(cmd.question);
    else await answerLines(io.stdin, answer);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`quelle: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof CorpusError || err instanceof ConfigError || err instanceof EnvFileError) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** `quelle report`: reads the store, prints; exit 1 when it cannot be read, 2 when it is off. */
async function report(days: number, json: boolean, io: CliIO): Promise<number> {
  const location = io.store?.();
  if (location === undefined) {
    io.stderr.write('quelle: the feedback store is off (DATABASE_URL=off); there is nothing to report\n');
    return 2;
  }
  let store;
  try {
    store = await openStore(location);
  } catch (err) {
    io.stderr.write(`quelle: cannot open the feedback store (${err instanceof Error ? err.message : String(err)})\n`);
    return 1;
  }
  try {
    const result = await store.report(Date.now() - days * 24 * 60 * 60 * 1000, REPORT_ROWS_MAX);
    io.stdout.write(json ? `${reportJson(result)}\n` : formatReport(result, days));
    return 0;
  } finally {
    await store.close();
  }
}

/** One question per non-empty line, one after another; the index is built once for all of them. */
async function answerLines(stdin: Readable, answer: (line: string) => Promise<void>): Promise<void> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') await answer(line.trim());
  }
}

/** Semantic search as the bot's: the same service, model and vector cache. */
function cliSemantic(config: EmbeddingsConfig, cacheDir: string, stderr: Writable): SemanticSearch {
  const logger = cliLogger(stderr);
  return new SemanticSearch(createSemantic({ config, cacheDir, logger }), logger);
}

/**
 * Semantic search's log in a script: warnings on stderr as one readable line (the service is
 * unavailable: the answers are lexical), the rest (vectors attached) left out, as the CLI logs
 * nothing else. Errors carry the host, never the key.
 */
function cliLogger(stderr: Writable): { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void } {
  const line = (obj: object, msg: string) => {
    const err = (obj as { err?: unknown }).err;
    stderr.write(`quelle: ${msg}${err instanceof Error ? ` (${err.message})` : ''}\n`);
  };
  return { info: () => undefined, warn: line, error: line };
}

/** `quelle stats --json`'s `semantic`: the service's state, the model, and the passages' vectors. */
function semanticJson(semantic: SemanticSearch, engine: Engine): object {
  const report = semantic.report(engine);
  return { ...semantic.health.toJSON(), model: semantic.model, ...(report === undefined ? {} : { passages: report.passages, embedded: report.embedded, reused: report.reused, missing: report.missing }) };
}

/** `quelle stats`' lines on semantic search, in English like the rest of the stats. */
function semanticLines(semantic: SemanticSearch, engine: Engine): string[] {
  const vectors = semantic.vectorsLine(engine, 'en');
  return [`semantic:   ${semantic.status('en')}`, ...(vectors === undefined ? [] : [`            ${vectors}`]), `            ${semantic.privacy('en')}`];
}
