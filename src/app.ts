import type { Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { Library } from './answers/library.js';
import { SemanticSearch } from './answers/semantic.js';
import { embeddingsCacheDir, type Config } from './config.js';
import { PLAIN_STYLE, TERMINAL_STYLE } from './console/render.js';
import { consoleGreeting } from './console/greeting.js';
import { embeddingProgress } from './console/progress.js';
import { runConsole } from './console/run.js';
import { watchCorpus, type CorpusWatcher } from './corpus/watch.js';
import { Curator } from './curation/curator.js';
import { Feedback } from './store/feedback.js';
import { startBot, type Bot, type BotServices } from './discord/bot.js';
import { createHttpBot } from './discord/http-bot.js';
import { startInteractionsServer, type RunningInteractionsServer } from './http/server.js';
import { publicKeyFromHex } from './http/verify.js';
import { claimSqliteForHttp } from './http/single-process.js';
import { createSemantic } from './embeddings/semantic.js';
import { createLogger } from './log.js';
import { build } from './search/build.js';
import { Replicas } from './replicas/replicas.js';

export interface AppIO {
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean };
  /** File descriptor for the logs: stdout's (1) with Discord, stderr's (2) for the console. */
  readonly logFd?: number;
  /** Where the logs go instead of a file descriptor (tests). */
  readonly logStream?: pino.DestinationStream;
}

export type App =
  | { readonly mode: 'console'; readonly done: Promise<void> }
  | { readonly mode: 'discord'; readonly bot: Bot; readonly logger: Logger }
  | { readonly mode: 'http'; readonly server: RunningInteractionsServer; readonly stop: () => Promise<void>; readonly logger: Logger };

/**
 * Builds the index, then serves HTTP interactions when DISCORD_PUBLIC_KEY and
 * INTERACTIONS_PORT are set, else connects to Discord when a token is configured, or runs the
 * console on the corpus. Rejects with the corpus error when the first build fails: a bot
 * with no index has nothing to serve.
 */
export async function startApp(config: Config, io: AppIO): Promise<App> {
  const consoleMode = config.token === undefined && config.http === undefined;
  const interactive = consoleMode && Boolean(io.stdin.isTTY);
  // The console prints answers on stdout, so its logs go to stderr; a person at the console
  // sees only warnings there, unless LOG_LEVEL asks for more.
  const level = interactive && !config.logLevelSet ? 'warn' : config.logLevel;
  const logger = createLogger({ logLevel: level }, io.logStream ?? pino.destination({ dest: io.logFd ?? (consoleMode ? 2 : 1), sync: true }));
  const semantic = startSemantic(config, logger);
  // At a terminal, embedding a large corpus shows its progress on a line of its own.
  const progress = semantic !== undefined && interactive && io.stdout.isTTY ? embeddingProgress(io.stdout) : undefined;
  const buildIndex = () => build(config.corpusDir, { logger, ...(config.indexCacheDir === undefined ? {} : { cacheDir: config.indexCacheDir }) });
  // With semantic search, the vectors join each new engine before it is swapped in (at start,
  // /reload, uploads, CORPUS_WATCH); attaching never fails the build.
  const rebuild =
    semantic === undefined
      ? buildIndex
      : async () => {
          const engine = await buildIndex();
          await semantic.attach(engine, progress?.update);
          progress?.end();
          return engine;
        };
  // Only Discord questions are kept: the console and the CLI store nothing.
  const feedback = consoleMode ? undefined : openFeedback(config, logger);
  // Replicas on PostgreSQL: the uploads other replicas made are written here before the first build.
  const replicas = feedback !== undefined && config.store?.kind === 'postgres' ? await joinReplicas(feedback, config, logger) : undefined;
  const library = new Library(await rebuild(), rebuild);
  await replicas?.start(library).catch((err: unknown) => logger.error({ err }, 'replicas: cannot listen for changes on other replicas; restart to follow them'));
  const watcher = config.corpusWatchSeconds === undefined ? undefined : watchLibrary(library, config.corpusDir, config.corpusWatchSeconds, logger);
  const close = async (): Promise<void> => {
    watcher?.close();
    await replicas?.stop();
    await feedback?.close();
  };
  if (config.http !== undefined) return startHttp(config, config.http, { library, curator: newCurator(config, library, logger, replicas), feedback, semantic, replicas }, close, logger);
  const token = config.token;
  if (token === undefined) {
    logger.info({ corpusDir: config.corpusDir }, 'DISCORD_TOKEN is not set: running the local console instead of connecting to Discord');
    const stats = library.engine.stats();
    const columns = (io.stdout as { columns?: number }).columns;
    const done = runConsole(
      { library, locale: 'de', limit: config.askResults, logger, semantic },
      {
        input: io.stdin,
        output: io.stdout,
        interactive,
        style: io.stdout.isTTY ? TERMINAL_STYLE : PLAIN_STYLE,
        width: io.stdout.isTTY && columns !== undefined && columns > 20 ? columns - 1 : undefined,
        greeting: consoleGreeting(config.corpusDir, stats.articles, stats.paragraphs, semantic),
      },
    );
    return { mode: 'console', done: done.finally(() => watcher?.close()) };
  }
  let bot: Bot;
  try {
    bot = await startBot({ ...config, token }, { library, curator: newCurator(config, library, logger, replicas), feedback, semantic, replicas }, logger);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    mode: 'discord',
    bot: {
      client: bot.client,
      stop: async () => {
        await bot.stop();
        await close();
      },
    },
    logger,
  };
}

