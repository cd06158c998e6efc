/**
 * `npm run eval [-- --split test|tune|all] [--questions FILE] [--corpus DIR] [--json FILE] [--misses] [--no-peers]`
 *
 * Answer quality as a search team measures it: for each question, the rank of the first
 * passage that contains one of its `expect` substrings; hit@1, hit@3 and MRR@5 per kind, and
 * for off-topic questions whether the system returned nothing. Quelle is measured beside the
 * peers of the bench (MiniSearch defaults, FlexSearch, Orama) on the same paragraphs, so a
 * gain they get too is visible as such. Default: eval/questions.json (test half) and the
 * shared dev questions, on the seeds and on seeds + manpages-de.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { build } from '../src/search/build.js';
import { prepareCorpora } from './corpora.js';
import { isOffTopic, loadEvalQuestions, type EvalQuestion } from './eval-questions.js';
import { firstRelevantRank, quality, type Quality } from './metrics.js';
import { createSystem } from './systems/index.js';
import { paragraphDocs, SYSTEM_LABELS, type SystemId } from './systems/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const DEPTH = 5;
const PEERS: readonly SystemId[] = ['minisearch', 'flexsearch-de', 'orama-de'];

/** Returns the texts of the best passages, best first; none = abstained. */
type Searcher = (question: string) => Promise<readonly string[]> | readonly string[];

interface Row {
  readonly label: string;
  readonly count: number;
  readonly quality: Quality | undefined;
  /** Off-topic rows: questions answered with nothing. */
  readonly abstained: number | undefined;
}

interface SetResult {
  readonly set: string;
  readonly corpus: string;
  readonly paragraphs: number;
  readonly systems: Record<string, { rows: Row[]; misses: string[] }>;
}

async function evaluate(questions: readonly EvalQuestion[], search: Searcher): Promise<{ rows: Row[]; misses: string[] }> {
  const ranks = new Map<string, number | undefined>();
  const answered = new Map<string, boolean>();
  const misses: string[] = [];
  for (const q of questions) {
    const passages = await search(q.q);
    answered.set(q.id, passages.length > 0);
    if (isOffTopic(q)) {
      if (passages.length > 0) misses.push(`${q.id} [${q.kind}] answered: ${q.q}`);
      continue;
    }
    const rank = firstRelevantRank(passages, q.expect);
    ranks.set(q.id, rank);
    if (rank !== 1) misses.push(`${q.id} [${q.kind}] rank ${rank ?? '-'}: ${q.q}`);
  }
  const groups = new Map<string, EvalQuestion[]>();
  const add = (label: string, q: EvalQuestion) => groups.set(label, [...(groups.get(label) ?? []), q]);
  for (const q of questions) {
    add(q.kind, q);
    if (q.kind === 'english' && q.sharesName !== undefined) add(q.sharesName ? 'english, shares a name' : 'english, no shared name', q);
    if (isOffTopic(q) && q.sharesWord !== undefined) add(q.sharesWord ? 'offtopic, shares a word' : 'offtopic, no shared word', q);
  }
  const rows: Row[] = [];
  const row = (label: string, list: readonly EvalQuestion[]): Row => {
    const answerable = list.filter((q) => !isOffTopic(q));
    const offTopic = list.filter(isOffTopic);
    return {
      label,
      count: list.length,
      quality: answerable.length > 0 ? quality(answerable.map((q) => ranks.get(q.id))) : undefined,
      abstained: offTopic.length > 0 ? offTopic.filter((q) => answered.get(q.id) === false).length : undefined,
    };
  };
  for (const label of [...groups.keys()].sort()) rows.push(row(label, groups.get(label) as EvalQuestion[]));
  rows.push(row('all answerable', questions.filter((q) => !isOffTopic(q))));
  const falseAbstentions = questions.filter((q) => !isOffTopic(q) && answered.get(q.id) === false).length;
  if (falseAbstentions > 0) misses.push(`(${falseAbstentions} answerable questions got no passage at all)`);
  return { rows, misses };
}

function cell(row: Row): string {
  if (row.quality !== undefined) return `${row.quality.hit1.toFixed(2)} / ${row.quality.hit3.toFixed(2)} / ${row.quality.mrr5.toFixed(2)}`;
  return `${row.abstained}/${row.count} abstained`;
}

