import pg from 'pg';
import type { ChangeFeed, ChangeMessage } from './shared-state.js';

/** The channel every replica listens on. */
export const CHANGE_CHANNEL = 'quelle_changes';
/** After a lost listening connection, the next attempt comes this much later. */
const RECONNECT_MS = 1000;

/**
 * Corpus changes between replicas through PostgreSQL's LISTEN/NOTIFY: NOTIFY goes through the
 * pool; each subscriber holds one connection of its own for LISTEN (a pooled connection would
 * be handed to other queries) and opens it again when it is lost. A message missed while the
 * connection was down is made up for on reconnect: the listener is called with a `corpus`
 * message, since the replica cannot know what it missed.
 */
export class PostgresChangeFeed implements ChangeFeed {
  readonly #pool: pg.Pool;
  readonly #url: string;

  constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.#url = url;
  }

  async publish(message: ChangeMessage): Promise<void> {
    await this.#pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(message)]);
  }

  async subscribe(listener: (message: ChangeMessage) => void): Promise<() => Promise<void>> {
    let client: pg.Client | undefined;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: this.#url });
      // A lost connection is an 'error' and an 'end': listen again later, never crash.
      next.on('error', () => undefined);
      next.on('end', () => {
        if (stopped || client !== next) return;
        client = undefined;
        retry();
      });
      next.on('notification', (notification) => {
        const message = parse(notification.payload);
        if (message !== undefined) listener(message);
      });
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
    };
    const retry = (): void => {
      timer = setTimeout(() => {
        connect().then(
          // Whatever was published while this replica was deaf: look again.
          () => listener({ kind: 'corpus', origin: 'reconnect' }),
          () => retry(),
        );
      }, RECONNECT_MS);
      timer.unref();
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = undefined;
    };
  }
}

function parse(payload: string | undefined): ChangeMessage | undefined {
  try {
    const value = JSON.parse(payload ?? '') as Partial<ChangeMessage>;
    if ((value.kind === 'corpus' || value.kind === 'reload') && typeof value.origin === 'string') return { kind: value.kind, origin: value.origin };
  } catch {
    // Not ours: ignored.
  }
  return undefined;
}
