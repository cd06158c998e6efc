import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import type { Interaction } from 'discord.js';
import { FakeDiscord, rateLimitedResponse, serverErrorResponse } from './index.js';
import type { FakeDiscordOptions } from './index.js';

/**
 * Proves the fake against the real discord.js Client (not the project's bot): a bare client
 * with a handful of handlers, each exercising one way of answering an interaction.
 */

const NO_MENTIONS = { parse: [] };

interface Pair {
  fake: FakeDiscord;
  client: Client;
  handlerErrors: unknown[];
  clicked: string[];
}

/** What the test bot does per command; kept trivial so failures point at the fake. */
async function handle(interaction: Interaction, pair: Pair): Promise<void> {
  if (interaction.isAutocomplete()) {
    const choices = Array.from({ length: 30 }, (_, index) => ({ name: `choice ${index}`, value: `v${index}` }));
    await interaction.respond(choices);
    return;
  }
  if (interaction.isButton()) {
    pair.clicked.push(interaction.customId);
    await interaction.update({ content: `clicked ${interaction.customId}`, components: [], allowedMentions: NO_MENTIONS });
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    await interaction.reply({ content: `quoted: ${interaction.targetMessage.content}`, allowedMentions: NO_MENTIONS });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case 'hi':
      await interaction.reply({ content: 'hi', allowedMentions: NO_MENTIONS });
      return;
    case 'ask':
      await interaction.reply({ content: `you asked: ${interaction.options.getString('question', true)}`, allowedMentions: NO_MENTIONS });
      return;
    case 'slow':
      await interaction.deferReply();
      await interaction.editReply({ content: 'done thinking', allowedMentions: NO_MENTIONS });
      return;
    case 'more':
      await interaction.reply({ content: 'first', allowedMentions: NO_MENTIONS });
      await interaction.followUp({ content: 'second', allowedMentions: NO_MENTIONS });
      return;
    case 'careless':
      await interaction.reply({ content: 'no allowed mentions here' });
      return;
    case 'buttons': {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'pick one', components: [row], allowedMentions: NO_MENTIONS, withResponse: true });
      return;
    }
    default:
      await interaction.reply({ content: `unknown command ${interaction.commandName}`, allowedMentions: NO_MENTIONS });
  }
}

async function startPair(options: FakeDiscordOptions = {}): Promise<Pair> {
  const fake = await FakeDiscord.start(options);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl, globalRequestsPerSecond: 1000 },
  });
  const pair: Pair = { fake, client, handlerErrors: [], clicked: [] };
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction, pair).catch((error: unknown) => pair.handlerErrors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login('fake.token.for-tests');
  await ready;
  await fake.waitForIdentify();
  return pair;
}

/** Open TCP handles (servers and sockets) of this process, to show nothing is left behind. */
function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((name) => name.startsWith('TCP')).length;
}

/** Closed sockets leave the handle list a tick or two after close() returns. */
async function tcpHandlesSettleAt(baseline: number): Promise<number> {
  for (let attempt = 0; attempt < 50 && tcpHandles() > baseline; attempt++) await sleep(10);
  return tcpHandles();
}

async function stopPair(pair: Pair | undefined): Promise<void> {
  if (!pair) return;
  await pair.client.destroy();
  await pair.fake.stop();
}

