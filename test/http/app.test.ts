import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { FakeDiscord } from '../fake-discord/index.js';
import { buttonsOf, embedOf, isEphemeral, str } from '../discord/e2e/harness.js';
import { tempCorpus } from '../helpers/temp-corpus.js';
import { send } from './client.js';
import { newKey } from './signing.js';

/**
 * `npm start` in HTTP interactions mode, end to end: the fake Discord signs interactions and
 * POSTs them to the endpoint, takes each HTTP response as the callback, and serves the webhook
 * edits that follow a deferral. The same handlers as the gateway answer.
 */
describe('npm start in HTTP interactions mode', () => {
  let fake: FakeDiscord;
  let corpus: ReturnType<typeof tempCorpus>;
  let app: Extract<App, { mode: 'http' }>;
  let endpoint: string;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    corpus = tempCorpus({
      'bienen.txt': 'Bienen im Winter\nIm Winter bilden Honigbienen eine Traube und wärmen sich durch Zittern der Flugmuskeln.\n\nDie Königin sitzt in der Mitte der Traube.\n',
      'wald.txt': 'Der Wald\nBuchen und Eichen prägen den Mischwald in Mitteleuropa.\n',
    });
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    // No token: HTTP mode needs none. DISCORD_API_URL is the fake, for the webhook edits.
    const base = loadConfig({ CORPUS_DIR: corpus.dir, DATABASE_URL: 'off', ASK_COOLDOWN_SECONDS: '0', DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: fake.interactionsKey.publicKeyHex, INTERACTIONS_PORT: '8080', LOG_LEVEL: 'debug' });
    // Port 0 (any free port) is not a valid setting, so the test puts it in after loading.
    const started = await startApp({ ...base, http: { ...(base.http as NonNullable<typeof base.http>), port: 0 } }, { stdin: new PassThrough(), stdout: new PassThrough(), logStream });
    if (started.mode !== 'http') throw new Error('expected HTTP mode');
    app = started;
    endpoint = `http://127.0.0.1:${app.server.port}/interactions`;
  });

  afterAll(async () => {
    await app.stop();
    await fake.stop();
    corpus.remove();
  });

  it('answers PING with PONG and is ready', async () => {
    const ping = await fake.postInteraction(endpoint, { id: '1', token: 'ping-token', type: 1 });
    expect(JSON.parse(ping.body)).toEqual({ type: 1 });
    expect(await send(app.server.port, { method: 'GET', path: '/readyz' })).toMatchObject({ status: 200, body: 'ready' });
  });

  it('answers /ask in the HTTP response with the same embed and buttons as the gateway', async () => {
    const posted = await fake.postInteraction(endpoint, fake.payloads.chatInput('ask', [str('question', 'Wie überwintern Bienen?')]));
    expect(posted.status).toBe(200);
    const callback = await fake.waitForCallback(posted.id);
    expect(callback.type).toBe(4);
    expect(embedOf(callback).title).toMatch(/^Question: /u);
    expect(embedOf(callback).fields?.[0]?.value).toContain('Traube');
    expect(buttonsOf(callback).some((b) => b.label === 'Cite 1')).toBe(true);
    expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  });

  it('a private /ask stays private, and its button pages through the same answer', async () => {
    const posted = await fake.postInteraction(endpoint, fake.payloads.chatInput('ask', [str('question', 'Bienen Winter Traube'), { name: 'private', type: 5, value: true }]));
    const callback = await fake.waitForCallback(posted.id);
    expect(isEphemeral(callback)).toBe(true);
    const cite = buttonsOf(callback).find((b) => b.label === 'Cite 1');
    if (cite === undefined) throw new Error('no Cite button');
    const message = fake.originalMessage(posted.token);
    const pressed = await fake.postInteraction(endpoint, fake.payloads.button(cite.custom_id, message));
    const citation = await fake.waitForCallback(pressed.id);
    expect(citation.type).toBe(4);
    expect(embedOf(citation).title).toContain('Bienen im Winter');
  });

  it('autocomplete, unknown commands and unknown kinds get an answer each', async () => {
    const choices = await fake.postInteraction(endpoint, fake.payloads.autocomplete('source', [{ name: 'artikel', type: 3, value: 'bie', focused: true }]));
    expect(JSON.parse(choices.body)).toMatchObject({ type: 8 });
    expect(JSON.stringify(JSON.parse(choices.body))).toContain('bienen.txt');
    const unknown = await fake.postInteraction(endpoint, fake.payloads.chatInput('nonsense'));
    expect(embedOf(await fake.waitForCallback(unknown.id)).title).toBe('No longer available');
    // A modal submit (type 5) is nothing Quelle sends: a private note, not a hang.
    const modal = await fake.postInteraction(endpoint, { ...fake.payloads.chatInput('ask'), type: 5, data: { custom_id: 'x', components: [] } });
    expect(modal.status).toBe(200);
    expect(JSON.parse(modal.body)).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('the context menu and malformed interactions are answered as at the gateway', async () => {
    const menu = await fake.postInteraction(endpoint, fake.payloads.messageContext('Search the corpus', { content: 'Wie überwintern Bienen?' }));
    expect(embedOf(await fake.waitForCallback(menu.id)).fields?.[0]?.value).toContain('Traube');
    // A command without data: discord.js would throw; the asker gets the private apology.
    const { data: _data, ...bare } = fake.payloads.chatInput('ask');
    const broken = await fake.postInteraction(endpoint, bare);
    expect(broken.status).toBe(200);
    const apology = await fake.waitForCallback(broken.id);
    expect(isEphemeral(apology)).toBe(true);
    expect(embedOf(apology).title).toBe('That did not work');
  });

  it('a slow answer is deferred in the HTTP response and edited in through the webhook', async () => {
    // An interaction that is already 2 s old when it arrives (a queue before the bot): the
    // router defers at once, then edits the answer into @original.
    const payload = fake.payloads.chatInput('ask', [str('question', 'Welche Bäume prägen den Mischwald?')]);
    const old = { ...payload, id: snowflakeAt(Date.now() - 2000) };
    const posted = await fake.postInteraction(endpoint, old);
    expect(JSON.parse(posted.body)).toMatchObject({ type: 5 });
    const [edit] = await fake.waitForMessages(posted.token, 1);
    expect(embedOf(edit).fields?.[0]?.value).toContain('Mischwald');
    expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  });

  it('never connects to the gateway and logs no token', () => {
    expect(fake.identifyCount).toBe(0);
    expect(logs.join('')).toContain('HTTP interactions mode');
  });
});

