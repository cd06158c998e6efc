import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { Logger } from 'pino';
import { localeOf, messages } from '../answers/i18n.js';
import type { Config } from '../config.js';
import { botRouter, type BotServices } from './bot.js';
import { createClient } from './client.js';
import { malformed, refusal } from './raw-guard.js';
import { CallbackExchange, UnhandledInteractionError, type InteractionResponse } from './http-bridge.js';

/** Discord's response to an interaction kind the bot does not know: a private note, in the user's language. */
function unknownKindResponse(interaction: unknown): InteractionResponse {
  const t = messages(localeOf((interaction as { locale?: unknown }).locale as string | undefined));
  return { type: InteractionResponseType.ChannelMessageWithSource, data: { content: `${t.unknownActionTitle}: ${t.unknownActionText}`, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } };
}

export interface HttpBot {
  /** Answers one verified interaction (not PING) with its interaction response. */
  readonly handle: (interaction: unknown) => Promise<InteractionResponse>;
  /** Interactions still waiting for their response. */
  readonly waiting: () => number;
  /** Releases the client (no gateway to close; REST queues only). */
  stop(): Promise<void>;
}

/**
 * The bot in HTTP interactions mode: a discord.js client that never logs in, the same router
 * as the gateway, and the callback exchange that makes each first response the HTTP answer.
 * Follow-ups go to `config.apiUrl` through the interaction's webhook, which needs no token.
 */
export function createHttpBot(config: Config, services: BotServices, logger: Logger): HttpBot {
  const exchange = new CallbackExchange();
  const client = createClient(config, { makeRequest: exchange.makeRequest });
  const route = botRouter(config, services, logger);
  return {
    handle: async (interaction) => {
      // As at the gateway (raw-guard.ts): discord.js would throw on it before our router runs.
      const problem = malformed(interaction);
      if (problem !== undefined) {
        logger.warn({ interactionId: (interaction as { id?: unknown }).id, problem }, 'malformed interaction');
        return refusal(interaction as Record<string, unknown>);
      }
      try {
        return await exchange.answer(client, interaction as { id: string }, route);
      } catch (err) {
        if (!(err instanceof UnhandledInteractionError)) throw err;
        logger.warn({ type: (interaction as { type?: unknown }).type }, 'unsupported interaction type');
        return unknownKindResponse(interaction);
      }
    },
    waiting: () => exchange.waiting,
    stop: () => client.destroy(),
  };
}
