/**
 * `npm run eval:follow-ups [-- --split test|tune|all] [--misses] [--questions FILE] [--weight W] [--max-things N]`
 *
 * Follow-up questions in a thread (issue 24): each pair of eval/follow-ups.json is an earlier
 * question and a follow-up ("Wer ist Du Xuliang?" → "Und was hat er angekündigt?"), written
 * from the seeds, split once into tune and test halves. The follow-up is asked alone and with
 * the earlier question as context (SearchOptions.context), on the seeds; hit@1 and hit@3 of
 * each, per half and per kind: `elliptical` follow-ups lean on the earlier question, `own`
 * ones name their own things and should stand on their own. Only the test half is reported
 * unless --split says otherwise; tune the engine on the tune half.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from '../src/search/build.js';
import type { Engine } from '../src/search/types.js';
import { firstRelevantRank, quality } from './metrics.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEPTH = 5;

/** One pair: the earlier question (`context`), the follow-up (`q`), and what answers the follow-up. */
interface FollowUpPair {
  readonly id: string;
  readonly split: 'tune' | 'test';
  readonly kind: 'elliptical' | 'own';
  readonly context: string;
  readonly q: string;
  readonly file: string;
  readonly expect: readonly string[];
}

async function loadPairs(file: string): Promise<FollowUpPair[]> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`Quelle eval: ${file} is not a JSON array`);
  return data.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Partial<FollowUpPair>;
    const ok = typeof e.id === 'string' && typeof e.q === 'string' && typeof e.context === 'string' && typeof e.file === 'string' && (e.split === 'tune' || e.split === 'test') && (e.kind === 'elliptical' || e.kind === 'own') && Array.isArray(e.expect) && e.expect.length > 0;
    if (!ok) throw new Error(`Quelle eval: ${file} entry ${i} needs id, split (tune|test), kind (elliptical|own), context, q, file and expect`);
    return e as FollowUpPair;
  });
}

/** The 1-based rank of the first passage of `file` that holds an expected phrase; undefined when none of the first DEPTH does. */
function rankOf(engine: Engine, pair: FollowUpPair, withContext: boolean): number | undefined {
  const answer = engine.search(pair.q, { limit: DEPTH, ...(withContext ? { context: pair.context } : {}) });
  return firstRelevantRank(answer.passages.map((p) => (p.file === pair.file ? p.text : '')), pair.expect);
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`.padStart(5);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'test' }, misses: { type: 'boolean', default: false }, questions: { type: 'string' }, weight: { type: 'string' }, 'max-things': { type: 'string' } } });
  const split = values.split;
  if (split !== 'test' && split !== 'tune' && split !== 'all') throw new Error('Quelle eval: --split must be test, tune or all');
  const pairs = await loadPairs(values.questions ?? path.join(ROOT, 'eval/follow-ups.json'));
  // --weight and --max-things try other values of followUpWeight and followUpMaxThings (on the tune half).
  const engine = await build(path.join(ROOT, 'seeds'), {
    ...(values.weight === undefined ? {} : { followUpWeight: Number(values.weight) }),
    ...(values['max-things'] === undefined ? {} : { followUpMaxThings: Number(values['max-things']) }),
  });
  const halves = split === 'all' ? (['tune', 'test'] as const) : ([split] as const);
  console.log('follow-ups on the seeds: hit@1 / hit@3 of the follow-up asked alone, and with the earlier question as context');
  console.log(`${'half'.padEnd(6)} ${'kind'.padEnd(11)} ${'n'.padStart(3)}   alone h@1 h@3   context h@1 h@3`);
  for (const half of halves) {
    const inHalf = pairs.filter((p) => p.split === half);
    for (const kind of ['all', 'elliptical', 'own'] as const) {
      const rows = inHalf.filter((p) => kind === 'all' || p.kind === kind);
      if (rows.length === 0) continue;
      const alone = quality(rows.map((p) => rankOf(engine, p, false)));
      const context = quality(rows.map((p) => rankOf(engine, p, true)));
      console.log(`${half.padEnd(6)} ${kind.padEnd(11)} ${String(rows.length).padStart(3)}       ${pct(alone.hit1)}${pct(alone.hit3)}         ${pct(context.hit1)}${pct(context.hit3)}`);
    }
    if (values.misses) {
      for (const p of inHalf) {
        const [a, c] = [rankOf(engine, p, false), rankOf(engine, p, true)];
        if (c !== 1) console.log(`  ${p.id} ${p.kind}: alone ${a ?? '-'} context ${c ?? '-'}  «${p.context}» → «${p.q}»`);
      }
    }
  }
}

await main();
