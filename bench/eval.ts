/**
 * `npm run eval [-- --split test|tune|all] [--questions FILE [--on seeds,full,manpages]] [--corpus DIR] [--json FILE] [--misses] [--no-peers] [--embeddings]`
 *
 * Answer quality as a search team measures it: for each question, the rank of the first
 * passage that contains one of its `expect` substrings; hit@1, hit@3 and MRR@5 per kind, and
 * for off-topic questions whether the system returned nothing. Quelle is measured beside the
 * peers of the bench (MiniSearch defaults, FlexSearch, Orama) on the same paragraphs, so a
 * gain they get too is visible as such. Default: eval/questions.json (test half) and the
 * shared dev questions, on the seeds and on seeds + manpages-de; eval/manpages-questions.json
 * (test half) on the man pages alone, with page@3 (the right page among the first three).
 * A file given with --questions is asked on the seeds and seeds + manpages-de, or, when its
 * name says manpages, on the man pages alone; --on says otherwise. Questions without a split
 * (a fresh batch) are asked whatever --split says. With --embeddings, Quelle is asked a second
 * time through the embedding service configured as for the bot (EMBEDDINGS_URL, …, in the
 * environment or .env), so an operator measures their own model beside the lexical figures.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import { build } from '../src/search/build.js';
import { loadConfig } from '../src/config.js';
import { createSemantic } from '../src/embeddings/semantic.js';
import { withDotEnv } from '../src/env.js';
import { prepareCorpora } from './corpora.js';
import { isOffTopic, loadEvalQuestions, type EvalQuestion } from './eval-questions.js';
import { firstRelevantRank, quality, type Quality } from './metrics.js';
import { createSystem } from './systems/index.js';
import { paragraphDocs, SYSTEM_LABELS, type SystemId } from './systems/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const DEPTH = 5;
const PEERS: readonly SystemId[] = ['minisearch', 'flexsearch-de', 'orama-de'];

/** A passage a system returned: its text, and the file of its article. */
interface Found {
  readonly text: string;
  readonly file: string;
}

/** The best passages, best first, and whether the system answers with confidence (none = abstained). */
interface Searched {
  readonly passages: readonly Found[];
  readonly confident: boolean;
}

type Searcher = (question: string) => Promise<Searched> | Searched;

interface Row {
  readonly label: string;
  readonly count: number;
  readonly quality: Quality | undefined;
  /** Share of answerable questions with their article among the first three passages. */
  readonly page3: number | undefined;
  /** Off-topic rows: questions not answered with confidence. */
  readonly abstained: number | undefined;
  /** Answerable questions that got no passage at all… */
  readonly empty: number;
  /** …and those answered with confidence (the rest are shown as uncertain). */
  readonly sure: number;
}

interface SetResult {
  readonly set: string;
  readonly corpus: string;
  readonly paragraphs: number;
  readonly systems: Record<string, { rows: Row[]; misses: string[] }>;
}

/** Whether a passage's article is the question's: the same file, in this corpus or laid out under a folder of a larger one. */
function sameFile(found: string, wanted: string): boolean {
  return found === wanted || found.endsWith(`/${wanted}`);
}

async function evaluate(questions: readonly EvalQuestion[], search: Searcher): Promise<{ rows: Row[]; misses: string[] }> {
  const ranks = new Map<string, number | undefined>();
  const pageRanks = new Map<string, number | undefined>();
  const confident = new Map<string, boolean>();
  const empty = new Set<string>();
  const sureIds = new Set<string>();
  const misses: string[] = [];
  for (const q of questions) {
    const { passages, confident: sure } = await search(q.q);
    confident.set(q.id, sure);
    if (isOffTopic(q)) {
      if (sure) misses.push(`${q.id} [${q.kind}] answered: ${q.q}`);
      continue;
    }
    if (passages.length === 0) empty.add(q.id);
    if (sure) sureIds.add(q.id);
    const rank = firstRelevantRank(passages.map((p) => p.text), q.expect);
    ranks.set(q.id, rank);
    const page = passages.findIndex((p) => sameFile(p.file, q.file as string));
    pageRanks.set(q.id, page < 0 ? undefined : page + 1);
    if (rank !== 1) misses.push(`${q.id} [${q.kind}] rank ${rank ?? '-'}${passages.length === 0 ? ' (no passage)' : sure ? '' : ' (uncertain)'}: ${q.q}`);
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
      page3: answerable.length > 0 ? quality(answerable.map((q) => pageRanks.get(q.id))).hit3 : undefined,
      abstained: offTopic.length > 0 ? offTopic.filter((q) => confident.get(q.id) === false).length : undefined,
      empty: answerable.filter((q) => empty.has(q.id)).length,
      sure: answerable.filter((q) => sureIds.has(q.id)).length,
    };
  };
  for (const label of [...groups.keys()].sort()) rows.push(row(label, groups.get(label) as EvalQuestion[]));
  rows.push(row('all answerable', questions.filter((q) => !isOffTopic(q))));
  if (empty.size > 0) misses.push(`(${empty.size} answerable questions got no passage at all)`);
  return { rows, misses };
}

