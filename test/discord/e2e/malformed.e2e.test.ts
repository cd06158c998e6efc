/**
 * Every interaction gets an answer (issue 10, part 6): payloads a real Discord could send,
 * or a broken one, that discord.js or the router did not expect must not end in an unhandled
 * rejection and silence, but in the private apology.
 */
import { describe, expect, it } from 'vitest';
import { embedOf, isEphemeral, str, useHarness, type Harness } from './harness.js';

let h: Harness;
useHarness((started) => (h = started));

type Payload = Record<string, unknown>;
const ask = () => h.fake.payloads.chatInput('ask', [str('question', 'Gallium')]) as unknown as Payload;
const press = () => h.fake.payloads.button('p:zz:3:0', undefined) as unknown as Payload;

const CASES: [string, () => Payload][] = [
  ['a command without data', () => ({ ...ask(), data: undefined })],
  ['a command with a locale that is no string', () => ({ ...ask(), locale: 42 })],
  ['a command without a user', () => ({ ...ask(), member: undefined, user: undefined })],
  ['a button without custom_id', () => { const p = press(); return { ...p, data: { component_type: 2 } }; }],
  ['a select menu', () => { const p = press(); return { ...p, data: { custom_id: 'menu', component_type: 3, values: ['a'] } }; }],
  ['a modal submit', () => ({ ...press(), type: 5, data: { custom_id: 'modal', components: [] } })],
];

describe('malformed autocomplete', () => {
  it('gets no choices rather than silence', async () => {
    const payload = { ...(h.fake.payloads.autocomplete('source', [{ name: 'article', type: 3, value: 'Ch', focused: true }]) as unknown as Payload), data: undefined };
    const sent = h.fake.dispatchInteraction(payload as never);
    const callback = await h.fake.waitForCallback(sent.id, { timeoutMs: 3000 });
    expect(callback.type).toBe(8);
    expect(h.logs.some((l) => l.msg === 'malformed interaction')).toBe(true);
  });
});

describe('malformed and unexpected interactions', () => {
  it.each(CASES)('%s gets an answer and no unhandled rejection', async (_name, make) => {
    const payload = make();
    const sent = h.fake.dispatchInteraction(payload as never);
    const callback = await h.fake.waitForCallback(sent.id, { timeoutMs: 3000 });
    expect(isEphemeral(callback)).toBe(true);
    expect(embedOf(callback).title).toBeDefined();
    expect(h.logs.some((l) => l.msg === 'unhandled rejection')).toBe(false);
  });
});
