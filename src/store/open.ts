import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { FeedbackStore, StoreLocation } from './types.js';

/** Opens the store the location names, migrating it. Rejects when it cannot be opened. */
export async function openStore(location: StoreLocation): Promise<FeedbackStore> {
  return location.kind === 'sqlite' ? new SqliteStore(location.file) : PostgresStore.open(location.url);
}
