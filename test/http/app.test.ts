import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { PENDING_TEXT } from '../../src/http/pending.js';
import { tempCorpus } from '../helpers/temp-corpus.js';
import { send } from './client.js';
import { newKey, signature, unixSeconds } from './signing.js';

describe('npm start in HTTP interactions mode (first step of issue 23)', () => {
  it('serves the endpoint instead of the gateway: PONG, ready, and a private note for commands', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Ein Artikel\nDer erste Absatz über Bienen und Honig.\n' });
    // A "Discord" that counts connections: HTTP mode must not log in to the gateway.
    let connections = 0;
    const discord = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
    const discordPort = (discord.address() as { port: number }).port;
    const key = newKey();
    const logs: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    try {
      const base = loadConfig({ CORPUS_DIR: corpus.dir, DATABASE_URL: 'off', DISCORD_TOKEN: 'a.b.c', DISCORD_API_URL: `http://127.0.0.1:${discordPort}/api`, DISCORD_PUBLIC_KEY: key.publicKeyHex, INTERACTIONS_PORT: '8080' });
      // Port 0 (any free port) is not a valid setting, so the tests put it in after loading.
      const app = await startApp({ ...base, http: { publicKey: key.publicKeyHex, host: '127.0.0.1', port: 0 } }, { stdin: new PassThrough(), stdout: new PassThrough(), logStream });
      if (app.mode !== 'http') throw new Error('expected HTTP mode');
      const port = app.server.port;
      const post = (body: string) => {
        const t = unixSeconds();
        return send(port, { path: '/interactions', headers: { 'x-signature-ed25519': signature(key, t, body), 'x-signature-timestamp': t }, body });
      };
      try {
        expect(JSON.parse((await post('{"type":1}')).body)).toEqual({ type: 1 });
        expect(await send(port, { method: 'GET', path: '/readyz' })).toMatchObject({ status: 200 });
        const command = await post(JSON.stringify({ type: 2, locale: 'de', data: { name: 'ask' } }));
        expect(JSON.parse(command.body)).toEqual({ type: 4, data: { content: PENDING_TEXT.de, flags: 64, allowed_mentions: { parse: [] } } });
        const button = await post(JSON.stringify({ type: 3, locale: 'en-US', data: { custom_id: 'x' } }));
        expect(JSON.parse(button.body)).toEqual({ type: 4, data: { content: PENDING_TEXT.en, flags: 64, allowed_mentions: { parse: [] } } });
        const autocomplete = await post(JSON.stringify({ type: 4, data: { name: 'source' } }));
        expect(JSON.parse(autocomplete.body)).toEqual({ type: 8, data: { choices: [] } });
        expect((await post('{"type":5,"data":{}}')).status).toBe(200);
      } finally {
        await app.stop();
      }
      await expect(send(port, { method: 'GET', path: '/healthz' })).rejects.toThrow();
      expect(connections).toBe(0);
      expect(logs.join('')).toContain('HTTP interactions mode');
    } finally {
      await new Promise<void>((resolve) => discord.close(() => resolve()));
      corpus.remove();
    }
  });
});
