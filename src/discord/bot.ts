import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { Conversations } from '../answers/conversations.js';
import { Cooldown, SharedCooldown, type UserCooldown } from '../answers/cooldown.js';
import { RateLimit } from '../answers/rate-limit.js';
import type { Library } from '../answers/library.js';
import type { SemanticSearch } from '../answers/semantic.js';
import type { Config } from '../config.js';
import type { Curator } from '../curation/curator.js';
import type { Feedback } from '../store/feedback.js';
import { createClient } from './client.js';
import { commandRegistry } from './commands/index.js';
import { ActionCodec } from './custom-id.js';
import { createInteractionRouter } from './interactions.js';
import { createMessageRouter } from './messages/message-router.js';
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

/**
 * Connects to Discord and answers interactions from the library's engine; /corpus changes it
 * through the curator. Messages that mention the bot are questions; with AUTO_ANSWER_CHANNEL_IDS,
 * posts in those channels too, which needs the privileged Message Content intent: where
 * Discord refuses it (close code 4014), the bot says so in one line and connects without that
 * feature instead of exiting.
 */
export async function startBot(config: Config & { token: string }, services: BotServices, logger: Logger): Promise<Bot> {
  if (config.autoAnswer.channelIds.length === 0) return connect(config, services, logger, false);
  try {
    return await connect(config, services, logger, true);
  } catch (err) {
    if (!(err instanceof IntentsRefusedError)) throw err;
    logger.warn(
      { autoAnswerChannelIds: config.autoAnswer.channelIds },
      'Discord refused the Message Content intent (close code 4014): running without answering posts on its own (AUTO_ANSWER_CHANNEL_IDS); switch the intent on in the developer portal, Bot → Privileged Gateway Intents, and restart',
    );
    return connect({ ...config, autoAnswer: { ...config.autoAnswer, channelIds: [] } }, services, logger, false);
  }
}

/** Discord closed the gateway with 4014: the client asked for a privileged intent the application may not use. */
class IntentsRefusedError extends Error {
  override readonly name = 'IntentsRefusedError';
}

/** Close code of a gateway refusing a privileged intent. */
const DISALLOWED_INTENTS = 4014;

async function connect(config: Config & { token: string }, services: BotServices, logger: Logger, messageContent: boolean): Promise<Bot> {
  const client = createClient(config, { messageContent });
  const shared = sharedState(config, services.feedback, logger);
  const route = botRouter(config, services, logger, shared);
  const { library, feedback, semantic } = services;
  const onMessage = createMessageRouter({ library, feedback, semantic, config, ...shared, logger, rateLimit: new RateLimit(config.autoAnswer.perMinute) });
  guardRawInteractions(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  let refused = false;
  client.on(Events.ShardDisconnect, (event) => {
    if (event.code === DISALLOWED_INTENTS) refused = true;
  });
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
    if (refused) throw new IntentsRefusedError('Quelle: Discord refused the gateway intents (close code 4014)', { cause: err });
    const code = networkCode(err);
    throw code === undefined ? err : new DiscordUnreachableError(config.apiUrl, code, { cause: err });
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, autoAnswerChannels: config.autoAnswer.channelIds.length }, 'connected to Discord');
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

/** What the interaction and message routers share: one cooldown, one button codec, one memory of threads. */
export interface SharedState {
  readonly cooldown: UserCooldown;
  readonly codec: ActionCodec;
  readonly conversations: Conversations;
}

/** The shared state of one process; with a store, buttons are kept there too, and on PostgreSQL the cooldown is the replicas'. */
function sharedState(config: Config, feedback: Feedback | undefined, logger: Logger): SharedState {
  return {
    // Replicas on one PostgreSQL store share cooldowns; one process keeps its own.
    cooldown:
      feedback !== undefined && config.store?.kind === 'postgres'
        ? new SharedCooldown(feedback, config.askCooldownSeconds, throttled(60_000, (err) => logger.warn({ err }, 'shared cooldown unavailable; this replica keeps its own')))
        : new Cooldown(config.askCooldownSeconds),
    // With a store, any replica (or this one after a restart) pages a button.
    codec: new ActionCodec(undefined, feedback),
    conversations: new Conversations(),
  };
}

/** The router both modes answer interactions with: every command, button and menu. */
export function botRouter(config: Config, { library, curator, feedback, semantic, replicas }: BotServices, logger: Logger, shared: SharedState = sharedState(config, feedback, logger)): (interaction: Interaction) => Promise<void> {
  return createInteractionRouter({ commands: commandRegistry(), library, curator, feedback, semantic, replicas, config, ...shared, logger });
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
