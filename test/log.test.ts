import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

function sink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts the bot token and interaction tokens wherever they are logged', () => {
    const { lines, stream } = sink();
    const logger = createLogger({ logLevel: 'info' }, stream);
    logger.info({ config: { token: 'bot-secret' }, token: 'top-secret', interaction: { id: '1', token: 'interaction-secret' } }, 'starting');
    logger.child({ token: 'child-secret' }).warn({ headers: { authorization: 'Bot header-secret' } }, 'request');
    const text = lines.join('');
    expect(text).not.toMatch(/secret/u);
    expect(text).toContain('[redacted]');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 30, msg: 'starting', name: 'quelle', interaction: { id: '1' } });
  });

  it('honours the level', () => {
    const { lines, stream } = sink();
    const logger = createLogger({ logLevel: 'warn' }, stream);
    logger.info({}, 'hidden');
    logger.warn({}, 'shown');
    expect(lines).toHaveLength(1);
  });
});

describe('error serialization', () => {
  it('keeps interaction tokens in failed request URLs out of the log', () => {
    const { lines, stream } = sink();
    const logger = createLogger({ logLevel: 'info' }, stream);
    const err = Object.assign(new Error('Unknown interaction'), {
      url: 'http://127.0.0.1/api/v10/interactions/1234567890123456789/aW50ZXJhY3Rpb24tdG9rZW4/callback?with_response=false',
      requestBody: { json: { type: 4, data: { content: 'a long payload' } } },
      code: 10062,
    });
    logger.error({ err }, 'interaction failed');
    const webhook = new Error('Invalid Webhook Token at /webhooks/1234567890123456789/d2ViaG9vay10b2tlbg/messages/@original');
    logger.warn({ err: webhook }, 'could not send the apology');
    const text = lines.join('');
    expect(text).not.toContain('aW50ZXJhY3Rpb24tdG9rZW4');
    expect(text).not.toContain('d2ViaG9vay10b2tlbg');
    expect(text).not.toContain('a long payload');
    const entry = JSON.parse(lines[0] ?? '{}') as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ type: 'Error', message: 'Unknown interaction', code: 10062, url: 'http://127.0.0.1/api/v10/interactions/1234567890123456789/[redacted]/callback?with_response=false' });
  });
});
