import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startInteractionsServer, type RunningInteractionsServer } from '../../src/http/server.js';
import { publicKeyFromHex } from '../../src/http/verify.js';
import { send, type Sent } from './client.js';
import { newKey, signature, unixSeconds, type TestKey } from './signing.js';

/** The log lines, parsed. */
const logs: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

const QUESTION = 'Wer schrieb den geheimen Artikel über Sauerkraut?';
const COMMAND = JSON.stringify({ type: 2, id: '1', token: 'tok', data: { name: 'ask', options: [{ name: 'frage', type: 3, value: QUESTION }] } });

describe('the HTTP interactions endpoint', () => {
  const key: TestKey = newKey();
  let server: RunningInteractionsServer;
  let ready = true;
  let handled: unknown[] = [];
  let fail = false;

  beforeAll(async () => {
    server = await startInteractionsServer({
      publicKey: publicKeyFromHex(key.publicKeyHex),
      handler: (interaction) => {
        handled.push(interaction);
        if (fail) return Promise.reject(new Error('the handler broke'));
        return Promise.resolve({ type: 4, data: { content: 'answered' } });
      },
      ready: () => ready,
      logger: createLogger({ logLevel: 'debug' }, sink),
      host: '127.0.0.1',
      port: 0,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    logs.length = 0;
    handled = [];
    fail = false;
    ready = true;
  });

  /** A POST /interactions signed by `by` (the application's key unless told). */
  const signed = (body: string | Buffer, options: { by?: TestKey; timestamp?: string } = {}): Sent => {
    const timestamp = options.timestamp ?? unixSeconds();
    return {
      path: '/interactions',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature(options.by ?? key, timestamp, body), 'x-signature-timestamp': timestamp },
      body,
    };
  };
  const post = (sent: Sent) => send(server.port, sent);

  it('answers a signed PING with PONG, without the handler', async () => {
    const answer = await post(signed('{"type":1,"id":"1","application_id":"2"}'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({ type: 1 });
    expect(handled).toEqual([]);
  });

  it('hands any other interaction to the handler and sends its result', async () => {
    const answer = await post(signed(COMMAND));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ type: 4, data: { content: 'answered' } });
    expect(handled).toEqual([JSON.parse(COMMAND)]);
  });

  it('refuses with 401, before parsing, what Discord did not sign: logged without the body', async () => {
    const stale = unixSeconds(Date.now() - 6 * 60_000);
    const future = unixSeconds(Date.now() + 6 * 60_000);
    const t = unixSeconds();
    const cases: [Sent, string][] = [
      [{ ...signed(COMMAND), headers: { 'x-signature-timestamp': t } }, 'missing X-Signature-Ed25519'],
      [{ ...signed(COMMAND), headers: { 'x-signature-ed25519': signature(key, t, COMMAND) } }, 'missing X-Signature-Timestamp'],
      [{ ...signed(COMMAND), headers: {} }, 'missing X-Signature-Ed25519'],
      [signed(COMMAND, { by: newKey() }), 'signature does not match'],
      [{ ...signed(COMMAND), headers: { 'x-signature-ed25519': 'f'.repeat(128), 'x-signature-timestamp': t } }, 'signature does not match'],
      [{ ...signed(COMMAND), body: COMMAND.replace('ask', 'asK') }, 'signature does not match'],
      [signed(COMMAND, { timestamp: stale }), 'stale timestamp (older than 5 minutes)'],
      [signed(COMMAND, { timestamp: future }), 'timestamp more than 5 minutes in the future'],
      // Not even JSON: the signature is checked first, so it is a 401, not a 400.
      [signed('{not json', { by: newKey() }), 'signature does not match'],
    ];
    for (const [sent, reason] of cases) {
      logs.length = 0;
      const answer = await post(sent);
      expect(answer.status, reason).toBe(401);
      expect(logs.map((line) => [line.msg, line.reason])).toEqual([['interaction refused: bad signature', reason]]);
      expect(JSON.stringify(logs)).not.toContain('Sauerkraut');
    }
    expect(handled).toEqual([]);
  });

  it('refuses a body over 64 KiB with 413, declared or streamed, and keeps serving', async () => {
    const big = JSON.stringify({ type: 2, data: { name: 'ask', padding: 'x'.repeat(70 * 1024) } });
    for (const chunked of [false, true]) {
      logs.length = 0;
      const answer = await post({ ...signed(big), chunked });
      expect(answer.status).toBe(413);
      expect(logs.map((line) => line.msg)).toEqual(['interaction refused: body too large']);
    }
    expect(handled).toEqual([]);
    expect((await post(signed('{"type":1}'))).status).toBe(200);
  });

  it('refuses signed malformed JSON, or JSON that is no interaction, with 400', async () => {
    for (const body of ['{"type":1', '', '[1]', '"ping"', '{"id":"1"}', 'null']) {
      const answer = await post(signed(body));
      expect(answer.status, body).toBe(400);
    }
    expect(handled).toEqual([]);
  });

  it('answers 500 when the handler throws, logs the error, and keeps serving', async () => {
    fail = true;
    const answer = await post(signed(COMMAND));
    expect(answer.status).toBe(500);
    expect(logs.filter((line) => line.level === 50).map((line) => [line.msg, (line.err as { message?: string }).message])).toEqual([['interaction handler failed', 'the handler broke']]);
    fail = false;
    expect((await post(signed(COMMAND))).status).toBe(200);
    expect(JSON.parse((await post(signed('{"type":1}'))).body)).toEqual({ type: 1 });
  });

  it('says it is alive on /healthz, and ready on /readyz only when it is', async () => {
    expect(await send(server.port, { method: 'GET', path: '/healthz' })).toMatchObject({ status: 200, body: 'ok' });
    expect(await send(server.port, { method: 'GET', path: '/readyz' })).toMatchObject({ status: 200, body: 'ready' });
    ready = false;
    expect(await send(server.port, { method: 'GET', path: '/readyz' })).toMatchObject({ status: 503, body: 'not ready' });
    expect(await send(server.port, { method: 'GET', path: '/healthz?probe=1' })).toMatchObject({ status: 200, body: 'ok' });
  });

  it('answers 404 to other paths and 405 to other methods', async () => {
    expect((await send(server.port, { method: 'GET', path: '/' })).status).toBe(404);
    expect((await send(server.port, { path: '/interactions/extra', ...{ body: '{}' } })).status).toBe(404);
    expect((await send(server.port, { method: 'GET', path: '/../interactions' })).status).toBe(405);
    const get = await send(server.port, { method: 'GET', path: '/interactions' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const post = await send(server.port, { method: 'POST', path: '/healthz', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect((await send(server.port, { method: 'DELETE', path: '/readyz' })).status).toBe(405);
    expect(handled).toEqual([]);
  });
});
