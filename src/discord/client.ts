import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.js';
import type { MakeRequest } from './http-bridge.js';

/**
 * The discord.js client: Guilds (slash commands, threads) and Guild Messages (mentions of the
 * bot; neither is privileged), and the privileged Message Content intent only with
 * `messageContent` (AUTO_ANSWER_CHANNEL_IDS: reading posts that do not mention the bot). REST at
 * `config.apiUrl` (a proxy, or a fake Discord in tests; the gateway URL then comes from that
 * API's GET /gateway/bot), and mentions off unless a message allows them. In HTTP mode
 * `makeRequest` turns interaction callbacks into HTTP responses (see http-bridge.ts).
 */
export function createClient(config: Pick<Config, 'apiUrl' | 'shardCount'>, { messageContent = false, makeRequest }: { messageContent?: boolean; makeRequest?: MakeRequest } = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, ...(messageContent ? [GatewayIntentBits.MessageContent] : [])],
    rest: { api: config.apiUrl, ...(makeRequest === undefined ? {} : { makeRequest }) },
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits(CACHE_LIMITS),
    ...shardOptions(config.shardCount),
  });
}

/**
 * All shards in this one process: one index in memory, whatever the shard count. The options
 * are always explicit, because discord.js reads SHARD_COUNT from the environment itself when
 * `shardCount` is left at its default (1), and would read "auto" as NaN. With `auto`, the
 * count given is a placeholder that keeps it from doing so; the real one comes from
 * `GET /gateway/bot`.
 */
function shardOptions(shardCount: number | 'auto'): { shards: number[] | 'auto'; shardCount: number } {
  if (shardCount === 'auto') return { shards: 'auto', shardCount: 2 };
  return { shards: Array.from({ length: shardCount }, (_, i) => i), shardCount };
}

/**
 * What discord.js may keep. Every interaction brings its user and member, and discord.js
 * caches them for good: about 0.6 KB per distinct user, without bound. The bot answers from
 * the interaction itself and never looks users, members, messages or presences up, so it
 * keeps none (its own user and member excepted).
 */
const CACHE_LIMITS = {
  UserManager: { maxSize: 0, keepOverLimit: (user: { id: string; client: Client }) => user.id === user.client.user?.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member: { id: string; client: Client }) => member.id === member.client.user?.id },
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
} as const;
