/**
 * What replicas of the bot share through the store (issue 23): the questions behind page
 * buttons, per-user cooldowns, uploaded articles, and, on PostgreSQL, a feed of corpus
 * changes. Both stores keep the first three (with SQLite, buttons then survive a restart); only
 * PostgreSQL has the feed, since SQLite serves one process. No Discord types here.
 */

/** The question behind a "More results" or "Post in channel" button. */
export interface StoredButton {
  /** The random key in the button's custom_id. */
  readonly key: string;
  readonly text: string;
  /** The channel the answer was made in; a press elsewhere is refused. */
  readonly channelId: string | null;
  /** For a private answer: a keyed hash of the asker (see voter.ts), never a Discord id. */
  readonly owner: string | null;
  /** Milliseconds since the epoch; purged with the questions. */
  readonly at: number;
}

/** An article uploaded with /corpus add, as every replica writes it to its upload folder. */
export interface StoredUpload {
  /** The file name inside the upload folder. */
  readonly name: string;
  readonly content: Buffer;
  /** The manifest entry (who uploaded it, when), as JSON. */
  readonly record: string;
  readonly at: number;
}

export interface SharedStateStore {
  saveButton(button: StoredButton): Promise<void>;
  loadButton(key: string): Promise<StoredButton | undefined>;
  /**
   * Starts a cooldown of `windowMs` for `userKey` unless one runs: 0 when it started, else the
   * milliseconds left. Atomic, so two replicas cannot both start one.
   */
  takeCooldown(userKey: string, now: number, windowMs: number): Promise<number>;
  putUpload(upload: StoredUpload): Promise<void>;
  deleteUpload(name: string): Promise<void>;
  uploads(): Promise<StoredUpload[]>;
}

/** A change one replica made that the others must follow. */
export type ChangeMessage = { readonly kind: 'corpus' | 'reload'; readonly origin: string };

/** PostgreSQL's LISTEN/NOTIFY: every subscriber, on any replica, gets every published message. */
export interface ChangeFeed {
  publish(message: ChangeMessage): Promise<void>;
  /** Listens until the returned function is called; reconnects after a lost connection. */
  subscribe(listener: (message: ChangeMessage) => void): Promise<() => Promise<void>>;
}

/** The SQL both stores run for the shared state ($n placeholders; SQLite gets them as ?). */
export const SHARED_SQL = {
  saveButton: 'INSERT INTO buttons (key, text, channel_id, owner, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO UPDATE SET at = EXCLUDED.at',
  loadButton: 'SELECT key, text, channel_id, owner, at FROM buttons WHERE key = $1',
  // Inserts, or replaces a cooldown that has run out; a running one returns no row.
  takeCooldown: 'INSERT INTO cooldowns (user_key, until) VALUES ($1, $2) ON CONFLICT (user_key) DO UPDATE SET until = EXCLUDED.until WHERE cooldowns.until <= $3 RETURNING until',
  cooldownUntil: 'SELECT until FROM cooldowns WHERE user_key = $1',
  putUpload: 'INSERT INTO uploads (name, content, record, at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content, record = EXCLUDED.record, at = EXCLUDED.at',
  deleteUpload: 'DELETE FROM uploads WHERE name = $1',
  uploads: 'SELECT name, content, record, at FROM uploads ORDER BY name',
  purgeButtons: 'DELETE FROM buttons WHERE at < $1',
  purgeCooldowns: 'DELETE FROM cooldowns WHERE until < $1',
} as const;

export interface ButtonRow {
  key: string;
  text: string;
  channel_id: string | null;
  owner: string | null;
  at: number | string;
}

export interface UploadRow {
  name: string;
  content: string;
  record: string;
  at: number | string;
}

export function buttonOf(row: ButtonRow): StoredButton {
  return { key: row.key, text: row.text, channelId: row.channel_id, owner: row.owner, at: Number(row.at) };
}

export function uploadOf(row: UploadRow): StoredUpload {
  return { name: row.name, content: Buffer.from(row.content, 'base64'), record: row.record, at: Number(row.at) };
}
