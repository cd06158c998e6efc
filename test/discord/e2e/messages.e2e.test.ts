/**
 * Asking where people already ask (issue 24), through the fake Discord: new forum posts and
 * questions in help channels answered unasked (only when sure), mentions, follow-ups in a
 * thread with the earlier question as context, "Not helpful – remove", the rate limit, and a
 * gateway that refuses the Message Content intent.
 */
import { GatewayIntentBits } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { buttonsOf, embedOf, isEphemeral, str, textOf, useHarness, type Harness } from './harness.js';

const FORUM = '700000000000000001';
const HELP = '700000000000000002';
const GENERAL = '700000000000000003';
const BUSY = '700000000000000004';
const MOD_ROLE = '222222222222222222';
const ALICE = '500000000000000001';
const BOB = '500000000000000002';
const CAROL = '500000000000000003';
const GUILD = {
  roles: [{ id: MOD_ROLE, name: 'Moderator' }],
  channels: [
    { id: GENERAL, name: 'general' },
    { id: FORUM, name: 'hilfe-forum', type: 'forum' as const },
    { id: HELP, name: 'fragen' },
    { id: BUSY, name: 'busy-forum', type: 'forum' as const },
  ],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const removeButton = (message: APIMessage) => buttonsOf({ body: message }).find((b) => b.custom_id.startsWith('x:'));

/** The bot's answer to a message: its reply (checked to refer to it), the one new message in the channel. */
async function replyTo(h: Harness, channelId: string, message: APIMessage, count = 1): Promise<APIMessage> {
  const posted = await h.fake.waitForPosted(channelId, count);
  const reply = posted[count - 1] as APIMessage;
  expect(reply.message_reference?.message_id).toBe(message.id);
  return reply;
}

/** Waits until the bot has handled the messages sent so far: a mention sent after them is answered (events are handled in order). */
async function settled(h: Harness): Promise<void> {
  const before = h.fake.postedIn(GENERAL).length;
  h.fake.sendMessage(GENERAL, { content: `<@${h.fake.botUserId}> Wer ist Du Xuliang?`, mentions: [h.fake.botUserId], authorId: CAROL });
  await h.fake.waitForPosted(GENERAL, before + 1);
  await sleep(100);
}

describe('with AUTO_ANSWER_CHANNEL_IDS', () => {
  let h: Harness;
  useHarness((started) => (h = started), { AUTO_ANSWER_CHANNEL_IDS: `${FORUM},${HELP},${BUSY}`, AUTO_ANSWER_PER_MINUTE: '3', MODERATOR_ROLE_IDS: MOD_ROLE }, { guilds: [GUILD] });

  it('asks for Guild Messages and Message Content', () => {
    const intents = h.fake.identifies[0]?.intents ?? 0;
    expect(intents & GatewayIntentBits.GuildMessages).toBe(GatewayIntentBits.GuildMessages);
    expect(intents & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
  });

  it('answers a new forum post once, in its thread, with the passages, buttons, 👍/👎 and "Not helpful – remove"', async () => {
    const { threadId, message } = h.fake.forumPost(FORUM, { title: 'Wie stark fiel die Nvidia-Aktie?', content: 'Ich habe dazu nichts gefunden.', authorId: ALICE });
    const answer = await replyTo(h, threadId, message);
    expect(textOf({ body: answer })).toContain('128,99');
    const labels = buttonsOf({ body: answer }).map((b) => b.label ?? (b as { emoji?: { name: string } }).emoji?.name);
    expect(labels).toContain('Cite 1');
    expect(removeButton(answer)?.label).toBe('Not helpful – remove');
    expect(removeButton(answer)?.custom_id).toMatch(new RegExp(`^x:${ALICE}:[\\w-]{12}$`, 'u'));
    expect(buttonsOf({ body: answer }).filter((b) => b.custom_id.startsWith('v:'))).toHaveLength(2);
    // Nobody is pinged, not even the author it replies to.
    expect(h.fake.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/channels/${threadId}/messages`))?.body).toMatchObject({ allowed_mentions: { parse: [], replied_user: false } });
    // Later messages in the thread and edits of the post are not answered again.
    h.fake.sendMessage(threadId, { content: 'Weiß jemand, wie stark die Nvidia-Aktie fiel?', authorId: BOB });
    h.fake.editMessage(message.id, 'Wie stark fiel die Nvidia-Aktie? (bearbeitet)');
    await settled(h);
    expect(h.fake.postedIn(threadId)).toHaveLength(1);
  });

  it('leaves an off-topic post alone and records it for /report unanswered', async () => {
    const { threadId } = h.fake.forumPost(FORUM, { title: 'Orchideen umtopfen', content: 'Wie topfe ich eine Orchidee um?', authorId: BOB });
    await settled(h);
    expect(h.fake.postedIn(threadId)).toEqual([]);
    expect(h.logs.some((l) => l['msg'] === 'auto answer withheld' && l['confidence'] === 'none')).toBe(true);
    const i = h.fake.chatInput('report', [{ name: 'unanswered', type: 1, options: [] }], { roles: [MOD_ROLE] });
    await h.fake.waitForCallback(i.id);
    const [report] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
    expect(textOf(report)).toContain('Orchideen umtopfen');
  });

  it('answers questions in a help channel, but not remarks, bots, webhooks or its own messages', async () => {
    h.fake.sendMessage(HELP, { content: 'Danke euch allen!', authorId: BOB });
    h.fake.sendMessage(HELP, { content: 'Wann veröffentlichte DeepSeek sein R1 Sprachmodell?', bot: true });
    h.fake.sendMessage(HELP, { content: 'Wann veröffentlichte DeepSeek sein R1 Sprachmodell?', webhookId: '800000000000000001' });
    h.fake.sendMessage(HELP, { content: 'Wann veröffentlichte DeepSeek sein R1 Sprachmodell?', authorId: h.fake.botUserId, bot: true });
    await settled(h);
    expect(h.fake.postedIn(HELP)).toEqual([]);
    const question = h.fake.sendMessage(HELP, { content: 'Wann veröffentlichte DeepSeek sein R1 Sprachmodell', authorId: BOB });
    expect(textOf({ body: await replyTo(h, HELP, question) })).toContain('20. Januar');
  });

  it('answers at most AUTO_ANSWER_PER_MINUTE posts per channel and minute', async () => {
    const titles = ['Wie stark fiel die Nvidia-Aktie?', 'Wann veröffentlichte DeepSeek sein R1 Sprachmodell?', 'Wer ist Du Xuliang?', 'Was hat Putin seiner Regierung zur KI aufgetragen?'];
    const posts = titles.map((title) => h.fake.forumPost(BUSY, { title, content: '', authorId: BOB }));
    await settled(h);
    expect(posts.map((p) => h.fake.postedIn(p.threadId).length)).toEqual([1, 1, 1, 0]);
    expect(h.logs.some((l) => l['msg'] === 'auto answer skipped: AUTO_ANSWER_PER_MINUTE reached in this channel')).toBe(true);
  });

  it('answers a mention anywhere as a reply, and a bare mention with a help line', async () => {
    const bot = h.fake.botUserId;
    const question = h.fake.sendMessage(GENERAL, { content: `<@${bot}> wer ist Du Xuliang?`, mentions: [bot], authorId: BOB });
    const count = h.fake.postedIn(GENERAL).length + 1;
    expect(textOf({ body: await replyTo(h, GENERAL, question, count) })).toContain('Du Xuliang');
    const bare = h.fake.sendMessage(GENERAL, { content: `<@${bot}>`, mentions: [bot], authorId: BOB });
    const help = await replyTo(h, GENERAL, bare, count + 1);
    expect(embedOf({ body: help }).title).toBe('Ask me something');
    expect(buttonsOf({ body: help })).toEqual([]);
  });

  it('answers a follow-up in a thread with the earlier question as context, and without a thread stands it alone', async () => {
    const { threadId, message } = h.fake.forumPost(FORUM, { title: 'Wie stark fiel die Nvidia-Aktie?', content: 'Ich habe dazu nichts gefunden.', authorId: ALICE });
    const first = await replyTo(h, threadId, message);
    // A reply to the bot's answer in the post's thread: "on how much?" borrows Nvidia and the share.
    const followUp = h.fake.sendMessage(threadId, { content: 'Und auf wie viel?', replyTo: first.id, authorId: ALICE });
    const second = await replyTo(h, threadId, followUp, 2);
    expect(textOf({ body: second })).toContain('128,99');
    // A follow-up is asked, not answered unasked: no remove button.
    expect(removeButton(second)).toBeUndefined();
    // /ask in the thread is a follow-up too.
    const ask = h.fake.chatInput('ask', [str('question', 'Und auf wie viel?')], { channelId: threadId, userId: BOB });
    expect(textOf(await h.fake.waitForCallback(ask.id))).toContain('128,99');
    // The same words without a conversation: nothing to go on.
    const alone = h.fake.sendMessage(GENERAL, { content: `<@${h.fake.botUserId}> Und auf wie viel?`, mentions: [h.fake.botUserId], authorId: BOB });
    const reply = await replyTo(h, GENERAL, alone, h.fake.postedIn(GENERAL).length + 1);
    expect(textOf({ body: reply })).not.toContain('128,99');
  });

  it('lets the author and a moderator remove an answer given unasked (counted as 👎), and no one else', async () => {
    const answers: APIMessage[] = [];
    for (const title of ['Wann veröffentlichte DeepSeek sein R1 Sprachmodell?', 'Wer ist Du Xuliang?']) {
      // The forum's share of this minute is spent by now: the help channel (its third and last).
      const question = h.fake.sendMessage(HELP, { content: title, authorId: ALICE });
      answers.push(await replyTo(h, HELP, question, h.fake.postedIn(HELP).length + 1));
    }
    const [byAuthor, byModerator] = answers as [APIMessage, APIMessage];
    const press = async (message: APIMessage, as: object) => {
      const i = h.fake.button(removeButton(message)?.custom_id ?? '', message, as);
      return h.fake.waitForCallback(i.id);
    };
    const refused = await press(byAuthor, { userId: CAROL });
    expect(isEphemeral(refused)).toBe(true);
    expect(embedOf(refused).title).toBe('Only the author of the post or a moderator can remove this answer.');
    expect(h.fake.messageById(byAuthor.id)).toBeDefined();
    const removed = await press(byAuthor, { userId: ALICE });
    expect(isEphemeral(removed)).toBe(true);
    expect(embedOf(removed).title).toBe('The answer is removed and counted as 👎. Thanks!');
    expect(h.fake.messageById(byAuthor.id)).toBeUndefined();
    await press(byModerator, { userId: BOB, roles: [MOD_ROLE] });
    expect(h.fake.messageById(byModerator.id)).toBeUndefined();
    // Counted as 👎.
    const i = h.fake.chatInput('report', [{ name: 'feedback', type: 1, options: [] }], { roles: [MOD_ROLE] });
    await h.fake.waitForCallback(i.id);
    const [report] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
    expect(textOf(report)).toContain('👎 1');
  });

  it('says in /help where it answers on its own', async () => {
    const i = h.fake.chatInput('help');
    const help = textOf(await h.fake.waitForCallback(i.id));
    expect(help).toContain('I answer new posts and questions in #hilfe-forum, #fragen, #busy-forum on my own');
  });
});

describe('without AUTO_ANSWER_CHANNEL_IDS', () => {
  let h: Harness;
  useHarness((started) => (h = started), {}, { guilds: [GUILD] });

  it('does not ask for Message Content, leaves forum posts alone and still answers mentions', async () => {
    expect((h.fake.identifies[0]?.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(0);
    const { threadId } = h.fake.forumPost(FORUM, { title: 'Wie stark fiel die Nvidia-Aktie?', content: '', authorId: ALICE });
    await settled(h);
    expect(h.fake.postedIn(threadId)).toEqual([]);
  });
});

describe('when Discord refuses the Message Content intent (4014)', () => {
  let h: Harness;
  useHarness((started) => (h = started), { AUTO_ANSWER_CHANNEL_IDS: FORUM }, { guilds: [GUILD], refusedIntents: GatewayIntentBits.MessageContent });

  it('says so in one line and runs without answering posts on its own', async () => {
    expect(h.fake.refusedCount).toBe(1);
    expect(h.fake.identifies.map((i) => (i.intents & GatewayIntentBits.MessageContent) !== 0)).toEqual([true, false]);
    const warnings = h.logs.filter((l) => String(l['msg']).includes('4014'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.['level']).toBe(40);
    const { threadId } = h.fake.forumPost(FORUM, { title: 'Wie stark fiel die Nvidia-Aktie?', content: '', authorId: ALICE });
    await settled(h);
    expect(h.fake.postedIn(threadId)).toEqual([]);
    const i = h.fake.chatInput('help');
    expect(textOf(await h.fake.waitForCallback(i.id))).not.toContain('on my own');
  });
});
