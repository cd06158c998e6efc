/**
 * The HTTP interactions endpoint: Discord POSTs each interaction, signed, to /interactions; a
 * load balancer asks /healthz and /readyz. The signature is checked on the raw body before it
 * is parsed; a PING is answered here, every other interaction by the injected handler, whose
 * result is the response body. Nothing a client sends crashes the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { BodyTooLargeError, readBody } from './body.js';
import { verifyRequest } from './verify.js';

/** Discord's interaction type PING, and the response type PONG. */
export const PING = 1;
export const PONG = 1;

/** Interactions are small (a command with its options); 64 KiB is far above any real one. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface InteractionsServerOptions {
  /** The application's public key (see publicKeyFromHex). */
  readonly publicKey: KeyObject;
  /** Answers every verified interaction but PING; its result is sent as the JSON response. */
  readonly handler: (interaction: unknown) => Promise<object>;
  /** Whether this process can serve (GET /readyz): index loaded, store reachable. */
  readonly ready: () => boolean | Promise<boolean>;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
  /** Milliseconds since the epoch, for the timestamp check (tests). */
  readonly now?: () => number;
}

const ROUTES: Readonly<Record<string, string>> = { '/interactions': 'POST', '/healthz': 'GET', '/readyz': 'GET' };

/** The server, not yet listening. */
export function createInteractionsServer(options: InteractionsServerOptions): Server {
  const server = createServer((req, res) => {
    route(options, req, res).catch((err: unknown) => {
      options.logger.error({ err }, 'HTTP request failed');
      send(res, 500, 'text/plain', 'internal error');
    });
  });
  // A client that trickles its headers or body is cut off instead of holding a socket.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

export interface RunningInteractionsServer {
  readonly server: Server;
  /** The port listened on (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Creates the server and listens on host:port; rejects when the port cannot be bound. */
export async function startInteractionsServer(options: InteractionsServerOptions & { readonly host: string; readonly port: number }): Promise<RunningInteractionsServer> {
  const server = createInteractionsServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err === undefined ? resolve() : reject(err)));
        server.closeIdleConnections();
      }),
  };
}

async function route(options: InteractionsServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    send(res, 400, 'text/plain', 'bad request');
    return;
  }
  const method = ROUTES[pathname];
  if (method === undefined) {
    send(res, 404, 'text/plain', 'not found');
    return;
  }
  if (req.method !== method) {
    res.setHeader('Allow', method);
    send(res, 405, 'text/plain', 'method not allowed');
    return;
  }
  if (pathname === '/healthz') send(res, 200, 'text/plain', 'ok');
  else if (pathname === '/readyz') {
    const ready = await isReady(options);
    send(res, ready ? 200 : 503, 'text/plain', ready ? 'ready' : 'not ready');
  } else await interaction(options, req, res);
}

async function isReady(options: InteractionsServerOptions): Promise<boolean> {
  try {
    return await options.ready();
  } catch (err) {
    options.logger.error({ err }, 'readiness check failed');
    return false;
  }
}

async function interaction(options: InteractionsServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let body: Buffer;
  try {
    body = await readBody(req, maxBytes);
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      options.logger.warn({ limit: maxBytes, reason: err.message }, 'interaction refused: body too large');
      // The rest of the body is not read: the connection ends with the answer.
      res.setHeader('Connection', 'close');
      send(res, 413, 'text/plain', 'payload too large');
    } else {
      // The client went away mid-body: nobody is left to answer.
      options.logger.debug({ err }, 'interaction request aborted');
      res.destroy();
    }
    return;
  }
  const verdict = verifyRequest(options.publicKey, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body }, options.now);
  if (!verdict.ok) {
    // Never the body: a forged request is not worth keeping, a genuine one may hold a question.
    options.logger.warn({ reason: verdict.reason, bytes: body.length }, 'interaction refused: bad signature');
    send(res, 401, 'text/plain', 'invalid request signature');
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    options.logger.warn({ bytes: body.length }, 'interaction refused: malformed JSON');
    send(res, 400, 'text/plain', 'malformed JSON');
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { type?: unknown }).type !== 'number') {
    options.logger.warn({ bytes: body.length }, 'interaction refused: not an interaction object');
    send(res, 400, 'text/plain', 'not an interaction');
    return;
  }
  if ((parsed as { type: number }).type === PING) {
    sendJson(res, 200, { type: PONG });
    return;
  }
  let answer: object;
  try {
    answer = await options.handler(parsed);
  } catch (err) {
    options.logger.error({ err, type: (parsed as { type: number }).type }, 'interaction handler failed');
    send(res, 500, 'text/plain', 'internal error');
    return;
  }
  sendJson(res, 200, answer);
}

/** One header's value; a repeated header counts as missing. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function sendJson(res: ServerResponse, status: number, value: object): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': type === 'application/json' ? type : `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
