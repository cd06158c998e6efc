import { describe, expect, it } from 'vitest';
import { embedOf, isEphemeral, useHarness, str, type Harness } from './harness.js';

let h: Harness;
useHarness((started) => (h = started), { ASK_COOLDOWN_SECONDS: '30' });

describe('the per-user cooldown', () => {
  it('answers a second question within the window privately and kindly, and other users as usual', async () => {
    const ada = { userId: '300000000000000001', locale: 'de' as const };
    const first = h.fake.chatInput('ask', [str('question', 'Gallium')], ada);
    expect(embedOf(await h.fake.waitForCallback(first.id)).title).toBe('Frage: Gallium');

    const again = h.fake.chatInput('ask', [str('question', 'Germanium')], ada);
    const wait = await h.fake.waitForCallback(again.id);
    expect(isEphemeral(wait)).toBe(true);
    expect(embedOf(wait).title).toMatch(/^Einen Moment bitte: Sie können in (29|30) s wieder fragen\.$/u);

    const bob = h.fake.chatInput('ask', [str('question', 'Germanium')], { userId: '300000000000000002' });
    expect(embedOf(await h.fake.waitForCallback(bob.id)).title).toBe('Question: Germanium');

    // Buttons and citations are not questions: no cooldown for paging.
    const source = h.fake.chatInput('source', [str('article', '004_07e808b765e234ab.txt')], ada);
    expect(isEphemeral(await h.fake.waitForCallback(source.id))).toBe(false);
    expect(h.fake.violations).toEqual([]);
  });
});
