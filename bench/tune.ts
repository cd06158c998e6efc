/**
 * `npm run tune [-- --grid '{"synonymWeight":[0.4,0.6]}'] [--no-manpages]`: tries engine weights
 * on the **tune half** of eval/questions.json only, and prints each setting's figures, best
 * first. The test half is never read here: it is what `npm run eval` reports.
 *
 * Objective: mean over the corpora of (hit@1 + hit@3) / 2 on answerable questions, plus a
 * quarter of the share of off-topic questions answered with nothing.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { buildEngine, type EngineOptions } from '../src/search/engine.js';
import { loadLexicons } from '../src/search/lexicon/load.js';
import { prepareCorpora } from './corpora.js';
import { isOffTopic, loadEvalQuestions } from './eval-questions.js';
import { firstRelevantRank, quality } from './metrics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { grid: { type: 'string', default: '{}' }, 'no-manpages': { type: 'boolean', default: false } } });
  const grid = JSON.parse(values.grid) as Record<string, readonly number[]>;
  const questions = (await loadEvalQuestions(path.join(ROOT, 'eval', 'questions.json'))).filter((q) => q.split === 'tune');
  const lexicon = await loadLexicons();
  const dirs = [path.join(ROOT, 'seeds')];
  const prepared = values['no-manpages'] ? undefined : await prepareCorpora({ seedsDir: dirs[0] as string, manpagesArchive: path.resolve(ROOT, '../shared/corpora/manpages-de.tar.gz'), scaling: false });
  if (prepared?.full !== undefined) dirs.push(prepared.full.dir);
  const corpora = await Promise.all(dirs.map((dir) => loadCorpus(dir)));

  let settings: Record<string, number>[] = [{}];
  for (const [key, list] of Object.entries(grid)) settings = settings.flatMap((s) => list.map((v) => ({ ...s, [key]: v })));

  const results: { setting: Record<string, number>; objective: number; line: string }[] = [];
  for (const setting of settings) {
    let objective = 0;
    const parts: string[] = [];
    for (const corpus of corpora) {
      const engine = buildEngine(corpus, { ...(setting as EngineOptions), lexicon });
      const answerable = questions.filter((q) => !isOffTopic(q));
      const offTopic = questions.filter(isOffTopic);
      const figures = quality(answerable.map((q) => firstRelevantRank(engine.search(q.q, { limit: 5 }).passages.map((p) => p.text), q.expect)));
      const abstained = offTopic.filter((q) => engine.search(q.q).passages.length === 0).length / offTopic.length;
      objective += ((figures.hit1 + figures.hit3) / 2 + abstained / 4) / corpora.length;
      parts.push(`${figures.hit1.toFixed(2)}/${figures.hit3.toFixed(2)}/${(abstained * 100).toFixed(0)}%`);
    }
    results.push({ setting, objective, line: parts.join('  ') });
  }
  await prepared?.cleanup();
  results.sort((a, b) => b.objective - a.objective);
  for (const r of results) console.log(`${r.objective.toFixed(4)}  ${r.line}  ${JSON.stringify(r.setting)}`);
}

await main();
