import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { storeContract, type StoredCell } from './contract.js';

const dir = mkdtempSync(path.join(tmpdir(), 'quelle-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const files = new Map<SqliteStore, string>();

storeContract(
  'SQLite',
  async () => {
    const file = path.join(dir, `store-${n++}`, 'quelle.sqlite');
    const store = new SqliteStore(file);
    files.set(store, file);
    return Promise.resolve(store);
  },
  async (store) => {
    const file = files.get(store as SqliteStore) as string;
    await store.close();
    return new SqliteStore(file);
  },
  (store) => Promise.resolve(storedCells(files.get(store as SqliteStore) as string)),
);

/**
 * Everything a closed store's file holds: the file's bytes as they are on disk (free pages,
 * where deleted rows linger, included), then every column of every row of every table.
 */
function storedCells(file: string): StoredCell[] {
  const cells: StoredCell[] = [];
  for (const part of [file, `${file}-wal`, `${file}-journal`]) {
    if (existsSync(part)) cells.push({ table: '(file bytes)', column: path.basename(part), value: readFileSync(part).toString('latin1') });
  }
  const db = new Database(file, { readonly: true });
  try {
    // Exact digits for big integers, should a column ever hold an id as a number.
    db.defaultSafeIntegers(true);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    for (const { name } of tables) {
      for (const row of db.prepare<[], Record<string, unknown>>(`SELECT * FROM "${name}"`).all()) {
        for (const [column, value] of Object.entries(row)) cells.push({ table: name, column, value: String(value) });
      }
    }
  } finally {
    db.close();
  }
  return cells;
}

describe('SqliteStore', () => {
  it('creates its folder, runs in WAL mode, and records the schema version', async () => {
    const file = path.join(dir, 'new', 'deep', 'quelle.sqlite');
    const store = new SqliteStore(file);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a file that is not a database, and one from a newer Quelle', () => {
    const junk = path.join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text that is long enough to have a header');
    expect(() => new SqliteStore(junk)).toThrow(/not a database/u);
    const newer = path.join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(newer)).toThrow(`Quelle: the SQLite store has schema version ${SCHEMA_VERSION + 1}, newer than this Quelle knows (${SCHEMA_VERSION})`);
  });
});
