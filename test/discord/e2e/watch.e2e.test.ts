/**
 * CORPUS_WATCH (issue 12, reload on change): a change under the corpus dir reloads the index
 * after a quiet period, through the same path as /reload; a failed build keeps the old index.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { str, textOf, useHarness, type Harness } from './harness.js';

let h: Harness;
useHarness((started) => (h = started), { CORPUS_WATCH: '1' });

async function answer(question: string): Promise<string> {
  const i = h.fake.chatInput('ask', [str('question', question)]);
  return textOf(await h.fake.waitForCallback(i.id));
}

describe('CORPUS_WATCH', () => {
  it('picks up an article added on disk, without /reload', async () => {
    expect(await answer('Zwiebelkuchen Federweißer')).toContain('The corpus does not cover this');
    writeFileSync(path.join(h.corpusDir, 'neu.txt'), 'Zwiebelkuchen in Thüringen\nDer Zwiebelkuchen wird in Thüringen im Herbst mit Federweißer gegessen.\n');
    await expect.poll(() => answer('Zwiebelkuchen Federweißer'), { timeout: 10_000, interval: 500 }).toContain('neu.txt');
    expect(h.logs.some((l) => l.msg === 'corpus changed: index reloaded')).toBe(true);
  }, 20_000);

  it('keeps serving the old index when the changed corpus cannot be built', async () => {
    for (const name of readdirSync(h.corpusDir)) rmSync(path.join(h.corpusDir, name), { force: true, recursive: true });
    await expect.poll(() => h.logs.some((l) => l.msg === 'corpus changed, but the reload failed; the previous index stays in service'), { timeout: 10_000, interval: 200 }).toBe(true);
    expect(await answer('Wer ist Du Xuliang?')).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
  }, 20_000);
});