function table(result: SetResult): string {
  const systems = Object.keys(result.systems);
  const first = result.systems[systems[0] as string] as { rows: Row[] };
  const lines = [
    `### ${result.set} on ${result.corpus} (${result.paragraphs} paragraphs); cells: hit@1 / hit@3 / MRR@5`,
    '',
    `| kind | n | ${systems.join(' | ')} |`,
    `|---|---:|${systems.map(() => '---|').join('')}`,
  ];
  first.rows.forEach((row, i) => {
    lines.push(`| ${row.label} | ${row.count} | ${systems.map((s) => cell((result.systems[s] as { rows: Row[] }).rows[i] as Row)).join(' | ')} |`);
  });
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string' },
      corpus: { type: 'string' },
      split: { type: 'string', default: 'test' },
      json: { type: 'string' },
      misses: { type: 'boolean', default: false },
      'no-peers': { type: 'boolean', default: false },
      'no-manpages': { type: 'boolean', default: false },
    },
  });
  if (!['tune', 'test', 'all'].includes(values.split)) throw new Error(`Quelle eval: --split must be tune, test or all, got ${values.split}`);

  const sets: { name: string; questions: EvalQuestion[] }[] = [];
  if (values.questions !== undefined) {
    sets.push({ name: path.basename(values.questions), questions: await loadEvalQuestions(values.questions) });
  } else {
    const own = await loadEvalQuestions(path.join(ROOT, 'eval', 'questions.json'));
    const picked = values.split === 'all' ? own : own.filter((q) => q.split === values.split);
    sets.push({ name: `eval/questions.json, ${values.split} half`, questions: picked });
    const dev = path.join(SHARED, 'eval', 'dev-questions.json');
    if (existsSync(dev)) sets.push({ name: 'shared dev questions', questions: await loadEvalQuestions(dev) });
    else console.log(`(shared dev questions skipped: ${dev} is absent)`);
  }

  const corpora: { label: string; dir: string }[] = [];
  let cleanup = async () => {};
  if (values.corpus !== undefined) corpora.push({ label: values.corpus, dir: values.corpus });
  else {
    corpora.push({ label: 'seeds', dir: path.join(ROOT, 'seeds') });
    if (!values['no-manpages']) {
      const prepared = await prepareCorpora({ seedsDir: path.join(ROOT, 'seeds'), manpagesArchive: path.join(SHARED, 'corpora', 'manpages-de.tar.gz'), scaling: false });
      cleanup = prepared.cleanup;
      if (prepared.full !== undefined) corpora.push({ label: 'seeds + manpages-de', dir: prepared.full.dir });
      else console.log(`(seeds + manpages-de skipped: ${prepared.manpagesSkipped})`);
    }
  }

  const results: SetResult[] = [];
  try {
    for (const corpus of corpora) {
      const loaded = await loadCorpus(corpus.dir);
      const docs = paragraphDocs(loaded);
      const engine = await build(corpus.dir);
      const searchers: [string, Searcher][] = [["Quelle", (q) => engine.search(q, { limit: DEPTH }).passages.map((p) => p.text)]];
      if (!values['no-peers']) {
        for (const id of PEERS) {
          const system = createSystem(id);
          await system.build(loaded, docs);
          // Every peer returns paragraph ids; none of them abstains on its own.
          searchers.push([SYSTEM_LABELS[id], async (q) => (await system.search(q, DEPTH)).map((i) => (docs[i] as { text: string }).text)]);
        }
      }
      for (const set of sets) {
        const systems: SetResult['systems'] = {};
        for (const [name, search] of searchers) systems[name] = await evaluate(set.questions, search);
        const result: SetResult = { set: set.name, corpus: corpus.label, paragraphs: docs.length, systems };
        results.push(result);
        console.log(`\n${table(result)}`);
        if (values.misses) console.log(`\nQuelle, not first:\n${(systems.Quelle as { misses: string[] }).misses.map((m) => `  ${m}`).join('\n') || '  none'}`);
      }
    }
  } finally {
    await cleanup();
  }
  const out = values.json ?? path.join(ROOT, 'bench', 'results', `eval-${values.split}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ date: new Date().toISOString(), split: values.split, results }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

await main();
