import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

/** The log calls the cache makes; a pino logger fits. */
export interface CacheLogger {
  warn(obj: object, msg: string): void;
}

export interface EmbeddingCacheOptions {
  /** The folder of the cache file (INDEX_CACHE_DIR, or ./data); created when first saved. */
  readonly dir: string;
  /** The model the vectors are from: one file per model, and a file of another model is never used. */
  readonly model: string;
  /**
   * Keeps apart the files of bots that share the folder and would otherwise drop each other's
   * vectors with `retain` (the corpus dir, say); none by default.
   */
  readonly scope?: string;
  readonly logger: CacheLogger;
}

/** What `put` did: stored the vector, or stored it after dropping every vector of another dimension. */
export type PutResult = { readonly kind: 'stored' } | { readonly kind: 'dimension-changed'; readonly from: number; readonly to: number };

/** First bytes of a cache file. */
const MAGIC = Buffer.from('QVECTORS', 'latin1');
const VERSION = 1;
/** Bytes of a key (a sha256) and of the checksum at the end. */
const HASH_BYTES = 32;
/** Magic, version, header length. */
const PREAMBLE = MAGIC.length + 8;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A file that is not a cache file of this model, with the reason. */
class Unusable extends Error {}

/**
 * Passage vectors kept on disk across restarts, keyed by the model and the sha256 of the exact
 * text sent (prefix included): an unchanged passage is never sent again, whatever else changed.
 *
 * The file, little-endian: `QVECTORS`, u32 version, u32 header length, the header as JSON
 * (`{"model","dim","count"}`) padded to 4 bytes, `count` keys of 32 bytes, `count × dim`
 * float32 values, and a sha256 of everything before it. It is written whole and atomically;
 * a damaged, truncated or foreign file is ignored with a warning (its vectors are embedded
 * again), never an error. All vectors have one dimension: a vector of another (a new model
 * under the same name) drops the others.
 */
export class EmbeddingCache {
  /** The cache file. */
  readonly file: string;
  readonly #options: EmbeddingCacheOptions;
  readonly #entries = new Map<string, Float32Array>();
  #dimension: number | undefined;
  #changed = false;
  #saving: Promise<unknown> = Promise.resolve();

  private constructor(options: EmbeddingCacheOptions) {
    this.#options = options;
    const name = createHash('sha256').update(`${options.model}\u0000${options.scope ?? ''}`).digest('hex').slice(0, 16);
    this.file = path.join(options.dir, `quelle-embeddings-${name}.bin`);
  }

