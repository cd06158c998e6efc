import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema.js';
import { assemble, DOWNVOTED_SQL, questionRow, TOTALS_SQL, UNANSWERED_SQL, VOTES_SQL, type DownvotedRow } from './sql.js';
import type { FeedbackReport, FeedbackStore, QuestionRecord, Vote, VoteOutcome } from './types.js';
import { newSecret } from './voter.js';
import { buttonOf, SHARED_SQL, uploadOf, type ButtonRow, type StoredButton, type StoredUpload, type UploadRow } from './shared-state.js';

/** How long a write waits for another process's lock before it fails. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * The embedded store: one SQLite file, in WAL mode (readers never block the writer), with a
 * busy timeout (two bot processes on one file wait for each other instead of failing), schema
 * versions in `PRAGMA user_version`, and every statement prepared once. better-sqlite3 is
 * synchronous; the async interface is the one the PostgreSQL store needs too.
 */
export class SqliteStore implements FeedbackStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #insertQuestion: Database.Statement;
  readonly #insertQuestions: (records: readonly QuestionRecord[]) => void;
  readonly #vote: (vote: Vote) => VoteOutcome;
  readonly #secret: string;

  /** Opens (creating the file and its folder) and migrates. Throws when the file is not a usable database. */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.#db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    try {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      migrate(this.#db);
      this.#db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run('voter_secret', newSecret());
      this.#secret = (this.#db.prepare('SELECT value FROM meta WHERE key = ?').get('voter_secret') as { value: string }).value;
    } catch (err) {
      this.#db.close();
      throw err;
    }
    this.#insertQuestion = this.#db.prepare(
      `INSERT INTO questions (id, at, guild_id, channel_id, locale, question, normalized, abstained, uncertain, file, paragraph, score, private)
       VALUES (@id, @at, @guildId, @channelId, @locale, @question, @normalized, @abstained, @uncertain, @file, @paragraph, @score, @private)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.#insertQuestions = this.#db.transaction((records: readonly QuestionRecord[]) => {
      for (const r of records) this.#insertQuestion.run(questionRow(r));
    });
    const withdraw = this.#db.prepare('DELETE FROM votes WHERE answer_id = ? AND voter = ? AND value = ?');
    const upsert = this.#db.prepare(
      `INSERT INTO votes (answer_id, voter, value, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (answer_id, voter) DO UPDATE SET value = excluded.value, at = excluded.at`,
    );
    const existing = this.#db.prepare('SELECT value FROM votes WHERE answer_id = ? AND voter = ?');
    this.#vote = this.#db.transaction((vote: Vote): VoteOutcome => {
      if (withdraw.run(vote.answerId, vote.voter, vote.value).changes > 0) return 'withdrawn';
      const before = existing.get(vote.answerId, vote.voter);
      upsert.run(vote.answerId, vote.voter, vote.value, vote.at);
      return before === undefined ? 'recorded' : 'changed';
    });
  }

  secret(): Promise<string> {
    return Promise.resolve(this.#secret);
  }

  recordQuestions(records: readonly QuestionRecord[]): Promise<void> {
    return attempt(() => this.#insertQuestions(records));
  }

  vote(vote: Vote): Promise<VoteOutcome> {
    return attempt(() => this.#vote(vote));
  }

  report(since: number, limit: number): Promise<FeedbackReport> {
    return attempt(() => {
      const totals = this.#db.prepare(positional(TOTALS_SQL)).get(since) as { questions: number; abstained: number; uncertain: number };
      const votes = this.#db.prepare(positional(VOTES_SQL)).get(since) as { up: number; down: number };
      const unanswered = this.#db.prepare(positional(UNANSWERED_SQL)).all(since, limit) as { question: string; count: number; last_asked: number; abstained: number }[];
      const downvoted = this.#db.prepare(positional(DOWNVOTED_SQL)).all(since, limit) as DownvotedRow[];
      return assemble(since, totals, votes, unanswered, downvoted);
    });
  }

  purge(before: number): Promise<number> {
    return attempt(
      () =>
        this.#db.transaction(() => {
          this.#db.prepare(positional(SHARED_SQL.purgeButtons)).run(before);
          this.#db.prepare(positional(SHARED_SQL.purgeCooldowns)).run(before);
          return this.#db.prepare('DELETE FROM questions WHERE at < ?').run(before).changes + this.#db.prepare('DELETE FROM votes WHERE at < ?').run(before).changes;
        })(),
    );
  }

  saveButton(button: StoredButton): Promise<void> {
    return attempt(() => {
      this.#db.prepare(positional(SHARED_SQL.saveButton)).run(button.key, button.text, button.channelId, button.owner, button.at);
    });
  }

  loadButton(key: string): Promise<StoredButton | undefined> {
    return attempt(() => {
      const row = this.#db.prepare(positional(SHARED_SQL.loadButton)).get(key) as ButtonRow | undefined;
      return row === undefined ? undefined : buttonOf(row);
    });
  }

  takeCooldown(userKey: string, now: number, windowMs: number): Promise<number> {
    return attempt(() => {
      const taken = this.#db.prepare(positional(SHARED_SQL.takeCooldown)).get(userKey, now + windowMs, now);
      if (taken !== undefined) return 0;
      const row = this.#db.prepare(positional(SHARED_SQL.cooldownUntil)).get(userKey) as { until: number } | undefined;
      return Math.max(1, (row?.until ?? now) - now);
    });
  }

  putUpload(upload: StoredUpload): Promise<void> {
    return attempt(() => {
      this.#db.prepare(positional(SHARED_SQL.putUpload)).run(upload.name, upload.content.toString('base64'), upload.record, upload.at);
    });
  }

  deleteUpload(name: string): Promise<void> {
    return attempt(() => {
      this.#db.prepare(positional(SHARED_SQL.deleteUpload)).run(name);
    });
  }

  uploads(): Promise<StoredUpload[]> {
    return attempt(() => (this.#db.prepare(SHARED_SQL.uploads).all() as UploadRow[]).map(uploadOf));
  }

  ping(): Promise<void> {
    return attempt(() => {
      this.#db.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    if (this.#db.open) this.#db.close();
    return Promise.resolve();
  }
}

/** Applies the migrations past the file's `user_version`, each in one transaction. */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new Error(`Quelle: the SQLite store has schema version ${version}, newer than this Quelle knows (${MIGRATIONS.length})`);
  MIGRATIONS.slice(version).forEach((statements, i) => {
    db.transaction(() => {
      for (const sql of statements) db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    })();
  });
}

/** A synchronous step as a promise, so that a failure rejects rather than throws. */
function attempt<T>(step: () => T): Promise<T> {
  try {
    return Promise.resolve(step());
  } catch (err) {
    return Promise.reject(err as Error);
  }
}


/** PostgreSQL's numbered parameters ($1, $2) as SQLite's positional ones, in order. */
function positional(sql: string): string {
  return sql.replace(/\$\d+/gu, '?');
}
