/**
 * `npm run bench [-- --quick]`: Quelle's engine against the usual JavaScript search libraries
 * on the same paragraphs. Each measurement runs in its own child process (bench/child.ts);
 * this file lays out the corpora, runs the children one after another (never in parallel:
 * two cores would make the timings lie), prints Markdown and writes bench/results/.
 * `npm run bench -- --only startup` measures only the whole-process start-up (bench/startup.ts);
 * `npm run bench -- --only hybrid` only the hybrid search's cost (bench/hybrid.ts);
 * `npm run bench -- --only replicas` only the replicas behind nginx (bench/replicas.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scalingChartSvg, type ChartSeries } from './chart.js';
import { measureStore, type StoreFigures } from './store.js';
import { prepareCorpora, type BenchCorpus, type PreparedCorpora } from './corpora.js';
import { ratio } from './metrics.js';
import type { ChildResult, ChildTask, CoverageSweepRun, IndexCacheRun, SnapshotLoadRun, SnapshotSaveRun, SystemRun } from './protocol.js';
import { SYSTEM_LABELS, type SystemId } from './systems/system.js';
import { exists, forkTask } from './fork-task.js';
import { measureStartup, startupText, type StartupFigures } from './startup.js';
import { hybridText, measureHybrid, type HybridFigures } from './hybrid.js';
import { measureReplicas, replicasText } from './replicas.js';

/** Project root: this file runs as dist-bench/bench/run.js. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const RESULTS = path.join(ROOT, 'bench', 'results');
const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));
const BOT_LATENCY = fileURLToPath(new URL('./bot-latency.js', import.meta.url));
const STARTUP_BASELINE = fileURLToPath(new URL('./startup-minisearch.js', import.meta.url));
/** A child that takes longer than this is stuck, not slow. */
const CHILD_TIMEOUT_MS = 5 * 60_000;

const SYSTEMS: readonly SystemId[] = [
  'quelle',
  'minisearch',
  'minisearch-fuzzy',
  'lunr-de',
  'flexsearch-de',
  'orama-de-defaults',
  'orama-de',
];
const BASELINE: SystemId = 'minisearch';
const SCALING_SYSTEMS: readonly SystemId[] = ['quelle', 'minisearch'];

interface Settings {
  readonly quick: boolean;
  /** Timed passes over the dev questions. */
  readonly repeats: number;
  /** Builds per child on the seeds alone (milliseconds each, so the median of several is steadier). */
  readonly smallBuildRuns: number;
  /** `--only startup` / `--only hybrid`: that measurement and nothing else. */
  readonly only: 'startup' | 'hybrid' | 'replicas' | null;
  /** Timed starts of each process per corpus in the start-up figure. */
  readonly startupRuns: number;
  /** Hybrid search (bench/hybrid.ts): timed passes over the dev questions, and of single-question round trips to the fake service. */
  readonly hybridPasses: number;
  readonly hybridRoundTripPasses: number;
}

function settingsFrom(argv: readonly string[]): Settings {
  const quick = argv.includes('--quick');
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  const only = at < 0 ? null : argv[at] === '--only' ? argv[at + 1] : argv[at]?.slice('--only='.length);
  if (only !== null && only !== 'startup' && only !== 'hybrid' && only !== 'replicas') throw new Error(`Quelle bench: --only takes "startup", "hybrid" or "replicas", got "${only ?? ''}"`);
  return { quick, repeats: quick ? 5 : 20, smallBuildRuns: quick ? 1 : 5, only, startupRuns: quick ? 2 : 5, hybridPasses: quick ? 10 : 40, hybridRoundTripPasses: quick ? 5 : 20 };
}

/** One measurement of bench/child.ts in a child process of its own. */
async function runChild(task: ChildTask): Promise<ChildResult> {
  return forkTask<ChildResult>(CHILD, [], task, CHILD_TIMEOUT_MS);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}


interface CorpusRuns {
  readonly corpus: BenchCorpus;
  readonly runs: SystemRun[];
  readonly errors: { system: SystemId; message: string }[];
}

