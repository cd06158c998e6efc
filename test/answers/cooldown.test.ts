import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/answers/cooldown.js';

describe('Cooldown', () => {
  it('lets a user ask once per window and tells the seconds left', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(5, () => now);
    expect(cooldown.take('ada')).toBe(0);
    now += 1_200;
    expect(cooldown.take('ada')).toBe(4);
    expect(cooldown.take('bob')).toBe(0);
    now += 3_800;
    expect(cooldown.take('ada')).toBe(0);
  });

  it('does not extend the wait when a user asks during it', () => {
    let now = 0;
    const cooldown = new Cooldown(2, () => now);
    cooldown.take('ada');
    now = 1_500;
    expect(cooldown.take('ada')).toBe(1);
    now = 2_000;
    expect(cooldown.take('ada')).toBe(0);
  });

  it('is off at 0 seconds', () => {
    const cooldown = new Cooldown(0, () => 0);
    expect([cooldown.take('ada'), cooldown.take('ada'), cooldown.take('ada')]).toEqual([0, 0, 0]);
  });
});