  /** The cache of this model, read from its file when there is a usable one; never rejects. */
  static async open(options: EmbeddingCacheOptions): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(options);
    await cache.#load();
    return cache;
  }

  /** The vectors' dimension; undefined while there is none. */
  get dimension(): number | undefined {
    return this.#dimension;
  }

  /** Vectors held. */
  get size(): number {
    return this.#entries.size;
  }

  /** The vector of this exact text (as sent, prefix included), or undefined. Do not write to it. */
  get(text: string): Float32Array | undefined {
    return this.#entries.get(keyOf(text));
  }

  /**
   * Keeps the vector of this text. A vector of another dimension than those held means the
   * model changed: every other vector is dropped, and the result says so.
   */
  put(text: string, vector: Float32Array): PutResult {
    const from = this.#dimension;
    this.#changed = true;
    this.#dimension = vector.length;
    if (from !== undefined && from !== vector.length) {
      this.#entries.clear();
      this.#entries.set(keyOf(text), vector);
      return { kind: 'dimension-changed', from, to: vector.length };
    }
    this.#entries.set(keyOf(text), vector);
    return { kind: 'stored' };
  }

  /** Drops the vectors of texts not among these (passages no longer in the corpus); returns how many. */
  retain(texts: Iterable<string>): number {
    const keep = new Set<string>();
    for (const text of texts) keep.add(keyOf(text));
    let removed = 0;
    for (const key of this.#entries.keys()) {
      if (!keep.has(key)) {
        this.#entries.delete(key);
        removed++;
      }
    }
    if (removed > 0) this.#changed = true;
    return removed;
  }

  /** Drops every vector (the model changed under the same name); saved at the next `save`. */
  clear(): void {
    if (this.#entries.size > 0 || this.#dimension !== undefined) this.#changed = true;
    this.#entries.clear();
    this.#dimension = undefined;
  }

  /**
   * Writes the file when something changed since it was read or written. Never rejects: a
   * failure (read-only, disk full) is logged, and false returned.
   */
  save(): Promise<boolean> {
    const run = this.#saving.then(() => this.#write());
    this.#saving = run;
    return run;
  }

  async #write(): Promise<boolean> {
    if (!this.#changed) return true;
    if (!LITTLE_ENDIAN) return false;
    this.#changed = false;
    try {
      await mkdir(this.#options.dir, { recursive: true });
      await writeFileAtomic(this.file, this.#encode());
      return true;
    } catch (err) {
      this.#changed = true;
      this.#options.logger.warn({ err, file: this.file }, 'embedding cache: could not be written; vectors not kept will be embedded again after a restart');
      return false;
    }
  }

  async #load(): Promise<void> {
    if (!LITTLE_ENDIAN) {
      this.#options.logger.warn({ file: this.file }, 'embedding cache: this machine is big-endian; vectors are kept in memory only');
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.#options.logger.warn({ err, file: this.file }, 'embedding cache: cannot be read; its vectors are embedded again');
      return;
    }
    try {
      this.#decode(bytes);
    } catch (err) {
      if (!(err instanceof Unusable)) throw err;
      this.#entries.clear();
      this.#dimension = undefined;
      this.#options.logger.warn({ file: this.file, reason: err.message }, 'embedding cache: ignoring a file that is damaged or not a cache of this model; its vectors are embedded again');
    }
  }

  #decode(bytes: Buffer): void {
    if (bytes.length < PREAMBLE + HASH_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Unusable('not a cache file');
    const version = bytes.readUInt32LE(MAGIC.length);
    if (version !== VERSION) throw new Unusable(`version ${version}, not ${VERSION}`);
    const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
    if (PREAMBLE + headerLength > bytes.length - HASH_BYTES) throw new Unusable('truncated');
    const end = bytes.length - HASH_BYTES;
    if (!sha256(bytes.subarray(0, end)).equals(bytes.subarray(end))) throw new Unusable('checksum does not match');
    let header: unknown;
    try {
      header = JSON.parse(bytes.subarray(PREAMBLE, PREAMBLE + headerLength).toString('utf8'));
    } catch {
      throw new Unusable('header is not JSON');
    }
    const { model, dim, count } = (header ?? {}) as { model?: unknown; dim?: unknown; count?: unknown };
    if (typeof model !== 'string' || !isCount(dim) || !isCount(count)) throw new Unusable('header lacks model, dim or count');
    if (model !== this.#options.model) throw new Unusable(`vectors of model "${model}"`);
    const keysAt = align4(PREAMBLE + headerLength);
    const dataAt = keysAt + count * HASH_BYTES;
    if (dataAt + count * dim * 4 !== end || (count > 0 && dim === 0)) throw new Unusable('size does not match its header');
    // A view when the values are aligned in memory, else one copy.
    const absolute = bytes.byteOffset + dataAt;
    const data = absolute % 4 === 0 ? new Float32Array(bytes.buffer, absolute, count * dim) : new Float32Array(bytes.buffer.slice(absolute, absolute + count * dim * 4));
    for (let i = 0; i < count; i++) {
      const key = bytes.subarray(keysAt + i * HASH_BYTES, keysAt + (i + 1) * HASH_BYTES).toString('hex');
      this.#entries.set(key, data.subarray(i * dim, (i + 1) * dim));
    }
    this.#dimension = count > 0 ? dim : undefined;
  }

  #encode(): Uint8Array {
    const dim = this.#dimension ?? 0;
    const count = this.#entries.size;
    const header = Buffer.from(JSON.stringify({ model: this.#options.model, dim, count }), 'utf8');
    const keysAt = align4(PREAMBLE + header.length);
    const dataAt = keysAt + count * HASH_BYTES;
    const end = dataAt + count * dim * 4;
    const out = Buffer.from(new ArrayBuffer(end + HASH_BYTES));
    MAGIC.copy(out, 0);
    out.writeUInt32LE(VERSION, MAGIC.length);
    out.writeUInt32LE(header.length, MAGIC.length + 4);
    header.copy(out, PREAMBLE);
    const data = new Float32Array(out.buffer, dataAt, count * dim);
    let i = 0;
    for (const [key, vector] of this.#entries) {
      out.write(key, keysAt + i * HASH_BYTES, 'hex');
      data.set(vector, i * dim);
      i++;
    }
    sha256(out.subarray(0, end)).copy(out, end);
    return out;
  }
}

function keyOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
