import { ok } from './rest-reply.js';
import type { RestReply, RouteContext } from './rest-reply.js';
import type { FakeWorld } from './world.js';

/**
 * Who the bot is and where its gateway is. discord.js calls `GET /gateway/bot` on login and
 * connects to `${url}?v=10&encoding=json`; the generous session limits keep its identify
 * throttle from waiting.
 */
export class BotRoutes {
  constructor(
    private readonly world: FakeWorld,
    private readonly gatewayUrl: string,
    /** What `GET /gateway/bot` recommends, for SHARD_COUNT=auto. */
    private readonly recommendedShards: number = 1,
  ) {}

  route(context: RouteContext): RestReply | undefined {
    if (context.method !== 'GET') return undefined;
    const path = context.segments.join('/');
    switch (path) {
      case 'gateway/bot':
        return ok({
          url: this.gatewayUrl,
          shards: this.recommendedShards,
          // Shards of one bucket identify together: no 5 s wait between shards in tests.
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 },
        });
      case 'gateway':
        return ok({ url: this.gatewayUrl });
      case 'users/@me':
        return ok(this.world.botUser);
      case 'applications/@me':
        return ok({
          id: this.world.applicationId,
          name: this.world.botUser.username,
          description: '',
          icon: null,
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: '',
          flags: 0,
          bot: this.world.botUser,
        });
      default:
        return undefined;
    }
  }
}
