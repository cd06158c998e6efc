/** A passage's place in the store and its similarity to the query. */
export interface ScoredSlot {
  /** The passage's slot (its position in the vectors the store was made from). */
  readonly slot: number;
  /** Dot product with the query: the cosine similarity, for normalized vectors. */
  readonly score: number;
}

/**
 * The passages' vectors: `size` slots × `dimension` float32 values in ONE contiguous buffer
 * (37k passages at 1024 dimensions: 37,000 × 1024 × 4 bytes = 152 MB, with no per-vector
 * object), searched by brute force. A slot may be empty (a passage the service has not
 * embedded yet): it is never returned. Immutable once made.
 */
export class VectorStore {
  /** Values per vector. */
  readonly dimension: number;
  /** Slots, filled or not. */
  readonly size: number;
  /** Slots that hold a vector. */
  readonly count: number;
  readonly #data: Float32Array;
  readonly #present: Uint8Array;

  private constructor(dimension: number, size: number, data: Float32Array, present: Uint8Array, count: number) {
    this.dimension = dimension;
    this.size = size;
    this.#data = data;
    this.#present = present;
    this.count = count;
  }

  /**
   * A store of these vectors, slot i holding vectors[i] (copied; undefined leaves the slot
   * empty). The dimension is the vectors' own, or `dimension` when none is given.
   * Throws when two vectors differ in length.
   */
  static from(vectors: readonly (Float32Array | undefined)[], dimension?: number): VectorStore {
    const dim = dimension ?? vectors.find((v) => v !== undefined)?.length ?? 0;
    if (!Number.isSafeInteger(dim) || dim < 0) throw new Error(`Quelle: a vector store needs a whole number of dimensions, got ${dim}`);
    const data = new Float32Array(vectors.length * dim);
    const present = new Uint8Array(vectors.length);
    let count = 0;
    vectors.forEach((vector, slot) => {
      if (vector === undefined) return;
      if (vector.length !== dim) throw new Error(`Quelle: vector ${slot} has ${vector.length} dimensions, the store ${dim}`);
      data.set(vector, slot * dim);
      present[slot] = 1;
      count++;
    });
    return new VectorStore(dim, vectors.length, data, present, count);
  }

  /** Bytes held by the vectors (the buffer), for stats and the memory figures. */
  get bytes(): number {
    return this.#data.byteLength + this.#present.byteLength;
  }

  /** Whether the slot holds a vector. */
  has(slot: number): boolean {
    return this.#present[slot] === 1;
  }

  /** The slot's vector (a view into the buffer: do not write to it), or undefined when empty. */
  get(slot: number): Float32Array | undefined {
    if (!this.has(slot)) return undefined;
    return this.#data.subarray(slot * this.dimension, (slot + 1) * this.dimension);
  }

  /** The empty slots, in order: the passages to embed at the next build. */
  missing(): number[] {
    const out: number[] = [];
    for (let slot = 0; slot < this.size; slot++) if (this.#present[slot] !== 1) out.push(slot);
    return out;
  }

  /** The query's dot product with one slot's vector; undefined for an empty slot. */
  score(query: Float32Array, slot: number): number | undefined {
    this.#check(query);
    return this.has(slot) ? this.#dot(query, slot * this.dimension) : undefined;
  }

  /**
   * The `k` filled slots most similar to the query (highest dot product first; equal scores by
   * slot), by brute force over the whole buffer with a heap of k. Throws when the query's
   * dimension is not the store's.
   */
  topK(query: Float32Array, k: number): ScoredSlot[] {
    this.#check(query);
    const limit = Math.min(Math.max(0, Math.floor(k)), this.count);
    if (limit === 0) return [];
    const heap = new MinHeap(limit);
    for (let slot = 0; slot < this.size; slot++) {
      if (this.#present[slot] !== 1) continue;
      heap.offer(slot, this.#dot(query, slot * this.dimension));
    }
    return heap.sorted();
  }

  #check(query: Float32Array): void {
    if (query.length !== this.dimension) throw new Error(`Quelle: the query has ${query.length} dimensions, the vectors ${this.dimension}`);
  }

  /** Four sums side by side: about a fifth faster than one at 1024 dimensions (no SIMD in JS). */
  #dot(query: Float32Array, offset: number): number {
    const data = this.#data;
    const length = query.length;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let i = 0;
    for (; i + 3 < length; i += 4) {
      const o = offset + i;
      a += (query[i] as number) * (data[o] as number);
      b += (query[i + 1] as number) * (data[o + 1] as number);
      c += (query[i + 2] as number) * (data[o + 2] as number);
      d += (query[i + 3] as number) * (data[o + 3] as number);
    }
    for (; i < length; i++) a += (query[i] as number) * (data[offset + i] as number);
    return a + b + (c + d);
  }
}

/**
 * The best `capacity` (slot, score) pairs seen: a binary min-heap whose root is the worst kept,
 * "worse" meaning a lower score, or the same score and a later slot.
 */
class MinHeap {
  readonly #slots: Int32Array;
  readonly #scores: Float64Array;
  #length = 0;

  constructor(private readonly capacity: number) {
    this.#slots = new Int32Array(capacity);
    this.#scores = new Float64Array(capacity);
  }

  offer(slot: number, score: number): void {
    if (this.#length < this.capacity) {
      this.#slots[this.#length] = slot;
      this.#scores[this.#length] = score;
      this.#up(this.#length++);
    } else if (this.#worse(0, slot, score)) {
      this.#slots[0] = slot;
      this.#scores[0] = score;
      this.#down(0);
    }
  }

  /** The kept pairs, best first. */
  sorted(): ScoredSlot[] {
    const out: ScoredSlot[] = [];
    for (let i = 0; i < this.#length; i++) out.push({ slot: this.#slots[i] as number, score: this.#scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  /** Whether the pair at heap position i is worse than (slot, score). */
  #worse(i: number, slot: number, score: number): boolean {
    const s = this.#scores[i] as number;
    return s < score || (s === score && (this.#slots[i] as number) > slot);
  }

  #swap(i: number, j: number): void {
    const slot = this.#slots[i] as number;
    const score = this.#scores[i] as number;
    this.#slots[i] = this.#slots[j] as number;
    this.#scores[i] = this.#scores[j] as number;
    this.#slots[j] = slot;
    this.#scores[j] = score;
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      // The child goes up while it is worse than its parent.
      if (!this.#worse(parent, this.#slots[i] as number, this.#scores[i] as number)) {
        this.#swap(i, parent);
        i = parent;
      } else return;
    }
  }

  #down(i: number): void {
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < this.#length && this.#worse(worst, this.#slots[child] as number, this.#scores[child] as number) === false) worst = child;
      }
      if (worst === i) return;
      this.#swap(i, worst);
      i = worst;
    }
  }
}