function cell(row: Row, pages: boolean): string {
  if (row.quality !== undefined) {
    const figures = `${row.quality.hit1.toFixed(2)} / ${row.quality.hit3.toFixed(2)} / ${row.quality.mrr5.toFixed(2)}`;
    return pages ? `${figures} / ${(row.page3 ?? 0).toFixed(2)}` : figures;
  }
  return `${row.abstained}/${row.count} abstained`;
}

function table(result: SetResult, pages: boolean): string {
  const systems = Object.keys(result.systems);
  const first = result.systems[systems[0] as string] as { rows: Row[] };
  const lines = [
    `### ${result.set} on ${result.corpus} (${result.paragraphs} paragraphs); cells: hit@1 / hit@3 / MRR@5${pages ? ' / page@3 (the right article among the first three)' : ''}`,
    '',
    `| kind | n | ${systems.join(' | ')} |`,
    `|---|---:|${systems.map(() => '---|').join('')}`,
  ];
  first.rows.forEach((row, i) => {
    lines.push(`| ${row.label} | ${row.count} | ${systems.map((s) => cell((result.systems[s] as { rows: Row[] }).rows[i] as Row, pages)).join(' | ')} |`);
  });
  const last = first.rows.length - 1;
  const total = first.rows[last]?.count ?? 0;
  lines.push(`| answerable, no passage at all | ${total} | ${systems.map((s) => `${(result.systems[s] as { rows: Row[] }).rows[last]?.empty ?? 0}`).join(' | ')} |`);
  lines.push(`| answerable, answered with confidence | ${total} | ${systems.map((s) => `${(result.systems[s] as { rows: Row[] }).rows[last]?.sure ?? 0}`).join(' | ')} |`);
  return lines.join('\n');
}

/** The corpora a question set is asked on: the seeds, the seeds beside the man pages, the man pages alone. */
type CorpusId = 'seeds' | 'full' | 'manpages';
const CORPUS_IDS: readonly CorpusId[] = ['seeds', 'full', 'manpages'];