/** The curator of /corpus; with replicas, uploads are kept in the store and announced. */
function newCurator(config: Config, library: Library, logger: Logger, replicas: Replicas | undefined): Curator {
  return new Curator({
    corpusDir: config.corpusDir,
    uploadDir: config.uploadDir,
    maxBytes: config.uploadMaxBytes,
    timeoutMs: config.uploadTimeoutSeconds * 1000,
    cdnUrl: config.cdnUrl,
    library,
    logger,
    ...(replicas === undefined ? {} : { mirror: replicas.mirror }),
  });
}

/** The feedback store, or none with DATABASE_URL=off. */
function openFeedback(config: Config, logger: Logger): Feedback | undefined {
  if (config.store === undefined) return undefined;
  const feedback = new Feedback({ location: config.store, storeQuestions: config.storeQuestions, retentionDays: config.storeRetentionDays, logger });
  // Opening (a PostgreSQL server may take seconds to answer, or be down) never holds up the
  // start: answers do not need the store, and it is retried on use.
  void feedback.start();
  return feedback;
}

/**
 * Joins the replicas on a PostgreSQL store: takes their uploads. A store that cannot be
 * reached at start leaves this process on its own (said in the log) rather than not serving.
 */
async function joinReplicas(feedback: Feedback, config: Config, logger: Logger): Promise<Replicas | undefined> {
  try {
    const replicas = new Replicas({ store: await feedback.shared(), uploadDir: config.uploadDir, logger });
    await replicas.syncUploads();
    return replicas;
  } catch (err) {
    logger.error({ err }, 'replicas: the PostgreSQL store cannot be reached at start; uploads and reloads on other replicas are not followed until a restart');
    return undefined;
  }
}

/**
 * HTTP mode: the signed endpoint answers every interaction through the same router as the
 * gateway (see discord/http-bot.ts); /healthz says the process lives, /readyz that the index
 * is loaded and the store (if any) answers. No gateway connection.
 */
async function startHttp(config: Config, http: NonNullable<Config['http']>, services: BotServices, close: () => Promise<void>, logger: Logger): Promise<App> {
  let serving = false;
  const bot = createHttpBot(config, services, logger);
  let server: RunningInteractionsServer;
  try {
    server = await startInteractionsServer({
      publicKey: publicKeyFromHex(http.publicKey),
      handler: bot.handle,
      ready: async () => serving && (services.feedback === undefined || (await services.feedback.reachable())),
      logger,
      host: http.host,
      port: http.port,
    });
  } catch (err) {
    await bot.stop();
    await close();
    throw err;
  }
  serving = true;
  const release = config.store?.kind === 'sqlite' ? claimSqliteForHttp(config.store.file, logger) : () => undefined;
  logger.info({ host: http.host, port: server.port, store: config.store?.kind ?? 'off' }, 'HTTP interactions mode: serving POST /interactions, GET /healthz, GET /readyz');
  return {
    mode: 'http',
    server,
    stop: async () => {
      // Not ready first: the load balancer stops sending while answers in flight finish.
      serving = false;
      await server.close();
      await bot.stop();
      await close();
      release();
    },
    logger,
  };
}

/**
 * Semantic search when EMBEDDINGS_URL is set: one per process, its vectors kept beside the index
 * snapshot (INDEX_CACHE_DIR) or in ./data. The start-up log says where questions and passages
 * go (the host, never the key).
 */
function startSemantic(config: Config, logger: Logger): SemanticSearch | undefined {
  if (config.embeddings === undefined) return undefined;
  const semantic = new SemanticSearch(createSemantic({ config: config.embeddings, cacheDir: embeddingsCacheDir(config), logger }), logger);
  logger.info({ host: semantic.host, model: semantic.model }, `semantic search on: ${semantic.health.privacy('en')}`);
  return semantic;
}

/**
 * CORPUS_WATCH: a change under the corpus dir reloads the index after a quiet period, through
 * the same single-flight, build-beside-and-swap path as /reload; a failed build keeps the old
 * index and says why.
 */
function watchLibrary(library: Library, corpusDir: string, quietSeconds: number, logger: Logger): CorpusWatcher {
  // refresh, not reload: a build already running may have read the dir before this change.
  const reload = () =>
    library.refresh().then(
      (report) => logger.info({ added: report.added, removed: report.removed, changed: report.changed, ms: report.ms }, 'corpus changed: index reloaded'),
      (err: unknown) => logger.error({ err }, 'corpus changed, but the reload failed; the previous index stays in service'),
    );
  return watchCorpus(corpusDir, () => void reload(), { quietMs: quietSeconds * 1000, logger });
}
