import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { Cooldown } from '../answers/cooldown.js';
import type { Library } from '../answers/library.js';
import type { Config } from '../config.js';
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

/** Connects to Discord and answers interactions from the library's engine. */
export async function startBot(config: Config & { token: string }, library: Library, logger: Logger): Promise<Bot> {
  const client = createClient(config);
  const route = createInteractionRouter({
    commands: commandRegistry(),
    library,
    config,
    cooldown: new Cooldown(config.askCooldownSeconds),
    codec: new ActionCodec(),
    logger,
  });
  guardRawInteractions(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReconnecting, (shardId) => logger.warn({ shardId }, 'gateway reconnecting'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.token);
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  let stopped: Promise<void> | undefined;
  return {
    client,
    stop: () => (stopped ??= client.destroy()),
  };
}
