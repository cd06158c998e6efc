/**
 * Memory per user stays bounded (issue 10, part 5): discord.js caches the user and member of
 * every interaction for good unless told otherwise. After many distinct users, the caches
 * hold nobody but the bot itself.
 */
import { describe, expect, it } from 'vitest';
import { str, useHarness, type Harness } from './harness.js';

let h: Harness;
useHarness((started) => (h = started));

describe('caches', () => {
  it('keep no users or members after 500 distinct users asked', async () => {
    const sent = Array.from({ length: 500 }, (_, i) => h.fake.chatInput('ask', [str('question', 'Gallium')], { userId: `3${String(i).padStart(17, '0')}`, username: `user${i}` }));
    await Promise.all(sent.map((s) => h.fake.waitForCallback(s.id, { timeoutMs: 20_000 })));
    const client = h.app.bot.client;
    expect(client.users.cache.filter((u) => u.id !== client.user?.id).size).toBe(0);
    for (const guild of client.guilds.cache.values()) expect(guild.members.cache.filter((m) => m.id !== client.user?.id).size).toBe(0);
  }, 60_000);
});
