import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONCEPTS, conceptsOf } from './concepts.js';

/** How the fake answers; `ok` until told otherwise. */
export type FakeEmbeddingsMode =
  | { readonly kind: 'ok' }
  /** Answers normally after this many ms (a client with a shorter timeout gives up first). */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** This HTTP status with an OpenAI-style error body. */
  | { readonly kind: 'status'; readonly status: number }
  /** Vectors of this dimension; `only: 'first'` changes only the first vector of each answer. */
  | { readonly kind: 'dimension'; readonly dimension: number; readonly only?: 'first' }
  /** One value not a number: the literal `NaN` Python's json writes, or `null` as C++ servers do. */
  | { readonly kind: 'nan'; readonly as?: 'literal' | 'null' }
  /** This body (default: cut-off JSON) with status 200. */
  | { readonly kind: 'malformed'; readonly body?: string }
  /** One vector fewer than texts sent. */
  | { readonly kind: 'short' };

export interface FakeEmbeddingsOptions {
  /** Dimension of the vectors; at least CONCEPTS.length + 8. Default 64. */
  readonly dimension?: number;
  /** Every request must carry `Authorization: Bearer <apiKey>`; otherwise 401, whose body repeats the key sent (as OpenAI's does). */
  readonly apiKey?: string;
  /** The answer's data in reverse order (with their right `index`), to check that a client sorts. */
  readonly reverseOrder?: boolean;
}

const DEFAULT_DIMENSION = 64;
/** Weight of each word of the hashed bag of words, beside 1 per concept. */
const WORD_WEIGHT = 0.15;

/**
 * The fake model: 1 in the dimension of each concept the text names (concepts.ts), plus a
 * small hashed bag of its words, plus a little in the last dimension so that no vector is zero.
 * Not normalized (the client normalizes).
 */
export function fakeVector(text: string, dimension = DEFAULT_DIMENSION): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const concept of conceptsOf(text)) vector[concept] = 1;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashed = dimension - CONCEPTS.length;
  for (const word of words) {
    const dim = CONCEPTS.length + (fnv1a(word) % hashed);
    vector[dim] = (vector[dim] ?? 0) + WORD_WEIGHT;
  }
  vector[dimension - 1] = (vector[dimension - 1] ?? 0) + 0.01;
  return vector;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A fake OpenAI-compatible embedding service on 127.0.0.1, like the fake Discord: `POST
 * /v1/embeddings` with deterministic vectors (fakeVector). It records what it receives (a test
 * asserts that nothing was sent twice), and can be taken down, slowed, or made to answer
 * wrongly (setMode). Point the client at `url`.
 */
export class FakeEmbeddings {
  /** The API base, `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  /** `127.0.0.1:<port>`, what the client calls its host. */
  readonly host: string;
  readonly port: number;
  readonly dimension: number;
  /** Requests to /v1/embeddings, whatever they were answered. */
  requests = 0;
  /** Every text received, in order of arrival. */
  readonly inputs: string[] = [];
  /** The Authorization header of each request (undefined: none). */
  readonly authorizations: (string | undefined)[] = [];
  /** The model named in each request. */
  readonly models: unknown[] = [];

  readonly #options: FakeEmbeddingsOptions;
  #server: Server;
  #mode: FakeEmbeddingsMode = { kind: 'ok' };
  #normalFirst = 0;
  #times = Number.POSITIVE_INFINITY;

  private constructor(server: Server, options: FakeEmbeddingsOptions) {
    this.#server = server;
    this.#options = options;
    this.port = (server.address() as AddressInfo).port;
    this.host = `127.0.0.1:${this.port}`;
    this.url = `http://${this.host}/v1`;
    this.dimension = options.dimension ?? DEFAULT_DIMENSION;
  }

