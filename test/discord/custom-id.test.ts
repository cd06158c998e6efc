import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/answers/reply.js';
import { ActionCodec } from '../../src/discord/custom-id.js';
import { CUSTOM_ID_MAX } from '../../src/discord/limits.js';

describe('ActionCodec', () => {
  it('encodes citations with their file, readable and restart-proof', () => {
    const codec = new ActionCodec();
    expect(codec.encode({ kind: 'cite', file: '004_07e808b765e234ab.txt', paragraph: 12 })).toBe('c:12:004_07e808b765e234ab.txt');
    expect(new ActionCodec().decode('c:12:004_07e808b765e234ab.txt')).toEqual({ kind: 'cite', file: '004_07e808b765e234ab.txt', paragraph: 12 });
    expect(new ActionCodec().decode('c:3:dir/a:b.txt')).toEqual({ kind: 'cite', file: 'dir/a:b.txt', paragraph: 3 });
  });

  it('round-trips any action within 100 characters', () => {
    const codec = new ActionCodec();
    const answerId = fc.stringMatching(/^[\w-]{12}$/u);
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ kind: fc.constant('page' as const), question: fc.string({ maxLength: 300 }), offset: fc.nat(100_000), private: fc.boolean() }),
      fc.record({ kind: fc.constant('page' as const), question: fc.string({ maxLength: 300 }), offset: fc.nat(100_000), private: fc.boolean(), answerId }),
      fc.record({ kind: fc.constant('publish' as const), question: fc.string({ maxLength: 300 }), offset: fc.nat(100_000) }),
      fc.record({ kind: fc.constant('publish' as const), question: fc.string({ maxLength: 300 }), offset: fc.nat(100_000), answerId }),
      fc.record({ kind: fc.constant('cite' as const), file: fc.string({ minLength: 1, maxLength: 300 }), paragraph: fc.integer({ min: 1, max: 99_999 }) }),
      fc.record({ kind: fc.constant('remove' as const), file: fc.string({ minLength: 1, maxLength: 300 }) }),
      fc.record({ kind: fc.constant('vote' as const), answerId, value: fc.constantFrom(1 as const, -1 as const) }),
      fc.record({ kind: fc.constant('report' as const), report: fc.constantFrom('unanswered' as const, 'feedback' as const), days: fc.integer({ min: 1, max: 3650 }), offset: fc.nat(100_000) }),
    );
    fc.assert(
      fc.property(action, (a) => {
        const id = codec.encode(a);
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(codec.decode(id)).toEqual(a);
      }),
    );
  });

  it('encodes votes, removals and report pages without state, so that they work after a restart', () => {
    const codec = new ActionCodec();
    expect(codec.encode({ kind: 'vote', answerId: 'AbCdEfGh-_12', value: -1 })).toBe('v:AbCdEfGh-_12:d');
    expect(codec.encode({ kind: 'report', report: 'feedback', days: 30, offset: 10 })).toBe('r:f:30:10');
    expect(codec.encode({ kind: 'remove', file: 'uploads/a.txt' })).toBe('d:uploads/a.txt');
    const fresh = new ActionCodec();
    expect(fresh.decode('v:AbCdEfGh-_12:u')).toEqual({ kind: 'vote', answerId: 'AbCdEfGh-_12', value: 1 });
    expect(fresh.decode('r:u:7:0')).toEqual({ kind: 'report', report: 'unanswered', days: 7, offset: 0 });
    expect(fresh.decode('d:uploads/a.txt')).toEqual({ kind: 'remove', file: 'uploads/a.txt' });
    // "Not helpful – remove": the post's author (checked on press), and the answer whose 👎 it counts.
    expect(codec.encode({ kind: 'dismiss', authorId: '500000000000000001', answerId: 'AbCdEfGh-_12' })).toBe('x:500000000000000001:AbCdEfGh-_12');
    expect(fresh.decode('x:500000000000000001:AbCdEfGh-_12')).toEqual({ kind: 'dismiss', authorId: '500000000000000001', answerId: 'AbCdEfGh-_12' });
    expect(fresh.decode('x:500000000000000001')).toEqual({ kind: 'dismiss', authorId: '500000000000000001' });
    // A follow-up's next page keeps the thread's context.
    const page = { kind: 'page', question: 'Und auf wie viel?', offset: 3, private: false, context: 'Wie stark fiel die Nvidia-Aktie?' } as const;
    expect(codec.decode(codec.encode(page))).toEqual(page);
  });

  it.each(['v:short:u', 'v:AbCdEfGh-_12:x', 'v::u', 'r:x:7:0', 'r:u:0:0', 'r:u:7:', 'd:', 'd:~nokey', 'x:alice', 'x:500000000000000001:short'])('decodes the bad id %j to nothing', (id) => {
    expect(new ActionCodec().decode(id)).toBeUndefined();
  });

  it('gives the same key to the same question', () => {
    const codec = new ActionCodec();
    const a = codec.encode({ kind: 'page', question: 'Gallium', offset: 3, private: false });
    const b = codec.encode({ kind: 'publish', question: 'Gallium', offset: 0 });
    expect(a.split(':')[1]).toBe(b.split(':')[1]);
  });

  it('forgets the oldest questions beyond its capacity', () => {
    const codec = new ActionCodec(2);
    const first = codec.encode({ kind: 'page', question: 'eins', offset: 3, private: false });
    codec.encode({ kind: 'page', question: 'zwei', offset: 3, private: false });
    codec.encode({ kind: 'page', question: 'drei', offset: 3, private: false });
    expect(codec.decode(first)).toBeUndefined();
  });

  it('makes keys no other process can know: an id from before a restart is forgotten, not another question', () => {
    const before = new ActionCodec().encode({ kind: 'page', question: 'eine private Frage', offset: 3, private: true });
    const after = new ActionCodec();
    const other = after.encode({ kind: 'page', question: 'eine andere Frage', offset: 3, private: false });
    expect(before.split(':')[1]).not.toBe(other.split(':')[1]);
    expect(before.split(':')[1]).toMatch(/^[\w-]{8}$/u);
    expect(after.decode(before)).toBeUndefined();
  });

  it('lets only the asker page or post a private answer, and only in its channel', () => {
    const codec = new ActionCodec();
    const asker = { channelId: 'c1', userId: 'alice' };
    const page = codec.encode({ kind: 'page', question: 'Gallium', offset: 3, private: true }, asker);
    const post = codec.encode({ kind: 'publish', question: 'Gallium', offset: 0 }, asker);
    for (const id of [page, post]) {
      expect(codec.permits(id, asker)).toBe(true);
      expect(codec.permits(id, { channelId: 'c1', userId: 'bob' })).toBe(false);
      expect(codec.permits(id, { channelId: 'c2', userId: 'alice' })).toBe(false);
    }
  });

  it('lets anyone in the channel page a public answer, and anyone cite', () => {
    const codec = new ActionCodec();
    const page = codec.encode({ kind: 'page', question: 'Gallium', offset: 3, private: false }, { channelId: 'c1', userId: 'alice' });
    expect(codec.permits(page, { channelId: 'c1', userId: 'bob' })).toBe(true);
    expect(codec.permits(page, { channelId: 'c2', userId: 'bob' })).toBe(false);
    const cite = codec.encode({ kind: 'cite', file: 'a.txt', paragraph: 2 }, { channelId: 'c1', userId: 'alice' });
    expect(codec.permits(cite, { channelId: 'c9', userId: 'bob' })).toBe(true);
  });

  it('keeps one key per question, channel and owner', () => {
    const codec = new ActionCodec();
    const alice = codec.encode({ kind: 'page', question: 'Gallium', offset: 3, private: true }, { channelId: 'c1', userId: 'alice' });
    const bob = codec.encode({ kind: 'page', question: 'Gallium', offset: 3, private: true }, { channelId: 'c1', userId: 'bob' });
    expect(alice.split(':')[1]).not.toBe(bob.split(':')[1]);
    expect(codec.permits(alice, { channelId: 'c1', userId: 'bob' })).toBe(false);
  });

  it.each(['', 'x', 'p', 'p:zz:3:0', 'p:0:abc:0', 'c:0:a.txt', 'c:1:', 'c:x:a.txt', 'c:1:~nokey', 'b:0', 'other:1:2', ':::'])('decodes %j to nothing', (id) => {
    expect(new ActionCodec().decode(id)).toBeUndefined();
  });
});
