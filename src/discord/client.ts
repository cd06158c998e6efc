import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.js';

/**
 * The discord.js client: the Guilds intent only (slash commands need no privileged intent),
 * REST at `config.apiUrl` (a proxy, or a fake Discord in tests; the gateway URL then comes
 * from that API's GET /gateway/bot), and mentions off unless a message allows them.
 */
export function createClient(config: Pick<Config, 'apiUrl'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiUrl },
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits(CACHE_LIMITS),
  });
}

/**
 * What discord.js may keep. Every interaction brings its user and member, and discord.js
 * caches them for good: about 0.6 KB per distinct user, without bound. The bot answers from
 * the interaction itself and never looks users, members, messages or presences up, so it
 * keeps none (its own user and member excepted).
 */
export const CACHE_LIMITS = {
  UserManager: { maxSize: 0, keepOverLimit: (user: { id: string; client: Client }) => user.id === user.client.user?.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member: { id: string; client: Client }) => member.id === member.client.user?.id },
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
} as const;
