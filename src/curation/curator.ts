import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, SkippedFile } from '../corpus/types.js';
import type { Engine } from '../search/types.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { checkArticle } from './check-article.js';
import { downloadAttachment } from './download.js';
import { CurationError } from './errors.js';
import { sanitizeUploadName } from './file-name.js';
import { readManifest, writeManifest, type UploadRecord } from './manifest.js';

/** What the curator reads of a rebuild: the new engine and the files it skipped. */
export interface Rebuilt {
  readonly after: Engine;
  readonly skipped: readonly SkippedFile[];
}

/** The index the curator changes: the Library in production (its ReloadReport is a Rebuilt). */
export interface CuratedLibrary {
  readonly engine: Engine;
  /** Rebuilds from the dir as it is now (see Library.refresh). */
  refresh(): Promise<Rebuilt>;
}

/** The log calls curation makes; a pino logger fits. */
export interface CuratorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface CuratorOptions {
  readonly corpusDir: string;
  /** Inside the corpus dir (checked by loadConfig). */
  readonly uploadDir: string;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly cdnUrl: string;
  readonly library: CuratedLibrary;
  readonly logger: CuratorLogger;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  /**
   * Replicas (PostgreSQL): every upload and removal is kept there first and announced to the
   * other replicas; when that fails, nothing changes here either.
   */
  readonly mirror?: UploadMirror;
}

/** Where uploads are kept beyond this process (see replicas/replicas.ts). */
export interface UploadMirror {
  put(name: string, content: Buffer, record: UploadRecord): Promise<void>;
  remove(name: string): Promise<void>;
}

/** A moderator, as the manifest and the log keep them. */
export interface Moderator {
  readonly id: string;
  readonly name: string;
}

/** What `/corpus add` asks for. */
export interface AddRequest {
  /** The attachment's file name, as the uploader's client sent it. */
  readonly name: string;
  readonly url: string;
  /** The size Discord declares for the attachment. */
  readonly size: number;
  readonly replace: boolean;
  readonly by: Moderator;
}

export interface AddResult {
  /** The article's source id: its path relative to the corpus dir. */
  readonly file: string;
  readonly replaced: boolean;
  /** The article as the new index has it; undefined when the reload failed or skipped it. */
  readonly article: Article | undefined;
  /** Why the new index does not hold it, when it does not. */
  readonly problem: string | undefined;
}

export interface RemoveResult {
  readonly file: string;
  /** Why the index still holds it: the reload failed. */
  readonly problem: string | undefined;
}

/** One article of `/corpus list`. */
export interface ListedArticle {
  readonly file: string;
  readonly title: string;
  readonly paragraphs: number;
  /** Bytes on disk; undefined when the file is gone since the last build. */
  readonly bytes: number | undefined;
  /** Set for uploads: who and when (from the manifest; undefined for uploads it lacks). */
  readonly upload: { readonly uploaded: true; readonly record: UploadRecord | undefined } | undefined;
}

/**
 * Changes the corpus on behalf of moderators: writes uploads into the upload folder and
 * removes them, keeps a manifest of who uploaded what, and rebuilds the index afterwards.
 * Changes to the folder run one at a time (uploads arriving together are written in turn and
 * none is lost); downloads and checks run before, in parallel, and write nothing.
 */