  static async start(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddings> {
    const dimension = options.dimension ?? DEFAULT_DIMENSION;
    if (dimension < CONCEPTS.length + 8) throw new Error(`FakeEmbeddings: dimension must be at least ${CONCEPTS.length + 8}, got ${dimension}`);
    const fake: { value?: FakeEmbeddings } = {};
    const server = await listen(0, (request, response) => fake.value?.listener(request, response));
    fake.value = new FakeEmbeddings(server, options);
    return fake.value;
  }

  /**
   * From now on, answer this way: after `after` more normal answers when given, and for
   * `times` requests only when given (then normally again).
   */
  setMode(mode: FakeEmbeddingsMode, options: { after?: number; times?: number } = {}): void {
    this.#mode = mode;
    this.#normalFirst = options.after ?? 0;
    this.#times = options.times ?? Number.POSITIVE_INFINITY;
  }

  /** Forgets what was received. */
  reset(): void {
    this.requests = 0;
    this.inputs.length = 0;
    this.authorizations.length = 0;
    this.models.length = 0;
  }

  /** Closes the port and every open connection: the service is down (connection refused). */
  async down(): Promise<void> {
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  /** Listens again on the same port. */
  async up(): Promise<void> {
    if (this.#server.listening) return;
    this.#server = await listen(this.port, this.listener);
  }

  stop(): Promise<void> {
    return this.down();
  }

  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    this.#serve(request, response).catch((err: unknown) => {
      if (!response.headersSent) send(response, 500, { error: { message: `FakeEmbeddings error: ${String(err)}` } });
    });
  };

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/v1/embeddings') {
      send(response, 404, { error: { message: 'not found' } });
      return;
    }
    this.requests++;
    const authorization = request.headers.authorization;
    this.authorizations.push(authorization);
    let parsed: { model?: unknown; input?: unknown };
    try {
      parsed = JSON.parse(body) as { model?: unknown; input?: unknown };
    } catch {
      send(response, 400, { error: { message: 'body is not JSON' } });
      return;
    }
    this.models.push(parsed.model);
    const input = typeof parsed.input === 'string' ? [parsed.input] : parsed.input;
    if (!Array.isArray(input) || !input.every((text): text is string => typeof text === 'string')) {
      send(response, 400, { error: { message: 'input must be a string or a list of strings' } });
      return;
    }
    this.inputs.push(...input);
    const key = this.#options.apiKey;
    if (key !== undefined && authorization !== `Bearer ${key}`) {
      const sent = authorization?.replace(/^Bearer /u, '') ?? '';
      send(response, 401, { error: { message: `Incorrect API key provided: ${sent}. You can find your API key at https://example.org.`, type: 'invalid_request_error', code: 'invalid_api_key' } });
      return;
    }
    let mode: FakeEmbeddingsMode = this.#mode;
    if (this.#normalFirst > 0) {
      this.#normalFirst--;
      mode = { kind: 'ok' };
    } else if (--this.#times <= 0) {
      this.#mode = { kind: 'ok' };
    }
    await this.#answer(mode, input, parsed.model, response);
  }

  async #answer(mode: FakeEmbeddingsMode, input: string[], model: unknown, response: ServerResponse): Promise<void> {
    switch (mode.kind) {
      case 'slow': {
        const gone = await delay(mode.delayMs, response);
        if (!gone) send(response, 200, this.#payload(input, model, this.dimension));
        return;
      }
      case 'status':
        send(response, mode.status, { error: { message: `FakeEmbeddings answers ${mode.status}`, type: 'fake', code: mode.status } });
        return;
      case 'dimension':
        send(response, 200, this.#payload(input, model, mode.dimension, mode.only === 'first'));
        return;
      case 'nan': {
        const text = JSON.stringify(this.#payload(input, model, this.dimension)).replace(/("embedding":\[)[^,\]]+/u, `$1${mode.as === 'null' ? 'null' : 'NaN'}`);
        sendText(response, 200, text);
        return;
      }
      case 'malformed':
        sendText(response, 200, mode.body ?? '{"object":"list","data":[{"object":"embedding","embedd');
        return;
      case 'short': {
        const payload = this.#payload(input, model, this.dimension);
        payload.data.pop();
        send(response, 200, payload);
        return;
      }
      case 'ok':
        send(response, 200, this.#payload(input, model, this.dimension));
    }
  }

  #payload(input: string[], model: unknown, dimension: number, onlyFirst = false) {
    const data = input.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: onlyFirst && index > 0 ? fakeVector(text, this.dimension) : fakeVector(text, Math.max(dimension, CONCEPTS.length + 1)).slice(0, dimension),
    }));
    if (this.#options.reverseOrder === true) data.reverse();
    const tokens = input.reduce((sum, text) => sum + text.split(/\s+/u).length, 0);
    return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
  }
}

function listen(port: number, listener: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the fake must never be reachable from anything else.
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits `ms`; resolves true early when the client went away meanwhile. */
function delay(ms: number, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    response.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(text);
}
