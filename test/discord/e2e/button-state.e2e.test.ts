/**
 * Button state that cannot leak (issue 10, part 1): the custom_id of a "More results" or
 * "Post in channel" button must never run another user's question, not after a restart and
 * not when pressed by someone else. With the store, buttons outlive a restart (issue 23: any
 * replica pages any answer); without it (STORE_QUESTIONS=false), see below.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bool, buttonsOf, embedOf, isEphemeral, str, useHarness, type Harness } from './harness.js';

let h: Harness;

/** Waits until the question behind a paging button (`p:<key>:…`) is in the SQLite store. */
async function storedButton(file: string, customId: string): Promise<void> {
  const key = customId.split(':')[1];
  for (let waited = 0; waited < 10_000; waited += 50) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (db.prepare('SELECT 1 FROM buttons WHERE key = ?').get(key) !== undefined) return;
    } finally {
      db.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`button ${customId} never reached the store`);
}
useHarness((started) => (h = started));

const ALICE = { userId: '100000000000000001', username: 'alice' };
const BOB = { userId: '100000000000000002', username: 'bob' };

describe('buttons across a restart', () => {
  it('an old public answer\'s "More results" pages its own question from the store, never the first question asked after the restart', async () => {
    const asked = h.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China')], ALICE);
    const answer = await h.fake.waitForCallback(asked.id);
    const more = buttonsOf(answer).find((b) => b.label === 'More results');
    expect(more).toBeDefined();
    const message = h.fake.originalMessage(asked.token);
    // The button is written to the store in the background, right after it is made.
    await storedButton(h.storeFile, more?.custom_id ?? '');

    await h.restart();
    // Bob's private question is the first one the restarted bot remembers.
    const secret = h.fake.chatInput('ask', [str('question', 'Deepsek R1'), bool('private', true)], BOB);
    expect(isEphemeral(await h.fake.waitForCallback(secret.id))).toBe(true);

    const press = h.fake.button(more?.custom_id ?? '', message, ALICE);
    const reply = await h.fake.waitForCallback(press.id);
    expect(reply.type).toBe(7); // the public answer, paged in place
    expect(embedOf(reply).title).toContain('Abhaengigkeit von China');
    expect(embedOf(reply).footer?.text).toMatch(/^Results 4–6 of \d+$/u);
    expect(JSON.stringify(reply)).not.toContain('Deepsek');
  });
});

describe('buttons pressed by someone else', () => {
  it('refuses paging or posting a private answer for anyone but the asker', async () => {
    const asked = h.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China'), bool('private', true)], ALICE);
    const answer = await h.fake.waitForCallback(asked.id);
    const message = h.fake.originalMessage(asked.token);
    for (const label of ['More results', 'Post in channel']) {
      const button = buttonsOf(answer).find((b) => b.label === label);
      expect(button, label).toBeDefined();
      const press = h.fake.button(button?.custom_id ?? '', message, BOB);
      const reply = await h.fake.waitForCallback(press.id);
      expect(isEphemeral(reply)).toBe(true);
      expect(embedOf(reply).title).toBe('Not your answer');
    }
    // The asker still can.
    const more = buttonsOf(answer).find((b) => b.label === 'More results');
    const own = h.fake.button(more?.custom_id ?? '', message, ALICE);
    expect(embedOf(await h.fake.waitForCallback(own.id)).footer?.text).toMatch(/^Results 4–6 of \d+$/u);
  });

  it('refuses a button pressed in another channel than its answer', async () => {
    const asked = h.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China')], { ...ALICE, channelId: '200000000000000001' });
    const answer = await h.fake.waitForCallback(asked.id);
    const more = buttonsOf(answer).find((b) => b.label === 'More results');
    const press = h.fake.button(more?.custom_id ?? '', undefined, { ...BOB, channelId: '200000000000000002' });
    expect(embedOf(await h.fake.waitForCallback(press.id)).title).toBe('Not your answer');
  });
});

describe('buttons across a restart without question text in the store', () => {
  let bare: Harness;
  useHarness((started) => (bare = started), { STORE_QUESTIONS: 'false' });

  it('an old "More results" is expired, never the first question asked after the restart', async () => {
    const asked = bare.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China')], ALICE);
    const answer = await bare.fake.waitForCallback(asked.id);
    const more = buttonsOf(answer).find((b) => b.label === 'More results');
    const message = bare.fake.originalMessage(asked.token);
    await bare.restart();
    const secret = bare.fake.chatInput('ask', [str('question', 'Deepsek R1'), bool('private', true)], BOB);
    await bare.fake.waitForCallback(secret.id);
    const reply = await bare.fake.waitForCallback(bare.fake.button(more?.custom_id ?? '', message, ALICE).id);
    expect(isEphemeral(reply)).toBe(true);
    expect(embedOf(reply).title).toBe('No longer available');
    expect(JSON.stringify(reply)).not.toContain('Deepsek');
  });
});