async function measureSystems(
  corpus: BenchCorpus,
  systems: readonly SystemId[],
  settings: Settings,
  questionsFile: string,
): Promise<CorpusRuns> {
  const out: CorpusRuns = { corpus, runs: [], errors: [] };
  for (const system of systems) {
    const started = performance.now();
    const result = await runChild({
      kind: 'system',
      system,
      corpusDir: corpus.dir,
      questionsFile,
      repeats: settings.repeats,
      buildRuns: corpus.manpagesShare === 0 ? settings.smallBuildRuns : 1,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.kind === 'system') {
      out.runs.push(result);
      log(
        `  ${corpus.id} · ${system}: ${result.paragraphs} paragraphs, build ${fmt(result.buildMs, 0)} ms, p99 ${fmt(result.queryP99Ms, 2)} ms, hit@1 ${fmt(result.quality.hit1, 2)} (${seconds} s)`,
      );
    } else {
      const message = result.kind === 'error' ? result.message : `unexpected ${result.kind} result`;
      out.errors.push({ system, message });
      log(`  ${corpus.id} · ${system}: FAILED ${message}`);
    }
  }
  return out;
}

function fmt(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

function fmtRatio(value: number, base: number | undefined): string {
  const r = ratio(value, base);
  return r === undefined || !Number.isFinite(r) ? '–' : `${r.toFixed(2)}×`;
}

function fmtShare(part: number, whole: number): string {
  return `${part}/${whole}`;
}

function mainTable(results: readonly CorpusRuns[]): string {
  const lines = [
    '| Corpus | System | Paragraphs | Build ms | ×MS | Heap MB | Index MB | ×MS | p50 ms | ×MS | p99 ms | ×MS | hit@1 | hit@3 | MRR@5 | Abstain |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { corpus, runs, errors } of results) {
    const base = runs.find((run) => run.system === BASELINE);
    for (const run of runs) {
      const label = SYSTEM_LABELS[run.system];
      const n = run.questions.length;
      const hits1 = run.questions.filter((q) => q.rank !== null && q.rank <= 1).length;
      const hits3 = run.questions.filter((q) => q.rank !== null && q.rank <= 3).length;
      lines.push(
        [
          corpus.label,
          label,
          String(run.paragraphs),
          fmt(run.buildMs, run.buildMs < 100 ? 1 : 0),
          fmtRatio(run.buildMs, base?.buildMs),
          fmt(run.heapMB, 1),
          fmt(run.indexHeapMB, 1),
          fmtRatio(run.indexHeapMB, base?.indexHeapMB),
          fmt(run.queryP50Ms, 3),
          fmtRatio(run.queryP50Ms, base?.queryP50Ms),
          fmt(run.queryP99Ms, 3),
          fmtRatio(run.queryP99Ms, base?.queryP99Ms),
          fmtShare(hits1, n),
          fmtShare(hits3, n),
          fmt(run.quality.mrr5, 3),
          fmtShare(run.abstained, run.offTopic),
        ]
          .join(' | ')
          .replace(/^/, '| ')
          .concat(' |'),
      );
    }
    for (const { system, message } of errors) {
      lines.push(`| ${corpus.label} | ${SYSTEM_LABELS[system]} | failed: ${message.split('\n')[0] ?? ''} |||||||||||||`);
    }
  }
  return lines.join('\n');
}

/** Rank of the first relevant passage per question: where each system wins and loses. */
function questionTable(result: CorpusRuns): string {
  const runs = result.runs;
  const first = runs[0];
  if (!first) return '';
  const header = `| Question | Kind | ${runs.map((run) => SYSTEM_LABELS[run.system]).join(' | ')} |`;
  const rule = `|---|---|${runs.map(() => '---:').join('|')}|`;
  const rows = first.questions.map((question, i) => {
    const cells = runs.map((run) => {
      const rank = run.questions[i]?.rank;
      return rank === null || rank === undefined ? '–' : String(rank);
    });
    return `| ${question.id} | ${question.kind} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

interface ScalingPoint {
  readonly system: SystemId;
  readonly share: number;
  readonly paragraphs: number;
  readonly buildMs: number;
  readonly heapMB: number;
  readonly queryP99Ms: number;
}

function scalingTable(points: readonly ScalingPoint[]): string {
  const lines = ['| System | manpages-de | Paragraphs | Build ms | Heap MB | p99 ms |', '|---|---:|---:|---:|---:|---:|'];
  for (const point of points) {
    lines.push(
      `| ${SYSTEM_LABELS[point.system]} | ${Math.round(point.share * 100)}% | ${point.paragraphs} | ${fmt(point.buildMs, 0)} | ${fmt(point.heapMB, 1)} | ${fmt(point.queryP99Ms, 3)} |`,
    );
  }
  return lines.join('\n');
}

function scalingSvg(points: readonly ScalingPoint[]): string {
  const colors: Partial<Record<SystemId, string>> = { quelle: '#d1495b', minisearch: '#00798c' };
  const seriesOf = (metric: (point: ScalingPoint) => number): ChartSeries[] =>
    SCALING_SYSTEMS.map((system) => ({
      label: SYSTEM_LABELS[system],
      color: colors[system] ?? '#555',
      points: points.filter((point) => point.system === system).map((point) => [point.paragraphs, metric(point)] as const),
    }));
  return scalingChartSvg('Quelle vs MiniSearch defaults: seeds + 10–200% of manpages-de', [
    { title: 'Index build time', unit: 'ms', series: seriesOf((point) => point.buildMs) },
    { title: 'Heap after build', unit: 'MB', series: seriesOf((point) => point.heapMB) },
    { title: 'Query p99', unit: 'ms', series: seriesOf((point) => point.queryP99Ms) },
  ]);
}

interface SnapshotFigures {
  readonly save: SnapshotSaveRun;
  readonly load: SnapshotLoadRun;
  /** Quelle's own index cache, when it could be measured. */
  readonly cache: IndexCacheRun | undefined;
}

function snapshotText(snapshot: SnapshotFigures): string {
  const { save, load } = snapshot;
  const rebuild = load.loadCorpusMs + save.buildMs;
  const restore = load.loadCorpusMs + load.restoreMs;
  const verdict =
    load.restoreMs < save.buildMs
      ? `restoring is ${(save.buildMs / load.restoreMs).toFixed(1)}× faster than building the index`
      : `restoring is not faster than building the index (${(load.restoreMs / save.buildMs).toFixed(1)}× the build time)`;
  return [
    `| Start-up at ${save.paragraphs} paragraphs (MiniSearch defaults) | ms |`,
    '|---|---:|',
    `| load corpus (needed either way) | ${fmt(load.loadCorpusMs, 0)} |`,
    `| build index | ${fmt(save.buildMs, 0)} |`,
    `| restore index: readFile + MiniSearch.loadJSON | ${fmt(load.restoreMs, 0)} |`,
    `| serialize: JSON.stringify (on a cache miss) | ${fmt(save.serializeMs, 0)} |`,
    '',
    `Snapshot ${(save.bytes / 1024 / 1024).toFixed(1)} MB; heap after restore ${fmt(load.heapMB, 1)} MB; restored index returns the same top 5 as a fresh build: ${load.sameResults ? 'yes' : 'NO'}.`,
    `Start-up with corpus: rebuild ${fmt(rebuild, 0)} ms vs restore ${fmt(restore, 0)} ms — ${verdict}.`,
    ...(snapshot.cache === undefined ? [] : ['', cacheText(snapshot.cache)]),
  ].join('\n');
}

/** The answer bars tried (the share of the question the best passage must cover); 0.25 is the engine's default. */
const COVERAGE_BARS: readonly number[] = [0.15, 0.25, 0.35, 0.45];

function sweepTable(sweeps: readonly { label: string; run: CoverageSweepRun }[]): string {
  const lines = ['| Corpus | answerCoverage | hit@1 | hit@3 | Off-topic abstained | Lost from the top 3 |', '|---|---:|---:|---:|---:|---|'];
  for (const { label, run } of sweeps) {
    for (const row of run.rows) {
      lines.push(`| ${label} | ${row.answerCoverage} | ${row.hit1}/${row.questions} | ${row.hit3}/${row.questions} | ${row.abstained}/${row.offTopic} | ${row.lost.join(', ') || '–'} |`);
    }
  }
  return lines.join('\n');
}

function cacheText(cache: IndexCacheRun): string {
  return [
    `| Quelle's engine at ${cache.paragraphs} paragraphs, corpus load included | ms |`,
    '|---|---:|',
    `| build(dir), no cache | ${fmt(cache.buildMs, 0)} |`,
    `| INDEX_CACHE_DIR, first start (build + write snapshot) | ${fmt(cache.missMs, 0)} |`,
    `| INDEX_CACHE_DIR, later starts (restore snapshot) | ${fmt(cache.hitMs, 0)} |`,
    '',
    `Quelle snapshot ${(cache.bytes / 1024 / 1024).toFixed(1)} MB; restored engine answers every dev question exactly as a fresh build: ${cache.sameResults ? 'yes' : 'NO'}. Start-up with the cache is ${(cache.buildMs / cache.hitMs).toFixed(1)}× faster; a cache miss costs ${fmt(cache.missMs - cache.buildMs, 0)} ms extra.`,
  ].join('\n');
}


/** bench/bot-latency.ts belongs to the end-to-end work; it is used once it exists. */
async function botLatency(): Promise<{ text: string; figures: unknown }> {
  if (!(await exists(BOT_LATENCY))) return { text: 'Bot latency: skipped (bench/bot-latency.ts does not exist yet).', figures: null };
  const module = (await import(pathToFileURL(BOT_LATENCY).href)) as { measureBotLatency?: () => unknown };
  if (typeof module.measureBotLatency !== 'function') {
    return { text: 'Bot latency: skipped (bench/bot-latency.ts does not export measureBotLatency).', figures: null };
  }
  const figures = await module.measureBotLatency();
  return { text: `Bot latency (fake Discord, interaction → callback):\n\n${describe(figures)}`, figures };
}

function storeText(s: StoreFigures): string {
  return [
    `- /ask through the bot, ${s.latency.n} one at a time: store off p50 ${s.latency.off.p50Ms} ms, p99 ${s.latency.off.p99Ms} ms; store on p50 ${s.latency.on.p50Ms} ms, p99 ${s.latency.on.p99Ms} ms (p99 ${s.latency.p99DeltaMs >= 0 ? '+' : ''}${s.latency.p99DeltaMs} ms; mean of two runs each, interleaved); ${s.latency.recorded} questions recorded`,
    `- ${s.votes.n} votes at once: ${s.votes.saved} saved, ${s.votes.lost} lost, in ${s.votes.ms} ms`,
    `- ${s.size.questions} questions: ${s.size.mb} MB on disk, written in ${s.size.writeMs} ms (batches of 1,000)`,
  ].join('\n');
}

/** Any result of measureBotLatency as "key: value" lines, whatever shape it settles on. */
function describe(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return `${indent}${String(value)}`;
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) =>
      inner !== null && typeof inner === 'object'
        ? `${indent}- ${key}:\n${describe(inner, `${indent}  `)}`
        : `${indent}- ${key}: ${typeof inner === 'number' ? Number(inner.toFixed(3)) : String(inner)}`,
    )
    .join('\n');
}

function startupSection(startup: StartupFigures): string {
  return `### Whole-process start-up (spawn → answer)\n\n${startupText(startup)}`;
}

/** bench/results/startup.json: the start-up figures alone (also in latest.json after a full run). */
async function writeStartupResults(startup: StartupFigures, machine: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, 'startup.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, ...startup }, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, RESULTS)}/startup.json`);
}

// --- Hybrid search (issue 22, bench/hybrid.ts) ---------------------------------------------

function hybridSection(hybrid: HybridFigures): string {
  return `### Hybrid search (embedding service)\n\n${hybridText(hybrid)}`;
}

async function runHybrid(corpora: PreparedCorpora, settings: Settings, questionsFile: string): Promise<HybridFigures> {
  log('hybrid search (fake embedding service, random vectors at model sizes), one child at a time:');
  return measureHybrid({ corpus: corpora.full, manpagesSkipped: corpora.manpagesSkipped, questionsFile, passes: settings.hybridPasses, roundTripPasses: settings.hybridRoundTripPasses, log });
}

/** bench/results/hybrid.json: the hybrid figures alone (also in latest.json after a full run). */
async function writeHybridResults(hybrid: HybridFigures, machine: string): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  await writeFile(path.join(RESULTS, 'hybrid.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, ...hybrid }, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, RESULTS)}/hybrid.json`);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2));
  const started = performance.now();
  const questionsFile = path.join(SHARED, 'eval', 'dev-questions.json');
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()}`;
  log(`Quelle bench${settings.quick ? ' (quick)' : ''} on ${machine}`);

  if (settings.only === 'replicas') {
    log('replicas behind nginx on one PostgreSQL (the built bot in HTTP mode, the fake Discord posting signed /ask):');
    const figures = await measureReplicas({ questions: settings.quick ? 300 : 1200, concurrency: 24, sequential: settings.quick ? 100 : 400, log }, os.cpus().length);
    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, 'replicas.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, ...figures }, null, 2)}\n`);
    process.stdout.write(`## Quelle benchmark: replicas only${settings.quick ? ' (quick)' : ''}\n\nMachine: ${machine}.\n\n### Replicas behind nginx\n\n${replicasText(figures)}`);
    return;
  }

  const corpora = await prepareCorpora({
    seedsDir: path.join(ROOT, 'seeds'),
    manpagesArchive: path.join(SHARED, 'corpora', 'manpages-de.tar.gz'),
    scaling: !settings.quick && settings.only === null,
  });
  try {
    if (settings.only === 'hybrid') {
      const hybrid = await runHybrid(corpora, settings, questionsFile);
      await writeHybridResults(hybrid, machine);
      process.stdout.write(`## Quelle benchmark: hybrid search only${settings.quick ? ' (quick)' : ''}\n\nMachine: ${machine}.\n\n${hybridSection(hybrid)}\n`);
      return;
    }

    // Whole-process start-up (bench/startup.ts), first, before any other child has run.
    log('whole-process start-up (spawn → answer), one process at a time:');
    const startup = await measureStartup({
      root: ROOT,
      baselineScript: STARTUP_BASELINE,
      corpora: [corpora.seeds, ...(corpora.full ? [corpora.full] : [])],
      manpagesSkipped: corpora.manpagesSkipped,
      runs: settings.startupRuns,
      log,
    });
    await writeStartupResults(startup, machine);
    if (settings.only === 'startup') {
      process.stdout.write(`## Quelle benchmark: start-up only${settings.quick ? ' (quick)' : ''}\n\nMachine: ${machine}.\n\n${startupSection(startup)}\n`);
      return;
    }

    const main: CorpusRuns[] = [];
    for (const corpus of [corpora.seeds, corpora.full]) {
      if (!corpus) continue;
      log(`${corpus.label}:`);
      main.push(await measureSystems(corpus, SYSTEMS, settings, questionsFile));
    }

    const scaling: ScalingPoint[] = [];
    const full = main.find((result) => result.corpus === corpora.full);
    for (const corpus of corpora.scaled) {
      log(`scaling, ${corpus.label}:`);
      const result = corpus === corpora.full && full ? full : await measureSystems(corpus, SCALING_SYSTEMS, settings, questionsFile);
      for (const run of result.runs) {
        if (!SCALING_SYSTEMS.includes(run.system)) continue;
        const { system, paragraphs, buildMs, heapMB, queryP99Ms } = run;
        scaling.push({ system, share: corpus.manpagesShare, paragraphs, buildMs, heapMB, queryP99Ms });
      }
    }
    scaling.sort((a, b) => a.system.localeCompare(b.system) || a.share - b.share);

    let snapshot: SnapshotFigures | undefined;
    if (corpora.full) {
      log('snapshot (MiniSearch toJSON / loadJSON, and Quelle\'s index cache):');
      const snapshotFile = path.join(path.dirname(corpora.full.dir), 'minisearch-snapshot.json');
      const runs = settings.quick ? 1 : 3;
      const save = await runChild({ kind: 'snapshot-save', corpusDir: corpora.full.dir, snapshotFile, runs });
      const load = save.kind === 'snapshot-save' ? await runChild({ kind: 'snapshot-load', corpusDir: corpora.full.dir, snapshotFile, questionsFile, runs }) : save;
      const cacheDir = path.join(path.dirname(corpora.full.dir), 'quelle-index-cache');
      const cache = await runChild({ kind: 'index-cache', corpusDir: corpora.full.dir, cacheDir, questionsFile, runs });
      if (cache.kind !== 'index-cache') log(`  index cache failed: ${cache.kind === 'error' ? cache.message : 'unexpected result'}`);
      if (save.kind === 'snapshot-save' && load.kind === 'snapshot-load') snapshot = { save, load, cache: cache.kind === 'index-cache' ? cache : undefined };
      else log(`  failed: ${load.kind === 'error' ? load.message : save.kind === 'error' ? save.message : 'unexpected result'}`);
    }

    log('coverage bar sweep:');
    const sweeps: { label: string; run: CoverageSweepRun }[] = [];
    for (const corpus of [corpora.seeds, corpora.full]) {
      if (!corpus) continue;
      const sweep = await runChild({ kind: 'coverage-sweep', corpusDir: corpus.dir, questionsFile, values: COVERAGE_BARS });
      if (sweep.kind === 'coverage-sweep') sweeps.push({ label: corpus.label, run: sweep });
      else log(`  ${corpus.id}: failed ${sweep.kind === 'error' ? sweep.message : 'unexpected result'}`);
    }

    log('bot latency:');
    const bot = await botLatency();
    log('feedback store:');
    const store = await measureStore();
    const hybrid = await runHybrid(corpora, settings, questionsFile);

    const out: string[] = [];
    out.push(`## Quelle benchmark${settings.quick ? ' (quick)' : ''}`, '');
    out.push(`Machine: ${machine}. ${settings.repeats} timed passes over ${main[0]?.runs[0]?.questions.length ?? 0} dev questions per system; ratios (×MS) against MiniSearch defaults on the same corpus in this run. Heap MB = heapUsed after GC with corpus and index loaded; Index MB = the part the index adds. Abstain = off-topic questions not answered with confidence (Quelle shows some as not sure; the peers never abstain).`, '');
    if (corpora.manpagesSkipped) out.push(`seeds + manpages-de: skipped, ${corpora.manpagesSkipped}.`, '');
    out.push(mainTable(main), '');
    for (const result of main) {
      out.push(`### Rank of the first relevant passage, ${result.corpus.label} (– = not in the top 5)`, '', questionTable(result), '');
      const unanswerable = result.runs[0]?.unanswerable ?? [];
      if (unanswerable.length > 0) out.push(`Not answerable from the loaded paragraphs (expected phrase missing): ${unanswerable.join(', ')}.`, '');
    }
    out.push(startupSection(startup), '');
    if (scaling.length > 0) out.push('### Scaling', '', scalingTable(scaling), '', 'Chart: bench/results/scaling.svg', '');
    if (snapshot) out.push('### Snapshot', '', snapshotText(snapshot), '');
    if (sweeps.length > 0) out.push('### Answer bar (answerCoverage) against answers and abstention', '', sweepTable(sweeps), '');
    out.push('### Bot latency', '', bot.text, '');
    out.push('### Feedback store (SQLite)', '', storeText(store), '');
    out.push(hybridSection(hybrid), '');
    out.push(`Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    process.stdout.write(`${out.join('\n')}\n`);

    await mkdir(RESULTS, { recursive: true });
    const json = {
      date: new Date().toISOString(),
      machine,
      settings,
      baseline: BASELINE,
      manpagesSkipped: corpora.manpagesSkipped ?? null,
      corpora: main.map(({ corpus, runs, errors }) => ({ corpus: { id: corpus.id, label: corpus.label }, runs, errors })),
      scaling,
      snapshot: snapshot ?? null,
      coverageSweep: sweeps,
      botLatency: bot.figures,
      store,
      startup,
      hybrid,
    };
    await writeFile(path.join(RESULTS, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
    if (scaling.length > 0) await writeFile(path.join(RESULTS, 'scaling.svg'), scalingSvg(scaling));
    log(`wrote ${path.relative(ROOT, RESULTS)}/latest.json${scaling.length > 0 ? ' and scaling.svg' : ''}`);
  } finally {
    await corpora.cleanup();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
