/**
 * `npm run tune [-- --grid '{"synonymWeight":[0.4,0.6]}'] [--no-manpages] [--no-lemmas]`: tries engine weights
 * on the **tune halves** of eval/questions.json and eval/manpages-questions.json only, and
 * prints each setting's figures, best first. The test halves are never read here: they are
 * what `npm run eval` reports. Objective: mean over the three
 * runs (news on the seeds, news beside the man pages, man-page questions on the man pages) of
 * (hit@1 + hit@3) / 2 on answerable questions, plus a quarter of the share of off-topic
 * questions not answered with confidence.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { buildEngine, type EngineOptions } from '../src/search/engine.js';
import { loadLemmas } from '../src/search/lexicon/lemmas.js';
import { loadLexicons } from '../src/search/lexicon/load.js';
import { prepareCorpora } from './corpora.js';
import { isOffTopic, loadEvalQuestions, type EvalQuestion } from './eval-questions.js';
import { firstRelevantRank, quality } from './metrics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { grid: { type: 'string', default: '{}' }, 'no-manpages': { type: 'boolean', default: false }, 'no-lemmas': { type: 'boolean', default: false } } });
  const grid = JSON.parse(values.grid) as Record<string, readonly number[]>;
  const tune = (questions: readonly EvalQuestion[]) => questions.filter((q) => q.split === 'tune');
  const news = tune(await loadEvalQuestions(path.join(ROOT, 'eval', 'questions.json')));
  const manual = tune(await loadEvalQuestions(path.join(ROOT, 'eval', 'manpages-questions.json')));
  const lexicon = await loadLexicons();
  const lemmas = values['no-lemmas'] ? undefined : await loadLemmas();
  const seedsDir = path.join(ROOT, 'seeds');
  const prepared = values['no-manpages'] ? undefined : await prepareCorpora({ seedsDir, manpagesArchive: path.resolve(ROOT, '../shared/corpora/manpages-de.tar.gz'), scaling: false });
  // The news questions on the seeds and beside the man pages; the man-page questions on the man pages.
  const runs: { corpus: Corpus; questions: readonly EvalQuestion[] }[] = [{ corpus: await loadCorpus(seedsDir), questions: news }];
  if (prepared?.full !== undefined) {
    runs.push({ corpus: await loadCorpus(prepared.full.dir), questions: news });
    runs.push({ corpus: await loadCorpus(path.join(prepared.full.dir, 'manpages-de')), questions: manual });
  }

  let settings: Record<string, number>[] = [{}];
  for (const [key, list] of Object.entries(grid)) settings = settings.flatMap((s) => list.map((v) => ({ ...s, [key]: v })));

  const results: { setting: Record<string, number>; objective: number; line: string }[] = [];
  for (const setting of settings) {
    let objective = 0;
    const parts: string[] = [];
    for (const { corpus, questions } of runs) {
      const engine = buildEngine(corpus, { ...(setting as EngineOptions), lexicon, ...(lemmas === undefined ? {} : { lemmas }) });
      const answerable = questions.filter((q) => !isOffTopic(q));
      const offTopic = questions.filter(isOffTopic);
      const figures = quality(answerable.map((q) => firstRelevantRank(engine.search(q.q, { limit: 5 }).passages.map((p) => p.text), q.expect)));
      // Off-topic questions must not be answered with confidence; closest passages marked uncertain are allowed.
      const abstained = offTopic.filter((q) => engine.search(q.q).confidence !== 'answer').length / offTopic.length;
      objective += ((figures.hit1 + figures.hit3) / 2 + abstained / 4) / runs.length;
      parts.push(`${figures.hit1.toFixed(2)}/${figures.hit3.toFixed(2)}/${(abstained * 100).toFixed(0)}%`);
    }
    results.push({ setting, objective, line: parts.join('  ') });
  }
  await prepared?.cleanup();
  results.sort((a, b) => b.objective - a.objective);
  for (const r of results) console.log(`${r.objective.toFixed(4)}  ${r.line}  ${JSON.stringify(r.setting)}`);
}

await main();
