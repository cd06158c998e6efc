/**
 * The feedback loop through the fake Discord (issue 14): 👍/👎 on every answer, /report for
 * moderators, a store that survives restarts and never stops answers when it fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordedCallback } from '../../fake-discord/index.js';
import { bool, buttonsOf, embedOf, int, isEphemeral, str, textOf, useHarness, type Harness } from './harness.js';

const MOD_ROLE = '222222222222222222';
const MOD = { roles: [MOD_ROLE] };
const ALICE = { userId: '500000000000000001', username: 'alice' };
const BOB = { userId: '500000000000000002', username: 'bob' };
const GUILD_SPEC = { roles: [{ id: MOD_ROLE, name: 'Moderator' }] };

type Button = { label?: string; custom_id: string; emoji?: { name: string } };
const buttons = (reply: RecordedCallback | { body?: unknown }): Button[] => buttonsOf(reply) as Button[];
const voteIds = (reply: RecordedCallback | { body?: unknown }) => buttons(reply).filter((b) => b.custom_id.startsWith('v:')).map((b) => [b.emoji?.name, b.custom_id]);

async function askAs(h: Harness, question: string, as: object = ALICE, options: object[] = []) {
  const i = h.fake.chatInput('ask', [str('question', question), ...(options as never[])], as);
  return h.fake.waitForCallback(i.id);
}

async function press(h: Harness, customId: string, as: object) {
  const i = h.fake.button(customId, undefined, as);
  return h.fake.waitForCallback(i.id);
}

async function report(h: Harness, kind: 'unanswered' | 'feedback', as: object = MOD, days?: number) {
  const i = h.fake.chatInput('report', [{ name: kind, type: 1, options: days === undefined ? [] : [int('days', days)] }], as);
  const callback = await h.fake.waitForCallback(i.id);
  expect(isEphemeral(callback)).toBe(true);
  const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
  return edit;
}

describe('with the embedded store', () => {
  let h: Harness;
  useHarness((started) => (h = started), { MODERATOR_ROLE_IDS: MOD_ROLE }, { guilds: [GUILD_SPEC] });

  it('puts 👍 and 👎 under every answer, public and private, on every page, with one answer id', async () => {
    const publicAnswer = await askAs(h, 'Handel zwischen China und Russland');
    const [[up, upId], [down, downId]] = voteIds(publicAnswer) as [[string, string], [string, string]];
    expect([up, down]).toEqual(['👍', '👎']);
    const answerId = upId.split(':')[1];
    expect(downId).toBe(`v:${answerId}:d`);
    // The next page keeps the answer's id.
    const more = buttons(publicAnswer).find((b) => b.label === 'More results');
    expect(more?.custom_id).toMatch(new RegExp(`^p:[\\w-]{8}:3:0:${answerId}$`, 'u'));
    const page = await press(h, more?.custom_id ?? '', ALICE);
    expect(voteIds(page).map(([, id]) => id)).toEqual([`v:${answerId}:u`, `v:${answerId}:d`]);
    const privateAnswer = await askAs(h, 'Wer ist Du Xuliang?', ALICE, [bool('private', true)]);
    expect(isEphemeral(privateAnswer)).toBe(true);
    expect(voteIds(privateAnswer)).toHaveLength(2);
    // No votes on "nothing found".
    expect(voteIds(await askAs(h, 'How do I repot an orchid?'))).toEqual([]);
  });

  it('thanks privately, one vote per user: the other button changes it, the same again withdraws it', async () => {
    const answer = await askAs(h, 'Wie stark fiel die Nvidia-Aktie?');
    const [[, up], [, down]] = voteIds(answer) as [[string, string], [string, string]];
    const first = await press(h, down, ALICE);
    expect(isEphemeral(first)).toBe(true);
    expect(embedOf(first).title).toBe('Thanks!');
    expect(embedOf(await press(h, down, BOB)).title).toBe('Thanks!');
    expect(embedOf(await press(h, up, BOB)).title).toBe('Thanks!');
    expect(embedOf(await press(h, down, { ...ALICE, locale: 'de' })).title).toBe('Danke! Ihre Stimme ist zurückgenommen.');
    expect(embedOf(await press(h, down, ALICE)).title).toBe('Thanks!');
    // A vote is a new private message (4), never an update of the answer others see (7).
    expect(first.type).toBe(4);
    const feedback = embedOf(await report(h, 'feedback'));
    expect(feedback.title).toBe('Answers with 👎, last 30 days');
    const row = feedback.fields?.find((f) => f.name === 'Wie stark fiel die Nvidia-Aktie?');
    expect(row?.value).toMatch(/^-# 001\\_e98a8a84176a97af\.txt · paragraph \d+\n👍 1 · 👎 1$/u);
  });

  it('groups unanswered questions by their normalized form, most asked first', async () => {
    for (const q of ['Rezept für veganen Käsekuchen?', 'rezept fuer veganen kaesekuchen', 'REZEPT für veganen Käsekuchen ?!']) await askAs(h, q);
    await askAs(h, 'How do I repot an orchid?');
    const embed = embedOf(await report(h, 'unanswered', MOD, 7));
    expect(embed.title).toBe('Unanswered questions, last 7 days');
    expect(embed.description).toMatch(/^Questions: \d+ · unanswered: \d+ · uncertain: \d+ · 👍 \d+ · 👎 \d+$/u);
    expect(embed.fields?.[0]?.name).toMatch(/^(Rezept für veganen Käsekuchen\?|rezept fuer veganen kaesekuchen|REZEPT für veganen Käsekuchen \?!)$/u);
    expect(embed.fields?.[0]?.value).toMatch(/^asked 3× · last \d{4}-\d\d-\d\d \d\d:\d\d$/u);
  });

  it('refuses /report and its page buttons to members who are not moderators', async () => {
    for (const kind of ['unanswered', 'feedback'] as const) {
      expect(embedOf(await report(h, kind, ALICE)).title).toBe('Only moderators (Manage Server or a moderator role) may see reports.');
    }
    expect(embedOf(await press(h, 'r:u:30:10', ALICE)).title).toBe('Only moderators (Manage Server or a moderator role) may see reports.');
  });

  it('pages long reports within Discord limits', async () => {
    await Promise.all(Array.from({ length: 23 }, (_, n) => askAs(h, `Zebrastreifen Nummer ${n} in Quakenbrück?`, { userId: `60000000000000${String(n).padStart(4, '0')}` })));
    const first = await report(h, 'unanswered');
    expect(embedOf(first).fields).toHaveLength(10);
    expect(embedOf(first).footer?.text).toMatch(/^1–10 of \d+$/u);
    const next = buttons(first ?? {}).find((b) => b.label === 'Next');
    expect(next?.custom_id).toBe('r:u:30:10');
    const i = h.fake.button(next?.custom_id ?? '', undefined, MOD);
    expect((await h.fake.waitForCallback(i.id)).type).toBe(6);
    const [second] = await h.fake.waitForMessages(i.token, 1);
    expect(embedOf(second).footer?.text).toMatch(/^11–20 of \d+$/u);
    expect(buttons(second ?? {}).map((b) => b.label)).toEqual(['Previous', 'Next']);
  });

  it('keeps questions and votes across a restart, and old 👎 buttons keep working', async () => {
    const answer = await askAs(h, 'Was sagte Putin über Musk?');
    const [, [, down]] = voteIds(answer) as [[string, string], [string, string]];
    await press(h, down, ALICE);
    const before = embedOf(await report(h, 'feedback')).description;
    await h.restart();
    expect(embedOf(await report(h, 'feedback')).description).toBe(before);
    expect(embedOf(await press(h, down, BOB)).title).toBe('Thanks!');
    const after = embedOf(await report(h, 'feedback'));
    expect(after.fields?.find((f) => f.name === 'Was sagte Putin über Musk?')?.value).toMatch(/👍 0 · 👎 2$/u);
  });

  it('says in /help what is kept, for how long, and who sees it', async () => {
    const i = h.fake.chatInput('help');
    const text = textOf(await h.fake.waitForCallback(i.id));
    expect(text).toContain('What is kept');
    expect(text).toContain('never your Discord id');
    expect(text).toContain('Deleted after 90 days. Only moderators see reports.');
  });
});

describe('with a store that cannot be used', () => {
  // A file that is not a database where the store should be.
  const dir = path.join(tmpdir(), `quelle-broken-store-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'quelle.sqlite');
  writeFileSync(file, 'this is not a database, just text that is long enough to have a header '.repeat(20));
  let h: Harness;
  useHarness((started) => (h = started), { MODERATOR_ROLE_IDS: MOD_ROLE, DATABASE_URL: `file:${file}` }, { guilds: [GUILD_SPEC] });

  it('keeps answering, says a vote was not saved, warns once a minute at most, and reports that the store is down', async () => {
    for (let n = 0; n < 3; n++) {
      const answer = await askAs(h, 'Wer ist Du Xuliang?');
      expect(textOf(answer)).toContain('001\\_e98a8a84176a97af.txt');
      const [, [, down]] = voteIds(answer) as [[string, string], [string, string]];
      expect(embedOf(await press(h, down, ALICE)).title).toBe("Couldn't save your vote. Please try again later.");
    }
    const warnings = h.logs.filter((l) => l.level === 40 && typeof l.msg === 'string' && l.msg.startsWith('feedback store'));
    expect(warnings).toHaveLength(1);
    expect(embedOf(await report(h, 'unanswered')).title).toBe('Report unavailable');
  });
});

describe('two shards writing at once', () => {
  const GUILD_A = String(200_000_000_000n << 22n);
  const GUILD_B = String(200_000_000_001n << 22n);
  const CHANNEL_A = '810000000000000001';
  const CHANNEL_B = '810000000000000002';
  let h: Harness;
  useHarness((started) => (h = started), { SHARD_COUNT: '2', MODERATOR_ROLE_IDS: MOD_ROLE }, {
    guilds: [
      { id: GUILD_A, name: 'A', channels: [{ id: CHANNEL_A, name: 'a' }], roles: [{ id: MOD_ROLE, name: 'Moderator' }] },
      { id: GUILD_B, name: 'B', channels: [{ id: CHANNEL_B, name: 'b' }], roles: [{ id: MOD_ROLE, name: 'Moderator' }] },
    ],
  });

  it('loses no question and no vote', async () => {
    const where = (n: number) => (n % 2 === 0 ? { guildId: GUILD_A, channelId: CHANNEL_A } : { guildId: GUILD_B, channelId: CHANNEL_B });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => askAs(h, 'Gallium Germanium', { userId: `70000000000000${String(n).padStart(4, '0')}`, ...where(n) })));
    await Promise.all(
      answers.map(async (answer, n) => {
        const [, [, down]] = voteIds(answer) as [[string, string], [string, string]];
        expect(embedOf(await press(h, down, { userId: `71000000000000${String(n).padStart(4, '0')}`, ...where(n) })).title).toBe('Thanks!');
      }),
    );
    const embed = embedOf(await report(h, 'feedback', { ...MOD, guildId: GUILD_A, channelId: CHANNEL_A }));
    expect(embed.description).toBe('Questions: 40 · unanswered: 0 · uncertain: 0 · 👍 0 · 👎 40');
  });
});