describe('HTTP mode stops cleanly', () => {
  it('stops serving after stop()', async () => {
    const corpus = tempCorpus({ 'a.txt': 'Ein Artikel\nDer erste Absatz über Bienen und Honig.\n' });
    // A "Discord" that counts connections: nothing is sent to it at start.
    let connections = 0;
    const discord = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => discord.listen(0, '127.0.0.1', resolve));
    const key = newKey();
    try {
      const base = loadConfig({ CORPUS_DIR: corpus.dir, DATABASE_URL: 'off', DISCORD_API_URL: `http://127.0.0.1:${(discord.address() as { port: number }).port}/api`, DISCORD_PUBLIC_KEY: key.publicKeyHex, INTERACTIONS_PORT: '8080' });
      const app = await startApp({ ...base, http: { publicKey: key.publicKeyHex, host: '127.0.0.1', port: 0 } }, { stdin: new PassThrough(), stdout: new PassThrough(), logStream: new PassThrough() });
      if (app.mode !== 'http') throw new Error('expected HTTP mode');
      const port = app.server.port;
      expect(await send(port, { method: 'GET', path: '/healthz' })).toMatchObject({ status: 200 });
      await app.stop();
      await expect(send(port, { method: 'GET', path: '/healthz' })).rejects.toThrow();
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((resolve) => discord.close(() => resolve()));
      corpus.remove();
    }
  });
});

/** A snowflake made at `ms` (Discord's epoch is 2015-01-01): an interaction id tells its age. */
function snowflakeAt(ms: number): string {
  return ((BigInt(ms) - 1420070400000n) << 22n).toString();
}
