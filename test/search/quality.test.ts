import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareCorpora, type PreparedCorpora } from '../../bench/corpora.js';
import { firstRelevantRank, quality } from '../../bench/metrics.js';
import { loadDevQuestions, OFF_TOPIC_QUESTIONS } from '../../bench/questions.js';
import { build } from '../../src/search/build.js';
import type { Engine } from '../../src/search/types.js';

// The shared eval material sits next to the project root (../shared), as in CI.
const SHARED = path.resolve('..', 'shared');
const QUESTIONS = path.join(SHARED, 'eval', 'dev-questions.json');
const MANPAGES = path.join(SHARED, 'corpora', 'manpages-de.tar.gz');
const haveQuestions = existsSync(QUESTIONS);
if (!haveQuestions) console.log(`quality: skipped, ${QUESTIONS} is absent`);

async function measure(engine: Engine, label: string) {
  const questions = await loadDevQuestions(QUESTIONS);
  const ranks = questions.map((q) => firstRelevantRank(engine.search(q.q, { limit: 5 }).passages.map((p) => p.text), q.expect));
  const figures = quality(ranks);
  const misses = questions.flatMap((q, i) => (ranks[i] === 1 ? [] : [`${q.id}@${ranks[i] ?? '-'}`]));
  // Handled when not answered with confidence (closest passages marked uncertain are allowed).
  const abstained = OFF_TOPIC_QUESTIONS.filter((q) => engine.search(q).confidence !== 'answer').length;
  console.log(
    `quality on ${label} (${engine.stats().paragraphs} paragraphs): hit@1 ${figures.hit1.toFixed(3)}, hit@3 ${figures.hit3.toFixed(3)}, ` +
      `MRR@5 ${figures.mrr5.toFixed(3)}; off-topic abstained ${abstained}/${OFF_TOPIC_QUESTIONS.length}; not first: ${misses.join(' ') || 'none'}`,
  );
  return { ...figures, abstained };
}

describe.skipIf(!haveQuestions)('answer quality on the dev questions', () => {
  it('answers every dev question within the first three passages on the seeds', async () => {
    const result = await measure(await build('seeds'), 'seeds');
    expect(result.hit3).toBe(1);
    expect(result.hit1).toBeGreaterThanOrEqual(0.8);
  });

  let corpora: PreparedCorpora | undefined;
  afterAll(async () => corpora?.cleanup());
  it.skipIf(!existsSync(MANPAGES))('keeps them among the first three with ~37k distractor paragraphs (manpages-de)', async () => {
    corpora = await prepareCorpora({ seedsDir: 'seeds', manpagesArchive: MANPAGES, scaling: false });
    if (corpora.full === undefined) throw new Error(corpora.manpagesSkipped);
    const result = await measure(await build(corpora.full.dir), 'seeds + manpages-de');
    expect(result.hit3).toBeGreaterThanOrEqual(0.93);
  }, 120_000);
});
