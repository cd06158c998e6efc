import { describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { BUILD_SLICE, buildEngine, buildEngineInSlices } from '../../src/search/engine.js';

// More paragraphs than one slice, in the style of the seeds, with words that recur.
const WORDS = ['Handel', 'Russland', 'China', 'Exporte', 'Sanktionen', 'Gallium', 'Halbleiter', 'Peking', 'Moskau', 'Technologie'];
const articles: Article[] = Array.from({ length: 12 }, (_, a) => ({
  file: `artikel-${a}.txt`,
  title: `Artikel ${a} über ${WORDS[a % WORDS.length] ?? ''}`,
  titleDerived: false,
  byline: undefined,
  date: undefined,
  paragraphs: Array.from({ length: Math.ceil((BUILD_SLICE * 2.5) / 12) }, (_, p) => ({
    number: p + 1,
    heading: undefined,
    text: `Absatz ${p}: ${WORDS[(a + p) % WORDS.length] ?? ''} und ${WORDS[(a * 3 + p) % WORDS.length] ?? ''} im Jahr ${2000 + ((a + p) % 25)}.`,
  })),
}));
const corpus: Corpus = { dir: '/corpus', articles, skipped: [] };

describe('buildEngineInSlices', () => {
  it('lets the event loop run between slices', async () => {
    let turns = 0;
    let done = false;
    const tick = (): void => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await buildEngineInSlices(corpus);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('builds the same index as the one-go build', async () => {
    const sliced = await buildEngineInSlices(corpus);
    const whole = buildEngine(corpus);
    for (const question of ['Gallium Halbleiter', 'Handel mit China 2010', 'Sanktionen Moskau']) {
      expect(sliced.search(question, { limit: 10 })).toEqual(whole.search(question, { limit: 10 }));
    }
    expect(sliced.stats().terms).toBe(whole.stats().terms);
  });
});
