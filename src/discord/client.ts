import { Client, GatewayIntentBits } from 'discord.js';
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
  });
}
