import { describe, expect, it } from 'vitest';
import { Feedback, StoreUnavailableError } from '../../src/store/feedback.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { FeedbackStore } from '../../src/store/types.js';

const LOCATION = { kind: 'sqlite' as const, file: ':memory:' };
const asked = (id: string, question = 'Wer ist Du Xuliang?') => ({ id, guildId: '1', channelId: '2', locale: 'de', question, abstained: false, top: null, private: false });

function harness(options: { open?: () => Promise<FeedbackStore>; storeQuestions?: boolean } = {}) {
  let now = Date.UTC(2026, 10, 29);
  const warnings: { obj: object; msg: string }[] = [];
  const feedback = new Feedback({
    location: LOCATION,
    storeQuestions: options.storeQuestions ?? true,
    retentionDays: 90,
    logger: { info: () => undefined, warn: (obj, msg) => void warnings.push({ obj, msg }) },
    now: () => now,
    retryMs: 30_000,
    warnEveryMs: 60_000,
    voteTimeoutMs: 200,
    ...(options.open === undefined ? {} : { open: options.open }),
  });
  return { feedback, warnings, advance: (ms: number) => void (now += ms) };
}

describe('Feedback', () => {
  it('writes questions after the answer, in one batch, and keeps no text with STORE_QUESTIONS=false', async () => {
    const store = new SqliteStore(':memory:');
    const { feedback } = harness({ open: () => Promise.resolve(store), storeQuestions: false });
    feedback.record({ ...asked('a'), abstained: true });
    feedback.record({ ...asked('b'), abstained: true });
    await feedback.flush();
    const report = await store.report(0, 10);
    expect(report).toMatchObject({ questions: 2, abstained: 2, unanswered: [] });
    await feedback.close();
  });

  it('keeps questions while the store is down, warns once a minute, retries, and writes them when it is back', async () => {
    let attempts = 0;
    const store = new SqliteStore(':memory:');
    const { feedback, warnings, advance } = harness({
      open: () => (++attempts < 3 ? Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')) : Promise.resolve(store)),
    });
    feedback.record(asked('a'));
    await feedback.flush();
    expect(attempts).toBe(1);
    // Within the retry period, nothing is tried; a vote says it was not saved.
    expect(await feedback.vote('a', 'user', -1)).toBe('failed');
    await expect(feedback.report(30)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(attempts).toBe(1);
    expect(warnings.map((w) => w.msg)).toEqual(['feedback store: questions could not be saved; retrying later']);
    advance(31_000);
    feedback.record(asked('b'));
    await feedback.flush();
    expect(attempts).toBe(2);
    expect(warnings).toHaveLength(1); // still within the minute
    advance(31_000);
    expect(await feedback.vote('a', 'user', -1)).toBe('recorded');
    await feedback.flush();
    expect((await store.report(0, 10)).questions).toBe(2);
    await feedback.close();
  });

  it('answers a vote as not saved when the store takes too long', async () => {
    const slow = new SqliteStore(':memory:');
    // The real store, but a vote never comes back.
    const hanging = new Proxy(slow, {
      get: (target, prop: keyof SqliteStore) => (prop === 'vote' ? () => new Promise(() => undefined) : typeof target[prop] === 'function' ? (target[prop] as (...a: unknown[]) => unknown).bind(target) : target[prop]),
    }) as FeedbackStore;
    const { feedback } = harness({ open: () => Promise.resolve(hanging) });
    expect(await feedback.vote('a', 'user', 1)).toBe('failed');
    await feedback.close();
  });

  it('hashes voters per answer: the same user dedupes on one answer, and the hash differs between answers', async () => {
    const store = new SqliteStore(':memory:');
    const { feedback } = harness({ open: () => Promise.resolve(store) });
    expect(await feedback.vote('answer-1', '123456789012345678', -1)).toBe('recorded');
    expect(await feedback.vote('answer-1', '123456789012345678', -1)).toBe('withdrawn');
    expect(await feedback.vote('answer-2', '123456789012345678', -1)).toBe('recorded');
    await feedback.close();
  });
});
