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
