import type { Secret } from '../secret.js';
import { EmbeddingError } from './errors.js';

export interface EmbeddingClientOptions {
  /** Base URL of an OpenAI-compatible API, e.g. `http://localhost:11434/v1`; `POST {url}/embeddings` is called. */
  readonly url: string;
  /** The model name sent with every request. */
  readonly model: string;
  /** Sent as `Authorization: Bearer …` when set; no header without it. */
  readonly apiKey?: Secret | undefined;
  /** Milliseconds one request (one batch) may take, answer included. */
  readonly timeoutMs: number;
  /** Texts per request; more texts are sent in several requests, one after the other. */
  readonly batch: number;
  /** The fetch to use; globalThis.fetch by default, a fake in tests. */
  readonly fetch?: typeof globalThis.fetch;
}

export interface EmbeddingClient {
  /** The service's host (and port), for the privacy notice and messages; never credentials. */
  readonly host: string;
  readonly model: string;
  /** Texts per request. */
  readonly batch: number;
  /**
   * One L2-normalized vector per text, in the texts' order, all of one dimension. Rejects with
   * an EmbeddingError when the service fails or answers something unusable, or with the
   * signal's reason when `signal` aborts.
   */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** The longest part of an error body the service sent that a message repeats. */
const DETAIL_MAX = 200;

/**
 * A client of an OpenAI-compatible `POST /embeddings` (Ollama, llama.cpp's server, Hugging Face
 * TEI, vLLM, LocalAI, OpenAI). Sends nothing until `embed` is called. Redirects are refused:
 * questions and passages go to the host named in the privacy notice and nowhere else.
 */
export function createEmbeddingClient(options: EmbeddingClientOptions): EmbeddingClient {
  const { model, apiKey, timeoutMs, batch } = options;
  const endpoint = endpointOf(options.url);
  if (model.trim() === '') throw new Error('Quelle: the embedding model must be named');
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new Error(`Quelle: the embedding timeout must be a whole number of milliseconds from 1, got ${timeoutMs}`);
  if (!Number.isSafeInteger(batch) || batch < 1) throw new Error(`Quelle: the embedding batch must be a whole number from 1, got ${batch}`);
  const fetchFn = options.fetch ?? globalThis.fetch;
  const host = endpoint.host;
  const service = `Quelle: the embedding service at ${host}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey.reveal()}`;

  /** Text from the service as a message may show it: one line, short, the key cut out. */
  const scrub = (text: string): string => {
    let out = text.replace(/\s+/gu, ' ').trim();
    const key = apiKey?.reveal();
    if (key !== undefined && key !== '') out = out.split(key).join('[redacted]');
    return out.length > DETAIL_MAX ? `${out.slice(0, DETAIL_MAX)}…` : out;
  };

  async function request(input: readonly string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const failed = (err: unknown): unknown => {
      if (signal?.aborted === true) return signal.reason;
      if (timeout.aborted) return new EmbeddingError('timeout', `${service} did not answer within ${timeoutMs} ms`, { cause: err });
      return new EmbeddingError('unreachable', `${service} cannot be reached (${scrub(reasonOf(err))})`, { cause: err });
    };
    let status: number;
    let text: string;
    try {
      const response = await fetchFn(endpoint, { method: 'POST', headers, body: JSON.stringify({ model, input }), signal: combined, redirect: 'error' });
      status = response.status;
      text = await response.text();
    } catch (err) {
      throw failed(err);
    }
    if (status < 200 || status > 299) {
      const detail = scrub(errorDetail(text));
      throw new EmbeddingError('status', `${service} answered ${status}${detail === '' ? '' : `: ${detail}`}`, { status });
    }
    return parse(text, input.length, service);
  }

  return {
    host,
    model,
    batch,
    async embed(texts, signal) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batch) {
        const part = await request(texts.slice(start, start + batch), signal);
        const first = vectors[0];
        const got = part[0];
        if (first !== undefined && got !== undefined && got.length !== first.length) {
          throw new EmbeddingError('dimension', `${service} sent vectors of different dimensions (${first.length} and ${got.length})`);
        }
        vectors.push(...part);
      }
      return vectors;
    },
  };
}

/** `{url}/embeddings`, checked: http(s), no credentials (fetch refuses them; the key has its own setting). */
function endpointOf(url: string): URL {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new Error('Quelle: the embedding service URL must be an http(s) URL without credentials');
  }
  if ((base.protocol !== 'http:' && base.protocol !== 'https:') || base.username !== '' || base.password !== '') {
    throw new Error('Quelle: the embedding service URL must be an http(s) URL without credentials');
  }
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/u, '')}/embeddings`);
}

/** Why a fetch failed: the system's code (ECONNREFUSED, ENOTFOUND) when there is one. */
function reasonOf(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** The message of an error body: OpenAI's `{error: {message}}`, `{error: "…"}`, `{message}`, or the text. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (isRecord(body)) {
      const error = body.error;
      if (isRecord(error) && typeof error.message === 'string') return error.message;
      if (typeof error === 'string') return error;
      if (typeof body.message === 'string') return body.message;
    }
  } catch {
    // not JSON: the text itself
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An OpenAI embeddings response → one normalized vector per text, by `index`. */
function parse(text: string, count: number, service: string): Float32Array[] {
  const malformed = (detail: string) => new EmbeddingError('malformed', `${service} sent an answer that is not an OpenAI embeddings response (${detail})`);
  const notFinite = () => new EmbeddingError('nan', `${service} sent a value that is not a finite number`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Python's json writes NaN and Infinity, which JSON.parse refuses.
    if (/\b(?:NaN|Infinity)\b/u.test(text)) throw notFinite();
    throw malformed('not JSON');
  }
  if (!isRecord(body) || !Array.isArray(body.data)) throw malformed('no data list');
  const data: unknown[] = body.data;
  if (data.length !== count) throw malformed(`${data.length} vectors for ${count} texts`);
  const slots: unknown[][] = [];
  data.forEach((item, position) => {
    if (!isRecord(item) || !Array.isArray(item.embedding)) throw malformed(`item ${position} has no list of numbers as its embedding`);
    const index = item.index ?? position;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count || slots[index] !== undefined) throw malformed(`item ${position} has a wrong or repeated index`);
    slots[index] = item.embedding;
  });
  const dimension = slots[0]?.length ?? 0;
  if (dimension === 0 && count > 0) throw malformed('an empty vector');
  return slots.map((values) => {
    if (values.length !== dimension) throw new EmbeddingError('dimension', `${service} sent vectors of different dimensions (${dimension} and ${values.length})`);
    return normalized(values, notFinite);
  });
}

/** The vector scaled to length 1, in float32 (a zero vector stays zero: it matches nothing). */
function normalized(values: readonly unknown[], notFinite: () => EmbeddingError): Float32Array {
  // Scaled by the largest value first, so that large components cannot overflow the sum.
  let largest = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw notFinite();
    largest = Math.max(largest, Math.abs(v));
  }
  const numbers = values as readonly number[];
  let sum = 0;
  if (largest > 0) for (const v of numbers) sum += (v / largest) ** 2;
  const norm = Math.sqrt(sum);
  return Float32Array.from(numbers, (v) => (largest > 0 ? v / largest / norm : 0));
}
