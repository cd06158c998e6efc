import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { Cooldown, SharedCooldown } from '../answers/cooldown.js';
import type { Library } from '../answers/library.js';
import type { SemanticSearch } from '../answers/semantic.js';
import type { Config } from '../config.js';
import type { Curator } from '../curation/curator.js';
import type { Feedback } from '../store/feedback.js';
import { createClient } from './client.js';
import { commandRegistry } from './commands/index.js';
import { ActionCodec } from './custom-id.js';
import { createInteractionRouter } from './interactions.js';
import { guardRawInteractions } from './raw-guard.js';

export interface Bot {
  readonly client: Client;
  /** Disconnects from Discord; idempotent. */
  stop(): Promise<void>;
}

/** What the bot serves from: the engine's library, the curator for /corpus, the feedback store (or none), semantic search (or none). */
export interface BotServices {
  readonly library: Library;
  readonly curator: Curator;
  readonly feedback: Feedback | undefined;
  readonly semantic?: SemanticSearch | undefined;
  /** Replicas on PostgreSQL: /reload reaches every one; undefined for one process. */
  readonly replicas?: { reloaded(): Promise<void> } | undefined;
}

/** Connects to Discord and answers interactions from the library's engine; /corpus changes it through the curator. */
export async function startBot(config: Config & { token: string }, services: BotServices, logger: Logger): Promise<Bot> {
  const client = createClient(config);
  const route = botRouter(config, services, logger);
  guardRawInteractions(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReconnecting, (shardId) => logger.warn({ shardId }, 'gateway reconnecting'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await withDeadline(
      (async () => {
        await client.login(config.token);
        await ready;
      })(),
      config.connectTimeoutSeconds * 1000,
      () => new DiscordUnreachableError(config.apiUrl, `no answer within ${config.connectTimeoutSeconds} s`),
    );
  } catch (err) {
    // Bounded too: closing a client whose requests hang must not hang start-up.
    await withDeadline(client.destroy(), 2000, () => new Error('destroy timed out')).catch(() => undefined);
    const code = networkCode(err);
    throw code === undefined ? err : new DiscordUnreachableError(config.apiUrl, code, { cause: err });
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  let stopped: Promise<void> | undefined;
  return {
    client,
    // Bounded: a gateway that never answers the close handshake must not keep a stopping
    // process alive (the process manager would kill it without a clean exit).
    stop: () =>
      (stopped ??= withDeadline(client.destroy(), STOP_DEADLINE_MS, () => new Error(`disconnecting took longer than ${STOP_DEADLINE_MS} ms`)).catch((err: unknown) => {
        logger.warn({ err }, 'Discord did not confirm the disconnect; stopping anyway');
      })),
  };
}

/** The router both modes answer interactions with: every command, button and menu. */
export function botRouter(config: Config, { library, curator, feedback, semantic, replicas }: BotServices, logger: Logger): (interaction: Interaction) => Promise<void> {
  return createInteractionRouter({
    commands: commandRegistry(),
    library,
    curator,
    feedback,
    semantic,
    replicas,
    config,
    // Replicas on one PostgreSQL store share cooldowns; one process keeps its own.
    cooldown:
      feedback !== undefined && config.store?.kind === 'postgres'
        ? new SharedCooldown(feedback, config.askCooldownSeconds, throttled(60_000, (err) => logger.warn({ err }, 'shared cooldown unavailable; this replica keeps its own')))
        : new Cooldown(config.askCooldownSeconds),
    // With a store, buttons are kept there too: any replica (or this one after a restart) pages them.
    codec: new ActionCodec(undefined, feedback),
    logger,
  });
}

/** `log` at most once per `ms`: a store that is down must not fill the log on every question. */
function throttled(ms: number, log: (err: unknown) => void): (err: unknown) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (err) => {
    if (Date.now() - last < ms) return;
    last = Date.now();
    log(err);
  };
}

/** How long a stop waits for the gateway to confirm the disconnect. */
const STOP_DEADLINE_MS = 5000;

/** Discord (or DISCORD_API_URL) could not be reached at start-up: a message for the operator, exit 2. */
export class DiscordUnreachableError extends Error {
  override readonly name = 'DiscordUnreachableError';

  constructor(apiUrl: string, reason: string, options?: { cause?: unknown }) {
    super(`Quelle: could not reach Discord at ${apiUrl} (${reason}): check DISCORD_API_URL and the network`, options);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** The network error code in an error or its causes, if it is one. */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}

async function withDeadline<T>(work: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
