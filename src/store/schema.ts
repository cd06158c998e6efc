/**
 * The schema, as forward migrations shared by both stores: migration N takes a store from
 * version N to N+1. Written in the SQL both SQLite and PostgreSQL read the same way (TEXT,
 * BIGINT, INTEGER, DOUBLE PRECISION; times as milliseconds since the epoch, booleans as 0/1).
 * Never edit a released migration; append one.
 */
export const MIGRATIONS: readonly (readonly string[])[] = [
  [
    'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    `CREATE TABLE questions (
      id TEXT PRIMARY KEY,
      at BIGINT NOT NULL,
      guild_id TEXT,
      channel_id TEXT,
      locale TEXT NOT NULL,
      question TEXT,
      normalized TEXT,
      abstained INTEGER NOT NULL,
      file TEXT,
      paragraph INTEGER,
      score DOUBLE PRECISION,
      private INTEGER NOT NULL
    )`,
    'CREATE INDEX questions_at ON questions (at)',
    'CREATE INDEX questions_unanswered ON questions (abstained, normalized)',
    `CREATE TABLE votes (
      answer_id TEXT NOT NULL,
      voter TEXT NOT NULL,
      value INTEGER NOT NULL,
      at BIGINT NOT NULL,
      PRIMARY KEY (answer_id, voter)
    )`,
    'CREATE INDEX votes_at ON votes (at)',
  ],
  // Issue 21: an answer may be shown as uncertain (passages under a warning); reported beside the unanswered.
  ['ALTER TABLE questions ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0'],
  // Issue 23: what replicas share. The question behind a page button (its owner as a keyed
  // hash, never a Discord id), per-user cooldowns (keyed hashes too), and uploaded articles
  // (base64), so that any replica answers any press and learns of every upload.
  [
    `CREATE TABLE buttons (
      key TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      channel_id TEXT,
      owner TEXT,
      at BIGINT NOT NULL
    )`,
    'CREATE INDEX buttons_at ON buttons (at)',
    'CREATE TABLE cooldowns (user_key TEXT PRIMARY KEY, until BIGINT NOT NULL)',
    `CREATE TABLE uploads (
      name TEXT PRIMARY KEY,
      content TEXT NOT NULL,
      record TEXT NOT NULL,
      at BIGINT NOT NULL
    )`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The reports read no further than this many groups or answers. */
export const REPORT_ROWS_MAX = 1000;
