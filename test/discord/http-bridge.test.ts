import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { CallbackExchange, UnhandledInteractionError, type MakeRequest } from '../../src/discord/http-bridge.js';
import { FakeDiscord } from '../fake-discord/index.js';

/** A fetch that must not be called: every callback here is caught. */
const noFetch: MakeRequest = () => Promise.reject(new Error('no request may leave'));

async function withClient<T>(exchange: CallbackExchange, use: (client: Client, fake: FakeDiscord) => Promise<T>): Promise<T> {
  const fake = await FakeDiscord.start();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, makeRequest: exchange.makeRequest } });
  try {
    return await use(client, fake);
  } finally {
    await client.destroy();
    await fake.stop();
  }
}

describe('CallbackExchange', () => {
  it('turns the first callback into the answer and lets the router go on', async () => {
    const exchange = new CallbackExchange(noFetch);
    await withClient(exchange, async (client, fake) => {
      let after = false;
      const answer = await exchange.answer(client, fake.payloads.chatInput('ask'), async (interaction: Interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('expected a command');
        await interaction.reply({ content: 'Hallo', allowedMentions: { parse: [] } });
        after = true;
      });
      expect(answer).toMatchObject({ type: 4, data: { content: 'Hallo', allowed_mentions: { parse: [] } } });
      await new Promise((resolve) => setImmediate(resolve));
      expect(after).toBe(true);
      expect(exchange.waiting).toBe(0);
    });
  });

  it('rejects when the router ends without answering, and for kinds discord.js does not build', async () => {
    const exchange = new CallbackExchange(noFetch);
    await withClient(exchange, async (client, fake) => {
      await expect(exchange.answer(client, fake.payloads.chatInput('ask'), () => Promise.resolve())).rejects.toThrow(/was handled without a response$/u);
      const unknownKind: { id: string } = { ...fake.payloads.chatInput('ask'), type: 99 } as { id: string };
      await expect(exchange.answer(client, unknownKind, () => Promise.resolve())).rejects.toBeInstanceOf(UnhandledInteractionError);
      expect(exchange.waiting).toBe(0);
      // Only the one listener discord.js's action emits to was ever added, and it is gone.
      expect(client.listenerCount(Events.InteractionCreate)).toBe(0);
    });
  });

  it('sends every other request on: edits after a deferral go to Discord', async () => {
    const seen: string[] = [];
    const exchange = new CallbackExchange((url, init) => {
      seen.push(`${init.method ?? 'GET'} ${decodeURIComponent(new URL(url).pathname)}`);
      return fetch(url, init as unknown as RequestInit) as unknown as ReturnType<MakeRequest>;
    });
    await withClient(exchange, async (client, fake) => {
      const payload = fake.payloads.chatInput('ask');
      const answer = await exchange.answer(client, payload, async (interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('expected a command');
        await interaction.deferReply();
        await interaction.editReply({ content: 'später' });
      });
      expect(answer).toMatchObject({ type: 5 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual([`PATCH /api/v10/webhooks/${payload.application_id}/${payload.token}/messages/@original`]);
    });
  });
});
