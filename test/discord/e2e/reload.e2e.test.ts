import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedOf, isEphemeral, useHarness, str, textOf, type Harness } from './harness.js';

const MOD_ROLE = '222222222222222222';
const MANAGE_GUILD = '32';

let h: Harness;
useHarness((started) => (h = started), { MODERATOR_ROLE_IDS: MOD_ROLE }, { guilds: [{ roles: [{ id: MOD_ROLE, name: 'Moderator' }] }] });

/** Runs /reload as a member with these permissions and roles; the deferred reply's edit. */
async function reloadAs(permissions: string, roles: string[] = []) {
  const i = h.fake.chatInput('reload', [], { permissions, roles });
  const callback = await h.fake.waitForCallback(i.id);
  expect(callback.type).toBe(5); // deferred: a build may take a while
  expect(isEphemeral(callback)).toBe(true);
  const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
  return edit;
}

describe('/reload', () => {
  it('refuses a member without Manage Server or a moderator role, even when Discord let them run it', async () => {
    const reply = await reloadAs('0', ['333333333333333333']);
    expect(embedOf(reply).title).toBe('Only moderators (Manage Server or a moderator role) may reload the index.');
    expect(h.logs.some((l) => l.msg === 'reload refused: not a moderator')).toBe(true);
  });

  it('lets a moderator role reload', async () => {
    const reply = await reloadAs('0', [MOD_ROLE]);
    expect(embedOf(reply).title).toBe('Index reloaded');
    expect(embedOf(reply).description).toMatch(/^Articles: 5 → 5 · paragraphs: 65 → 65 · took \d+ ms\nNo article changed\.$/u);
  });

  it('reports what changed in the corpus dir', async () => {
    writeFileSync(path.join(h.corpusDir, 'neu.txt'), 'Zwiebelkuchen in Thüringen\nDer Zwiebelkuchen wird in Thüringen im Herbst mit Federweißer gegessen.\n');
    rmSync(path.join(h.corpusDir, '002_d4ae846f5caee85a.txt'));
    const changed = path.join(h.corpusDir, '001_e98a8a84176a97af.txt');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nEin neuer Absatz über Hangzhou und seine Robotik-Start-ups.\n`);
    writeFileSync(path.join(h.corpusDir, 'leer.txt'), '');

    const reply = await reloadAs(MANAGE_GUILD);
    const embed = embedOf(reply);
    expect(embed.title).toBe('Index reloaded');
    expect(embed.description).toMatch(/^Articles: 5 → 5 · paragraphs: 65 → \d+ · took \d+ ms$/u);
    expect(embed.fields?.map((f) => [f.name, f.value])).toEqual([
      ['Added (1)', 'neu.txt'],
      ['Removed (1)', '002\\_d4ae846f5caee85a.txt'],
      ['Changed (1)', '001\\_e98a8a84176a97af.txt'],
      ['Skipped (1)', expect.stringMatching(/^leer\.txt: /u)],
    ]);
    // The new index is in service.
    const ask = h.fake.chatInput('ask', [str('question', 'Zwiebelkuchen Thüringen')]);
    expect(textOf(await h.fake.waitForCallback(ask.id))).toContain('neu.txt');
    expect(h.logs.some((l) => l.msg === 'reload succeeded')).toBe(true);
  });

  it('answers every /ask of a burst during a reload, each from a whole index', async () => {
    // A corpus big enough that the sliced build spans many turns of the event loop.
    const words = ['Handel', 'Gallium', 'Sanktionen', 'Halbleiter', 'Exporte', 'Moskau', 'Peking', 'Robotik'];
    const lines = Array.from({ length: 4000 }, (_, n) => `Absatz ${n} über ${words[n % words.length] ?? ''} und ${words[(n * 3) % words.length] ?? ''} im Jahr ${1990 + (n % 30)}.`);
    writeFileSync(path.join(h.corpusDir, 'gross.txt'), `Ein großer Artikel\n${lines.join('\n')}\n`);

    const reload = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
    const asks = Array.from({ length: 60 }, () => h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]));
    const callbacks = await Promise.all(asks.map((a) => h.fake.waitForCallback(a.id, { timeoutMs: 20_000 })));
    for (const [n, callback] of callbacks.entries()) {
      // Deferred only if an ask waited long; either way the answer is the whole passage.
      const reply = callback.type === 5 ? (await h.fake.waitForMessages(asks[n]?.token ?? '', 1))[0] : callback;
      expect(textOf(reply)).toContain('Du **Xuliang**, Direktor der provinziellen Entwicklungs');
    }
    const [done] = await h.fake.waitForMessages(reload.token, 1, { timeoutMs: 20_000 });
    expect(embedOf(done).fields?.[0]).toEqual({ name: 'Added (1)', value: 'gross.txt' });
    // Every interaction got exactly one callback.
    for (const a of [reload, ...asks]) expect(h.fake.responsesFor(a.id).filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
  });

  it('shares one build between overlapping reloads', async () => {
    const before = h.logs.filter((l) => l.msg === 'index built').length;
    const a = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
    const b = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
    const [ra] = await h.fake.waitForMessages(a.token, 1, { timeoutMs: 20_000 });
    const [rb] = await h.fake.waitForMessages(b.token, 1, { timeoutMs: 20_000 });
    expect(embedOf(ra).title).toBe('Index reloaded');
    expect(embedOf(rb).description).toBe(embedOf(ra).description);
    expect(h.logs.filter((l) => l.msg === 'index built').length - before).toBe(1);
  });
});