interface EvalSet {
  readonly name: string;
  readonly questions: readonly EvalQuestion[];
  readonly on: readonly CorpusId[];
  /** Report the right article among the first three too (man pages: the page is often answer enough). */
  readonly pages: boolean;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string' },
      on: { type: 'string' },
      corpus: { type: 'string' },
      split: { type: 'string', default: 'test' },
      json: { type: 'string' },
      misses: { type: 'boolean', default: false },
      'no-peers': { type: 'boolean', default: false },
      'no-manpages': { type: 'boolean', default: false },
      embeddings: { type: 'boolean', default: false },
    },
  });
  const embeddings = values.embeddings ? loadConfig(withDotEnv(process.env)).embeddings : undefined;
  if (values.embeddings && embeddings === undefined) throw new Error('Quelle eval: --embeddings needs EMBEDDINGS_URL and EMBEDDINGS_MODEL (in the environment or .env; see README)');
  const semantic = embeddings === undefined ? undefined : createSemantic({ config: embeddings, cacheDir: path.join(ROOT, 'data'), logger: { info: () => {}, warn: (obj, msg) => console.log(`(${msg}: ${JSON.stringify(obj)})`) } });
  if (!['tune', 'test', 'all'].includes(values.split)) throw new Error(`Quelle eval: --split must be tune, test or all, got ${values.split}`);
  const on = values.on?.split(',').map((id) => id.trim()) ?? [];
  for (const id of on) if (!CORPUS_IDS.includes(id as CorpusId)) throw new Error(`Quelle eval: --on takes ${CORPUS_IDS.join(', ')}, got ${id}`);
  const picked = (questions: readonly EvalQuestion[]) => (values.split === 'all' ? questions : questions.filter((q) => q.split === values.split || q.split === undefined));

  const sets: EvalSet[] = [];
  if (values.questions !== undefined) {
    const questions = picked(await loadEvalQuestions(values.questions));
    const corpora: readonly CorpusId[] = on.length > 0 ? (on as CorpusId[]) : path.basename(values.questions).includes('manpages') ? ['manpages'] : ['seeds', 'full'];
    sets.push({ name: path.basename(values.questions), questions, on: corpora, pages: corpora.includes('manpages') });
  } else {
    sets.push({ name: `eval/questions.json, ${values.split} half`, questions: picked(await loadEvalQuestions(path.join(ROOT, 'eval', 'questions.json'))), on: ['seeds', 'full'], pages: false });
    const dev = path.join(SHARED, 'eval', 'dev-questions.json');
    if (existsSync(dev)) sets.push({ name: 'shared dev questions', questions: await loadEvalQuestions(dev), on: ['seeds', 'full'], pages: false });
    else console.log(`(shared dev questions skipped: ${dev} is absent)`);
    sets.push({ name: `eval/manpages-questions.json, ${values.split} half`, questions: picked(await loadEvalQuestions(path.join(ROOT, 'eval', 'manpages-questions.json'))), on: ['manpages'], pages: true });
  }

  const corpora: { id: CorpusId | 'dir'; label: string; dir: string }[] = [];
  let cleanup = async () => {};
  if (values.corpus !== undefined) corpora.push({ id: 'dir', label: values.corpus, dir: values.corpus });
  else {
    const wanted = new Set(sets.flatMap((set) => set.on));
    if (wanted.has('seeds')) corpora.push({ id: 'seeds', label: 'seeds', dir: path.join(ROOT, 'seeds') });
    if (!values['no-manpages'] && (wanted.has('full') || wanted.has('manpages'))) {
      const prepared = await prepareCorpora({ seedsDir: path.join(ROOT, 'seeds'), manpagesArchive: path.join(SHARED, 'corpora', 'manpages-de.tar.gz'), scaling: false });
      cleanup = prepared.cleanup;
      if (prepared.full === undefined) console.log(`(man page corpora skipped: ${prepared.manpagesSkipped})`);
      else {
        if (wanted.has('full')) corpora.push({ id: 'full', label: 'seeds + manpages-de', dir: prepared.full.dir });
        if (wanted.has('manpages')) corpora.push({ id: 'manpages', label: 'manpages-de', dir: path.join(prepared.full.dir, 'manpages-de') });
      }
    }
  }

  const results: SetResult[] = [];
  try {
    for (const corpus of corpora) {
      const asked = sets.filter((set) => corpus.id === 'dir' || set.on.includes(corpus.id));
      if (asked.length === 0) continue;
      const loaded = await loadCorpus(corpus.dir);
      const docs = paragraphDocs(loaded);
      const engine = await build(corpus.dir);
      const searchers: [string, Searcher][] = [
        [
          'Quelle',
          (q) => {
            const answer = engine.search(q, { limit: DEPTH });
            const passages = answer.passages;
            return { passages: passages.map((p) => ({ text: p.text, file: p.file })), confident: answer.confidence === 'answer' };
          },
        ],
      ];
      if (semantic !== undefined) {
        const report = await semantic.attach(engine);
        console.log(`(${corpus.label}: ${report.passages} passages, ${report.embedded} embedded by ${semantic.host}, ${report.reused} from the cache, ${report.missing} without a vector)`);
        searchers.push([
          `Quelle + ${semantic.model}`,
          async (q) => {
            const answer = await semantic.search(engine, q, { limit: DEPTH });
            return { passages: answer.passages.map((p) => ({ text: p.text, file: p.file })), confident: answer.confidence === 'answer' };
          },
        ]);
      }
      if (!values['no-peers']) {
        for (const id of PEERS) {
          const system = createSystem(id);
          await system.build(loaded, docs);
          // Every peer returns paragraph ids; none of them abstains on its own.
          searchers.push([
            SYSTEM_LABELS[id],
            async (q) => {
              const passages = (await system.search(q, DEPTH)).map((i) => docs[i] as { text: string; file: string });
              return { passages, confident: passages.length > 0 };
            },
          ]);
        }
      }
      for (const set of asked) {
        const systems: SetResult['systems'] = {};
        for (const [name, search] of searchers) systems[name] = await evaluate(set.questions, search);
        const result: SetResult = { set: set.name, corpus: corpus.label, paragraphs: docs.length, systems };
        results.push(result);
        console.log(`\n${table(result, set.pages)}`);
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
