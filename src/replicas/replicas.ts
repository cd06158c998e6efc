import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { UploadRecord } from '../curation/manifest.js';
import type { ChangeMessage } from '../store/shared-state.js';
import type { FeedbackStore } from '../store/types.js';
import { syncUploads } from './sync-uploads.js';

/** What replicas rebuild: the Library (refresh after an upload, reload after /reload). */
export interface ReplicatedLibrary {
  refresh(): Promise<unknown>;
  reload(): Promise<unknown>;
}

export interface ReplicasOptions {
  /** The PostgreSQL store: uploads and the change feed. */
  readonly store: Pick<FeedbackStore, 'changes' | 'putUpload' | 'deleteUpload' | 'uploads'>;
  readonly uploadDir: string;
  readonly logger: Logger;
}

/**
 * Replicas of one bot on one PostgreSQL store (issue 23). Uploads are kept in the store, and
 * every change is announced on the store's feed: each replica writes the uploads to its own
 * upload folder and rebuilds with the build-beside-and-swap of /reload; /reload on one
 * replica reloads all. A replica that starts later takes the uploads from the store before its
 * first build. Operator files stay on each replica's disk.
 */
export class Replicas {
  /** This process, so that it does not follow its own announcements. */
  readonly id = randomBytes(6).toString('base64url');
  readonly #options: ReplicasOptions;
  #unsubscribe: (() => Promise<void>) | undefined;
  #following: Promise<void> = Promise.resolve();

  constructor(options: ReplicasOptions) {
    this.#options = options;
  }

  /** Writes the store's uploads to the upload folder (before the first build). */
  async syncUploads(): Promise<void> {
    const report = await syncUploads(this.#options.uploadDir, await this.#options.store.uploads(), (err) => this.#options.logger.warn({ err }, 'replicas: the upload manifest is unreadable'));
    if (report.written.length > 0 || report.removed.length > 0) this.#options.logger.info({ written: report.written, removed: report.removed }, 'replicas: uploads taken from the store');
  }

  /** Follows the other replicas' changes until stop(), rebuilding `library`. */
  async start(library: ReplicatedLibrary): Promise<void> {
    const feed = this.#options.store.changes;
    if (feed === undefined) return;
    this.#unsubscribe = await feed.subscribe((message) => {
      if (message.origin === this.id) return;
      // One change at a time, in order: a reload never overtakes the upload before it.
      this.#following = this.#following.then(() => this.#follow(message, library));
    });
  }

  async stop(): Promise<void> {
    await this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** For the Curator: an upload written here is kept in the store and announced. */
  readonly mirror = {
    put: async (name: string, content: Buffer, record: UploadRecord): Promise<void> => {
      await this.#options.store.putUpload({ name, content, record: JSON.stringify(record), at: Date.now() });
      await this.#announce('corpus');
    },
    remove: async (name: string): Promise<void> => {
      await this.#options.store.deleteUpload(name);
      await this.#announce('corpus');
    },
  };

  /** For /reload: the other replicas reload too. */
  reloaded(): Promise<void> {
    return this.#announce('reload');
  }

  async #announce(kind: ChangeMessage['kind']): Promise<void> {
    await this.#options.store.changes?.publish({ kind, origin: this.id });
  }

  async #follow(message: ChangeMessage, library: ReplicatedLibrary): Promise<void> {
    const { logger } = this.#options;
    try {
      if (message.kind === 'corpus') {
        await this.syncUploads();
        await library.refresh();
      } else await library.reload();
      logger.info({ kind: message.kind, from: message.origin }, 'replicas: rebuilt after a change on another replica');
    } catch (err) {
      // The old index stays in service, as after a failed /reload.
      logger.error({ err, kind: message.kind, from: message.origin }, 'replicas: rebuild after a change on another replica failed');
    }
  }
}
