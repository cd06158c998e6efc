import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../src/answers/rate-limit.js';

describe('RateLimit', () => {
  it('allows perMinute events per key in any minute, each key on its own', () => {
    let now = 0;
    const limit = new RateLimit(2, () => now);
    expect([limit.take('forum'), limit.take('forum'), limit.take('forum'), limit.take('help')]).toEqual([true, true, false, true]);
    now = 59_999;
    expect(limit.take('forum')).toBe(false);
    now = 60_000;
    expect([limit.take('forum'), limit.take('forum')]).toEqual([true, true]);
    expect(limit.take('forum')).toBe(false);
  });
});
