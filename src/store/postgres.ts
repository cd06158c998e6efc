import pg from 'pg';
import { MIGRATIONS } from './schema.js';
import { assemble, DOWNVOTED_SQL, questionRow, TOTALS_SQL, UNANSWERED_SQL, VOTES_SQL, type DownvotedRow } from './sql.js';
import type { FeedbackReport, FeedbackStore, QuestionRecord, Vote, VoteOutcome } from './types.js';
import { newSecret } from './voter.js';
import { PostgresChangeFeed } from './change-feed.js';
import { buttonOf, SHARED_SQL, uploadOf, type ButtonRow, type ChangeFeed, type StoredButton, type StoredUpload, type UploadRow } from './shared-state.js';

/** Connections per bot process: writes are small and batched. */
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 5000;
/** Any fixed number: processes migrating one database at once take turns on it. */
const MIGRATION_LOCK = 7_150_522;

const QUESTION_COLUMNS = ['id', 'at', 'guildId', 'channelId', 'locale', 'question', 'normalized', 'abstained', 'uncertain', 'file', 'paragraph', 'score', 'private'] as const;

/**
 * The shared store: several bot processes or machines write to one PostgreSQL database. The
 * same schema and migrations as SQLite; the version is kept in `quelle_schema`, and a
 * migration holds an advisory lock so that two processes starting together migrate once.
 */
export class PostgresStore implements FeedbackStore {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #secret: string;

  readonly changes: ChangeFeed;

  private constructor(pool: pg.Pool, secret: string, url: string) {
    this.#pool = pool;
    this.#secret = secret;
    this.changes = new PostgresChangeFeed(pool, url);
  }

  /** Connects, migrates and reads the install secret. Rejects when the server is unreachable. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
      await pool.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', ['voter_secret', newSecret()]);
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', ['voter_secret']);
      return new PostgresStore(pool, (rows[0] as { value: string }).value, url);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }

  secret(): Promise<string> {
    return Promise.resolve(this.#secret);
  }

  async recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const values: (string | number | null)[] = [];
    const tuples = records.map((record, i) => {
      const row = questionRow(record);
      for (const column of QUESTION_COLUMNS) values.push(row[column] ?? null);
      return `(${QUESTION_COLUMNS.map((_, j) => `$${i * QUESTION_COLUMNS.length + j + 1}`).join(', ')})`;
    });
    await this.#pool.query(
      `INSERT INTO questions (id, at, guild_id, channel_id, locale, question, normalized, abstained, uncertain, file, paragraph, score, private)
       VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      values,
    );
  }

  async vote(vote: Vote): Promise<VoteOutcome> {
    return this.#transaction(async (client) => {
      const withdrawn = await client.query('DELETE FROM votes WHERE answer_id = $1 AND voter = $2 AND value = $3', [vote.answerId, vote.voter, vote.value]);
      if ((withdrawn.rowCount ?? 0) > 0) return 'withdrawn';
      const { rows } = await client.query<{ inserted: boolean }>(
        `INSERT INTO votes (answer_id, voter, value, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (answer_id, voter) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at
         RETURNING (xmax = 0) AS inserted`,
        [vote.answerId, vote.voter, vote.value, vote.at],
      );
      return rows[0]?.inserted === true ? 'recorded' : 'changed';
    });
  }

  async report(since: number, limit: number): Promise<FeedbackReport> {
    const [totals, votes, unanswered, downvoted] = await Promise.all([
      this.#pool.query<{ questions: string; abstained: string; uncertain: string }>(TOTALS_SQL, [since]),
      this.#pool.query<{ up: string; down: string }>(VOTES_SQL, [since]),
      this.#pool.query<{ question: string; count: string; last_asked: string; abstained: string }>(UNANSWERED_SQL, [since, limit]),
      this.#pool.query<DownvotedRow>(DOWNVOTED_SQL, [since, limit]),
    ]);
    return assemble(since, totals.rows[0] as { questions: string; abstained: string; uncertain: string }, votes.rows[0] as { up: string; down: string }, unanswered.rows, downvoted.rows);
  }

  async saveButton(button: StoredButton): Promise<void> {
    await this.#pool.query(SHARED_SQL.saveButton, [button.key, button.text, button.channelId, button.owner, button.at]);
  }

  async loadButton(key: string): Promise<StoredButton | undefined> {
    const { rows } = await this.#pool.query<ButtonRow>(SHARED_SQL.loadButton, [key]);
    return rows[0] === undefined ? undefined : buttonOf(rows[0]);
  }

  async takeCooldown(userKey: string, now: number, windowMs: number): Promise<number> {
    const taken = await this.#pool.query(SHARED_SQL.takeCooldown, [userKey, now + windowMs, now]);
    if ((taken.rowCount ?? 0) > 0) return 0;
    const { rows } = await this.#pool.query<{ until: string }>(SHARED_SQL.cooldownUntil, [userKey]);
    return Math.max(1, Number(rows[0]?.until ?? now) - now);
  }

  async putUpload(upload: StoredUpload): Promise<void> {
    await this.#pool.query(SHARED_SQL.putUpload, [upload.name, upload.content.toString('base64'), upload.record, upload.at]);
  }

  async deleteUpload(name: string): Promise<void> {
    await this.#pool.query(SHARED_SQL.deleteUpload, [name]);
  }

  async uploads(): Promise<StoredUpload[]> {
    const { rows } = await this.#pool.query<UploadRow>(SHARED_SQL.uploads);
    return rows.map(uploadOf);
  }

  async purge(before: number): Promise<number> {
    return this.#transaction(async (client) => {
      await client.query(SHARED_SQL.purgeButtons, [before]);
      await client.query(SHARED_SQL.purgeCooldowns, [before]);
      const questions = await client.query('DELETE FROM questions WHERE at < $1', [before]);
      const votes = await client.query('DELETE FROM votes WHERE at < $1', [before]);
      return (questions.rowCount ?? 0) + (votes.rowCount ?? 0);
    });
  }

  async ping(): Promise<void> {
    await this.#pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return withClient(this.#pool, (client) => inTransaction(client, () => work(client)));
  }
}

/**
 * Runs `work` on a client of the pool. A checked-out client has no pool listener: a
 * connection lost meanwhile (the server went down) would be an unhandled 'error' event and end
 * the process. The query in flight rejects anyway.
 */
async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  client.on('error', ignore);
  try {
    return await work(client);
  } finally {
    client.off('error', ignore);
    client.release();
  }
}

/** `work` between BEGIN and COMMIT, rolled back when it fails. */
async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function ignore(): void {}

function migrate(pool: pg.Pool): Promise<void> {
  return withClient(pool, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS quelle_schema (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM quelle_schema');
      const version = rows[0]?.version ?? 0;
      if (version > MIGRATIONS.length) throw new Error(`Quelle: the PostgreSQL store has schema version ${version}, newer than this Quelle knows (${MIGRATIONS.length})`);
      for (let v = version; v < MIGRATIONS.length; v++) {
        await inTransaction(client, async () => {
          for (const sql of MIGRATIONS[v] as readonly string[]) await client.query(sql);
          await client.query('DELETE FROM quelle_schema');
          await client.query('INSERT INTO quelle_schema (version) VALUES ($1)', [v + 1]);
        });
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}