export class Curator {
  readonly #options: CuratorOptions;
  readonly #now: () => Date;
  /** Relative path of the upload folder from the corpus dir, with "/" and a trailing "/". */
  readonly #prefix: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: CuratorOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#prefix = `${path.relative(path.resolve(options.corpusDir), path.resolve(options.uploadDir)).split(path.sep).join('/')}/`;
  }

  /** Whether an article (by its source id) lies in the upload folder, so may be removed from Discord. */
  isUpload(file: string): boolean {
    return file.startsWith(this.#prefix) && !file.slice(this.#prefix.length).includes('/');
  }

  /** Whether the index in service has an article of that source id. */
  isKnown(file: string): boolean {
    return this.#options.library.engine.article(file) !== undefined;
  }

  /** Articles and paragraphs of the index in service. */
  indexStats(): { articles: number; paragraphs: number } {
    const { articles, paragraphs } = this.#options.library.engine.stats();
    return { articles, paragraphs };
  }

  /** Uploaded articles of the index in service, for autocomplete. */
  uploads(): Article[] {
    return this.#options.library.engine.articles().filter((a) => this.isUpload(a.file));
  }

  async add(request: AddRequest): Promise<AddResult> {
    const name = sanitizeUploadName(request.name);
    const file = this.#prefix + name;
    const bytes = await downloadAttachment(request.url, request.size, this.#options);
    checkArticle(file, bytes);
    const replaced = await this.#serially(async () => {
      const target = path.join(this.#options.uploadDir, name);
      const exists = await isFile(target);
      if (exists && !request.replace) throw new CurationError('exists', `${file} exists; upload with replace:true to replace it`, file);
      const record: UploadRecord = { name, bytes: bytes.byteLength, uploaderId: request.by.id, uploaderName: request.by.name, uploadedAt: this.#now().toISOString() };
      await this.#options.mirror?.put(name, Buffer.from(bytes), record);
      await mkdir(this.#options.uploadDir, { recursive: true });
      await writeFileAtomic(target, bytes);
      const manifest = await this.#manifest();
      manifest.set(name, record);
      await writeManifest(this.#options.uploadDir, manifest);
      this.#options.logger.info({ file, bytes: bytes.byteLength, replaced: exists, userId: request.by.id, user: request.by.name }, exists ? 'corpus: article replaced' : 'corpus: article added');
      return exists;
    });
    try {
      const report = await this.#options.library.refresh();
      const article = report.after.article(file);
      const skipped = report.skipped.find((s) => s.file === file);
      return { file, replaced, article, problem: article === undefined ? (skipped?.reason ?? 'not in the new index') : undefined };
    } catch (err) {
      return { file, replaced, article: undefined, problem: err instanceof Error ? err.message : String(err) };
    }
  }

  async remove(file: string, by: Moderator): Promise<RemoveResult> {
    if (!this.isUpload(file)) {
      const known = this.isKnown(file);
      throw new CurationError(known ? 'not-uploaded' : 'not-found', known ? `${file} was placed by the operator; only uploads can be removed from Discord` : `there is no upload ${file}`, file);
    }
    const name = file.slice(this.#prefix.length);
    await this.#serially(async () => {
      const target = path.join(this.#options.uploadDir, name);
      if (!(await isFile(target))) throw new CurationError('not-found', `there is no upload ${file}`, file);
      await this.#options.mirror?.remove(name);
      await rm(target);
      const manifest = await this.#manifest();
      if (manifest.delete(name)) await writeManifest(this.#options.uploadDir, manifest);
      this.#options.logger.info({ file, userId: by.id, user: by.name }, 'corpus: article removed');
    });
    try {
      await this.#options.library.refresh();
      return { file, problem: undefined };
    } catch (err) {
      return { file, problem: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The articles in service, with their source, size and uploader. */
  async list(): Promise<ListedArticle[]> {
    const manifest = await this.#manifest();
    return Promise.all(
      this.#options.library.engine.articles().map(async (article) => {
        const info = await stat(path.join(this.#options.corpusDir, article.file)).catch(() => undefined);
        const upload = this.isUpload(article.file) ? { uploaded: true as const, record: manifest.get(article.file.slice(this.#prefix.length)) } : undefined;
        return { file: article.file, title: article.title, paragraphs: article.paragraphs.length, bytes: info?.size, upload };
      }),
    );
  }

  #manifest(): Promise<Map<string, UploadRecord>> {
    return readManifest(this.#options.uploadDir, (err) => this.#options.logger.warn({ err }, 'corpus: the upload manifest is unreadable; uploaders are unknown'));
  }

  /** Runs `task` after every change queued before it, whether those succeeded or not. */
  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