describe('FakeDiscord with the real discord.js client', () => {
  let pair: Pair | undefined;
  const current = (): Pair => {
    if (!pair) throw new Error('the client did not start');
    return pair;
  };

  beforeAll(async () => {
    pair = await startPair();
  });

  afterAll(async () => {
    await stopPair(pair);
    await pair?.fake.stop(); // idempotent
  });

  it('logs the client in with READY and GUILD_CREATE', () => {
    const { fake, client } = current();
    expect(fake.identifyCount).toBe(1);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.guilds.cache.get(fake.guildId)?.channels.cache.has(fake.channelId)).toBe(true);
    expect(fake.requests.some((request) => request.path === '/gateway/bot')).toBe(true);
  });

  it('records application commands and dispatches them with their ids', async () => {
    const { fake, client } = current();
    const body = [{ name: 'ask', description: 'Ask a question', options: [{ name: 'question', description: 'What', type: 3, required: true }] }];
    const registered = (await client.rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as Array<{ id: string }>;
    expect(fake.commands(fake.guildId)).toEqual(body);
    const fetched = await client.guilds.cache.get(fake.guildId)?.commands.fetch();
    expect(fetched?.map((command) => command.name)).toEqual(['ask']);
    const sent = fake.payloads.chatInput('ask', [{ name: 'question', type: 3, value: 'x' }]);
    expect(sent.data.id).toBe(registered[0]?.id);
  });

  it('receives a reply as callback type 4 without violations', async () => {
    const { fake } = current();
    const sent = fake.chatInput('hi');
    const callback = await fake.waitForCallback(sent.id);
    expect(callback.type).toBe(4);
    expect(callback.data?.content).toBe('hi');
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(callback.receivedAt).toBeGreaterThan(sent.sentAt);
    expect(fake.violations).toEqual([]);
  });

  it('passes string options through to the client', async () => {
    const { fake } = current();
    const sent = fake.chatInput('ask', [{ name: 'question', type: 3, value: 'Wer schrieb das?' }], { locale: 'de' });
    expect((await fake.waitForCallback(sent.id)).data?.content).toBe('you asked: Wer schrieb das?');
  });

  it('records deferReply then editReply as type 5 and a PATCH of @original', async () => {
    const { fake } = current();
    const sent = fake.chatInput('slow');
    expect((await fake.waitForCallback(sent.id)).type).toBe(5);
    const [edit] = await fake.waitForMessages(sent.token, 1);
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(edit?.message.content).toBe('done thinking');
    expect(fake.originalMessage(sent.token)?.content).toBe('done thinking');
    expect(fake.violations).toEqual([]);
  });

  it('records a followUp as a webhook POST', async () => {
    const { fake } = current();
    const sent = fake.chatInput('more');
    await fake.waitForCallback(sent.id);
    const [followUp] = await fake.waitForMessages(sent.token, 1);
    expect(followUp?.method).toBe('POST');
    expect(followUp?.body.content).toBe('second');
    expect(fake.responsesFor(sent.id).map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('flags a reply without allowed_mentions as a violation', async () => {
    const { fake } = current();
    const sent = fake.chatInput('careless');
    await fake.waitForCallback(sent.id);
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toMatch(/allowed_mentions is missing/);
    fake.violations.splice(0);
  });

  it('flags an autocomplete answer with 30 choices', async () => {
    const { fake } = current();
    const sent = fake.autocomplete('ask', [{ name: 'question', type: 3, value: 'abh', focused: true }]);
    const callback = await fake.waitForCallback(sent.id);
    expect(callback.type).toBe(8);
    expect(callback.data?.choices).toHaveLength(30);
    expect(fake.violations).toEqual([expect.stringMatching(/30 autocomplete choices \(max 25\)/)]);
    fake.violations.splice(0);
  });

  it('delivers a button click on a message the bot posted', async () => {
    const { fake } = current();
    const posted = fake.chatInput('buttons');
    const callback = await fake.waitForCallback(posted.id);
    expect(callback.withResponse).toBe(true);
    const message = fake.originalMessage(posted.token);
    expect(message?.components).toHaveLength(1);

    const click = fake.button('more:1', message);
    const update = await fake.waitForCallback(click.id);
    expect(current().clicked).toEqual(['more:1']);
    expect(update.type).toBe(7);
    expect(fake.messageById(message?.id ?? '')?.content).toBe('clicked more:1');
    expect(fake.violations).toEqual([]);
  });

  it('answers a message context command with the target message', async () => {
    const { fake } = current();
    const sent = fake.messageContext('Quote', { content: 'Ein Satz' });
    expect((await fake.waitForCallback(sent.id)).data?.content).toBe('quoted: Ein Satz');
  });

  it('survives a 500 and then a 429 on the callback route', async () => {
    const { fake } = current();
    fake.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/ }, [serverErrorResponse(), rateLimitedResponse(0.05)]);
    const sent = fake.chatInput('hi');
    const callback = await fake.waitForCallback(sent.id);
    expect(callback.data?.content).toBe('hi');
    expect(fake.responsesFor(sent.id).map((request) => request.status)).toEqual([500, 429, 204]);
    expect(current().handlerErrors).toEqual([]);
  });

  it('answers a second callback with 400 / 40060 and flags it', async () => {
    const { fake, client } = current();
    const sent = fake.chatInput('hi');
    await fake.waitForCallback(sent.id);
    const response = await fetch(`${fake.apiUrl}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'again', allowed_mentions: { parse: [] } } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 40060 });
    expect(fake.violations).toEqual([expect.stringMatching(/answered twice/)]);
    fake.violations.splice(0);
    expect(client.isReady()).toBe(true);
  });

  it('makes an expired interaction fail with 10062, caught by the handler', async () => {
    const { fake, handlerErrors } = current();
    const errorsBefore = handlerErrors.length;
    const sent = fake.payloads.chatInput('hi');
    fake.dispatchInteraction(sent);
    fake.expireInteraction(sent.id);
    // vi.waitFor's default 1 s is short on a shared 2-core machine running the whole suite.
    await vi.waitFor(() => expect(handlerErrors).toHaveLength(errorsBefore + 1), { timeout: 10_000 });
    expect(handlerErrors.at(-1)).toMatchObject({ code: 10062 });
    expect(fake.responsesFor(sent.id).map((request) => request.status)).toEqual([404]);
    handlerErrors.splice(errorsBefore);
  });

  it('answers unknown routes with a JSON 404 at once', async () => {
    const { fake } = current();
    const response = await fetch(`${fake.apiUrl}/v10/nothing/here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
  });
});

describe('FakeDiscord gateway reconnects', () => {
  it('resumes after withheld heartbeat ACKs and still answers interactions, then leaves nothing open', async () => {
    const baseline = tcpHandles();
    const pair = await startPair({ heartbeatIntervalMs: 300 });
    try {
      const { fake } = pair;
      fake.withholdHeartbeatAcks(true);
      await fake.waitForResume({ timeoutMs: 5_000 });
      fake.withholdHeartbeatAcks(false);
      expect(fake.resumeCount).toBeGreaterThanOrEqual(1);
      expect(fake.identifyCount).toBe(1);

      const sent = fake.chatInput('hi');
      expect((await fake.waitForCallback(sent.id)).data?.content).toBe('hi');
    } finally {
      await stopPair(pair);
    }
    expect(await tcpHandlesSettleAt(baseline)).toBeLessThanOrEqual(baseline);
  });

  it('resumes after a 4000 close and replays what the client missed', async () => {
    const pair = await startPair();
    try {
      const { fake } = pair;
      fake.disconnect(4000);
      // Sent while the socket is closing: the client never sees it until the RESUME replay.
      const missed = fake.chatInput('hi');
      await fake.waitForResume();
      expect((await fake.waitForCallback(missed.id)).type).toBe(4);
      const sent = fake.chatInput('hi');
      expect((await fake.waitForCallback(sent.id)).type).toBe(4);
    } finally {
      await stopPair(pair);
    }
  });
});

describe('FakeDiscord guild messages', () => {
  async function connect(intents: number[], options: FakeDiscordOptions = {}) {
    const fake = await FakeDiscord.start({ guilds: [{ channels: [{ name: 'general' }, { id: '700000000000000001', name: 'forum', type: 'forum' }] }], ...options });
    const client = new Client({ intents, rest: { api: fake.apiUrl } });
    return { fake, client };
  }

  it('sends forum posts (THREAD_CREATE, then the first message with the thread id) and hides content without the intent unless the bot is mentioned', async () => {
    const { fake, client } = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    try {
      const seen: { id: string; channelId: string; content: string; thread: boolean }[] = [];
      client.on(Events.MessageCreate, (m) => void seen.push({ id: m.id, channelId: m.channelId, content: m.content, thread: m.channel.isThread() }));
      await client.login('fake.bot.token-for-tests');
      await fake.waitForIdentify();
      await sleep(50);
      const { threadId } = fake.forumPost('700000000000000001', { title: 'Frage', content: 'Wer ist Du Xuliang?' });
      fake.sendMessage(fake.channelId, { content: `<@${fake.botUserId}> hallo`, mentions: [fake.botUserId] });
      await vi.waitFor(() => expect(seen).toHaveLength(2));
      expect(seen[0]).toEqual({ id: threadId, channelId: threadId, content: '', thread: true });
      expect(seen[1]?.content).toBe(`<@${fake.botUserId}> hallo`);
      // A reply must refer to a message of the same channel.
      const reply = await client.rest.post(Routes.channelMessages(threadId), { body: { content: 'ok', allowed_mentions: NO_MENTIONS, message_reference: { message_id: threadId } } });
      expect((reply as { message_reference?: { message_id: string } }).message_reference?.message_id).toBe(threadId);
      await expect(client.rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'x', allowed_mentions: NO_MENTIONS, message_reference: { message_id: threadId } } })).rejects.toThrow();
      expect(fake.postedIn(threadId).map((m) => m.content)).toEqual(['ok']);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('closes the gateway with 4014 when a refused intent is asked for', async () => {
    const { fake, client } = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent], { refusedIntents: GatewayIntentBits.MessageContent });
    try {
      const codes: number[] = [];
      client.on(Events.ShardDisconnect, (event) => void codes.push(event.code));
      await expect(client.login('fake.bot.token-for-tests')).rejects.toThrow('Used disallowed intents');
      expect(codes).toEqual([4014]);
      expect(fake.refusedCount).toBe(1);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});
