import { describe, expect, it } from 'vitest';
import { Feedback } from '../../src/store/feedback.js';
import type { FeedbackStore, QuestionRecord } from '../../src/store/types.js';
import { voterHash } from '../../src/store/voter.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 29, 12);

function question(id: string, overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    id,
    at: NOW,
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    locale: 'de',
    question: 'Wie viel Gallium exportiert China?',
    abstained: false,
    top: { file: '000_a5c1968631554abc.txt', paragraph: 12, score: 14.5 },
    private: false,
    ...overrides,
  };
}

/** One value the database holds, as text, and where (for the raw file: `table` names it so). */
export interface StoredCell {
  readonly table: string;
  readonly column: string;
  readonly value: string;
}

/**
 * What every store must do, run against each implementation: `open` gives a fresh, empty
 * store; `reopen` the same one again (a restart); `stored` reads everything the database of a
 * closed store holds: every column of every row of every table, and whatever else can be read.
 */
export function storeContract(
  name: string,
  open: () => Promise<FeedbackStore>,
  reopen: (store: FeedbackStore) => Promise<FeedbackStore>,
  stored: (store: FeedbackStore) => Promise<readonly StoredCell[]>,
): void {
  describe(`${name}: the feedback store contract`, () => {
    it('keeps one secret per install, across restarts', async () => {
      const store = await open();
      const secret = await store.secret();
      expect(secret).toMatch(/^[0-9a-f]{64}$/u);
      const again = await reopen(store);
      expect(await again.secret()).toBe(secret);
      await again.close();
    });

    it('counts questions and unanswered ones, grouped by normalized form, most asked first', async () => {
      const store = await open();
      await store.recordQuestions([
        question('a1'),
        question('a2', { abstained: true, top: null, question: 'Wann wurde Tesla gegründet?', at: NOW - 3000 }),
        question('a3', { abstained: true, top: null, question: 'wann wurde tesla gegruendet', at: NOW - 2000 }),
        question('a4', { abstained: true, top: null, question: 'Wann wurde Tesla gegründet ?!', at: NOW - 1000 }),
        question('a5', { abstained: true, top: null, question: 'Wie alt ist Putin?' }),
        question('a6', { abstained: true, top: null, question: null }),
        question('old', { abstained: true, top: null, question: 'Uralt?', at: NOW - 40 * DAY }),
      ]);
      // Recording the same answer again changes nothing.
      await store.recordQuestions([question('a1')]);
      const report = await store.report(NOW - 30 * DAY, 100);
      expect(report).toMatchObject({ since: NOW - 30 * DAY, questions: 6, abstained: 5, uncertain: 0, votes: { up: 0, down: 0 }, downvoted: [] });
      expect(report.unanswered.every((u) => !u.uncertain)).toBe(true);
      expect(report.unanswered.map((u) => [u.count, u.lastAsked])).toEqual([
        [3, NOW - 1000],
        [1, NOW],
      ]);
      expect(report.unanswered[0]?.question).toMatch(/^wann wurde tesla/iu);
      expect(report.unanswered[1]?.question).toBe('Wie alt ist Putin?');
      expect((await store.report(NOW - 30 * DAY, 1)).unanswered).toHaveLength(1);
      await store.close();
    });

    it('reports uncertain answers beside the unanswered, marked as such', async () => {
      const store = await open();
      await store.recordQuestions([
        question('u1', { uncertain: true, question: 'Was hat Du Xuliang mit Huawei zu tun?', at: NOW - 1000 }),
        question('u2', { uncertain: true, question: 'was hat du xuliang mit huawei zu tun', at: NOW - 500 }),
        question('n1', { abstained: true, top: null, question: 'Wann wurde Tesla gegründet?' }),
        question('a1'),
      ]);
      const report = await store.report(NOW - DAY, 100);
      expect(report).toMatchObject({ questions: 4, abstained: 1, uncertain: 2 });
      expect(report.unanswered.map((u) => [u.count, u.uncertain])).toEqual([
        [2, true],
        [1, false],
      ]);
      await store.close();
    });

    it('keeps one vote per voter and answer: the other value changes it, the same again withdraws it', async () => {
      const store = await open();
      await store.recordQuestions([question('q1'), question('q2', { question: 'Was kostet eine Nvidia-Aktie?', top: { file: '001.txt', paragraph: 3, score: 2 } })]);
      const vote = (answerId: string, voter: string, value: 1 | -1) => store.vote({ answerId, voter, value, at: NOW });
      expect(await vote('q1', 'alice', -1)).toBe('recorded');
      expect(await vote('q1', 'bob', -1)).toBe('recorded');
      expect(await vote('q1', 'carol', 1)).toBe('recorded');
      expect(await vote('q1', 'carol', -1)).toBe('changed');
      expect(await vote('q1', 'carol', -1)).toBe('withdrawn');
      expect(await vote('q2', 'alice', -1)).toBe('recorded');
      expect(await vote('q2', 'bob', 1)).toBe('recorded');
      expect(await vote('q2', 'dave', 1)).toBe('recorded');
      // A vote on an answer the store never heard of (it was down then) still counts.
      expect(await vote('lost', 'erin', -1)).toBe('recorded');
      const report = await store.report(NOW - DAY, 100);
      expect(report.votes).toEqual({ up: 2, down: 4 });
      expect(report.downvoted).toEqual([
        { question: 'Wie viel Gallium exportiert China?', file: '000_a5c1968631554abc.txt', paragraph: 12, up: 0, down: 2 },
        { question: null, file: null, paragraph: null, up: 0, down: 1 },
        { question: 'Was kostet eine Nvidia-Aktie?', file: '001.txt', paragraph: 3, up: 2, down: 1 },
      ]);
      await store.close();
    });

    it('loses no write when many arrive at once', async () => {
      const store = await open();
      await Promise.all(Array.from({ length: 50 }, (_, i) => store.recordQuestions([question(`b${i}`, { abstained: i % 2 === 0, question: `Frage ${i % 5}` })])));
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.vote({ answerId: `b${i % 10}`, voter: `v${i}`, value: -1, at: NOW })));
      const report = await store.report(NOW - DAY, 1000);
      expect(report.questions).toBe(50);
      expect(report.votes.down).toBe(200);
      expect(report.downvoted.reduce((sum, d) => sum + d.down, 0)).toBe(200);
      await store.close();
    });

    it('purges what is older than the retention, and keeps the rest across a restart', async () => {
      const store = await open();
      await store.recordQuestions([question('new'), question('old1', { at: NOW - 100 * DAY }), question('old2', { at: NOW - 91 * DAY })]);
      await store.vote({ answerId: 'old1', voter: 'x', value: -1, at: NOW - 100 * DAY });
      await store.vote({ answerId: 'new', voter: 'x', value: -1, at: NOW });
      expect(await store.purge(NOW - 90 * DAY)).toBe(3);
      const again = await reopen(store);
      const report = await again.report(0, 100);
      expect(report.questions).toBe(1);
      expect(report.votes).toEqual({ up: 0, down: 1 });
      await again.close();
    });

    it('never receives a raw Discord user id: votes through Feedback keep only the voter hash', async () => {
      // Discord snowflakes, as interaction.user.id, interaction.guildId and channelId give them.
      const alice = '287411862263267328';
      const bob = '402158263219863552';
      const guildId = '761283910392348712';
      const store = await open();
      const feedback = new Feedback({
        // Unused: `open` hands Feedback the store under test.
        location: { kind: 'sqlite', file: ':memory:' },
        open: () => Promise.resolve(store),
        storeQuestions: true,
        retentionDays: 90,
        logger: { info: () => undefined, warn: () => undefined },
        now: () => NOW,
      });
      const asked = { guildId, channelId: '761283910392348715', locale: 'de', abstained: false, private: false };
      feedback.record({ ...asked, id: 'Vq3xT0bLk2mA', question: 'Wie viel Gallium exportiert China?', top: { file: '000_a5c1968631554abc.txt', paragraph: 12, score: 14.5 } });
      feedback.record({ ...asked, id: 'pR7wZc1Nd9sE', question: 'Wer ist Du Xuliang?', top: { file: '001_e98a8a84176a97af.txt', paragraph: 4, score: 9.1 } });
      await feedback.flush();
      expect(await feedback.vote('Vq3xT0bLk2mA', alice, -1)).toBe('recorded');
      expect(await feedback.vote('pR7wZc1Nd9sE', alice, 1)).toBe('recorded');
      expect(await feedback.vote('Vq3xT0bLk2mA', bob, 1)).toBe('recorded');
      // A vote withdrawn leaves no row, and must leave no trace of the id either.
      expect(await feedback.vote('pR7wZc1Nd9sE', bob, -1)).toBe('recorded');
      expect(await feedback.vote('pR7wZc1Nd9sE', bob, -1)).toBe('withdrawn');
      const secret = await store.secret();
      await feedback.close();

      const cells = await stored(store);
      // Where a raw id was found, if anywhere (the values themselves may be a whole file).
      expect(cells.filter((c) => c.value.includes(alice) || c.value.includes(bob)).map((c) => `${c.table}.${c.column}`)).toEqual([]);
      // What the votes table holds instead: one hash per voter and answer.
      const voters = cells.filter((c) => c.table === 'votes' && c.column === 'voter').map((c) => c.value);
      expect(voters.sort()).toEqual([voterHash(secret, 'Vq3xT0bLk2mA', alice), voterHash(secret, 'pR7wZc1Nd9sE', alice), voterHash(secret, 'Vq3xT0bLk2mA', bob)].sort());
      // The read reaches what the store does keep: the guild id, a snowflake too, in both questions.
      expect(cells.filter((c) => c.table === 'questions' && c.column === 'guild_id').map((c) => c.value)).toEqual([guildId, guildId]);
    });

    it('keeps page buttons by key, with their channel and hashed owner', async () => {
      const store = await open();
      await store.saveButton({ key: 'k3yK3yk3', text: 'Wer ist Du Xuliang?', channelId: '200000000000000001', owner: 'hash-of-alice', at: NOW });
      await store.saveButton({ key: 'pub1ic_k', text: 'Gallium', channelId: '200000000000000001', owner: null, at: NOW });
      const again = await reopen(store);
      expect(await again.loadButton('k3yK3yk3')).toEqual({ key: 'k3yK3yk3', text: 'Wer ist Du Xuliang?', channelId: '200000000000000001', owner: 'hash-of-alice', at: NOW });
      expect((await again.loadButton('pub1ic_k'))?.owner).toBeNull();
      expect(await again.loadButton('unknown0')).toBeUndefined();
      // Purged with the questions.
      await again.purge(NOW + 1);
      expect(await again.loadButton('k3yK3yk3')).toBeUndefined();
      await again.close();
    });

    it('starts a cooldown once per window, atomically', async () => {
      const store = await open();
      expect(await store.takeCooldown('user-a', NOW, 5000)).toBe(0);
      expect(await store.takeCooldown('user-a', NOW + 1000, 5000)).toBe(4000);
      expect(await store.takeCooldown('user-b', NOW + 1000, 5000)).toBe(0);
      // Together: exactly one of ten concurrent takes starts it.
      const takes = await Promise.all(Array.from({ length: 10 }, () => store.takeCooldown('user-c', NOW, 5000)));
      expect(takes.filter((left) => left === 0)).toHaveLength(1);
      expect(await store.takeCooldown('user-a', NOW + 5000, 5000)).toBe(0);
      await store.close();
    });

    it('keeps uploads byte for byte, replaces and deletes them', async () => {
      const store = await open();
      const latin1 = Buffer.from('Überschrift\nMüller sagt: Käse.\n', 'latin1');
      await store.putUpload({ name: 'b.txt', content: latin1, record: '{"name":"b.txt"}', at: NOW });
      await store.putUpload({ name: 'a.txt', content: Buffer.from('Titel\nText\n'), record: '{}', at: NOW });
      await store.putUpload({ name: 'a.txt', content: Buffer.from('Titel\nNeuer Text\n'), record: '{"v":2}', at: NOW + 1 });
      const again = await reopen(store);
      const uploads = await again.uploads();
      expect(uploads.map((u) => u.name)).toEqual(['a.txt', 'b.txt']);
      expect(uploads[0]?.content.toString()).toBe('Titel\nNeuer Text\n');
      expect(uploads[0]?.record).toBe('{"v":2}');
      expect(uploads[1]?.content.equals(latin1)).toBe(true);
      await again.deleteUpload('a.txt');
      expect((await again.uploads()).map((u) => u.name)).toEqual(['b.txt']);
      await again.close();
    });
  });
}
