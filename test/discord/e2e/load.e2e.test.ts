import { describe, expect, it } from 'vitest';
import { useHarness, str, textOf, type Harness } from './harness.js';

let h: Harness;
useHarness((started) => (h = started), { LOG_LEVEL: 'warn' });

const QUESTIONS = ['Wer ist Du Xuliang?', 'Deepsek R1', 'Gallium Germanium', 'Abhaengigkeit von China', 'Rezept für Apfelstrudel'];

describe('a burst of 1000 /ask', () => {
  it('answers each interaction exactly once', async () => {
    const sent = Array.from({ length: 1000 }, (_, n) => h.fake.chatInput('ask', [str('question', QUESTIONS[n % QUESTIONS.length] ?? '')], { userId: String(100_000_000_000_000_000n + BigInt(n)) }));
    const callbacks = await Promise.all(sent.map((i) => h.fake.waitForCallback(i.id, { timeoutMs: 30_000 })));
    expect(callbacks).toHaveLength(1000);
    for (const i of sent) expect(h.fake.responsesFor(i.id).filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    // Spot-check that answers belong to their questions.
    expect(textOf(callbacks[0])).toContain('Xuliang');
    expect(textOf(callbacks[1])).toContain('DeepSeek');
    expect(h.fake.violations).toEqual([]);
  }, 60_000);
});
