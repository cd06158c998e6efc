import type { ChangeFeed, ChangeMessage, StoredUpload } from '../store/shared-state.js';

export type { ChangeMessage };

/** What replicas use of the store: its uploads and its change feed (PostgreSQL). */
export interface FeedbackStoreLike {
  readonly changes?: ChangeFeed;
  putUpload(upload: StoredUpload): Promise<void>;
  deleteUpload(name: string): Promise<void>;
  uploads(): Promise<StoredUpload[]>;
}
