import type { Quality } from './metrics.js';
import type { SystemId } from './systems/system.js';

/** What run.ts asks one child process to do. Each child measures one thing on a fresh heap. */
export type ChildTask =
  | {
      readonly kind: 'system';
      readonly system: SystemId;
      readonly corpusDir: string;
      readonly questionsFile: string;
      /** Timed passes over the dev questions (after one untimed warm-up pass). */
      readonly repeats: number;
      /** Builds to run; the median is reported and the last index is kept for the heap and the queries. */
      readonly buildRuns: number;
    }
  | { readonly kind: 'snapshot-save'; readonly corpusDir: string; readonly snapshotFile: string; readonly runs: number }
  | { readonly kind: 'coverage-sweep'; readonly corpusDir: string; readonly questionsFile: string; readonly values: readonly number[] }
  | { readonly kind: 'index-cache'; readonly corpusDir: string; readonly cacheDir: string; readonly questionsFile: string; readonly runs: number }
  | {
      readonly kind: 'snapshot-load';
      readonly corpusDir: string;
      readonly snapshotFile: string;
      readonly questionsFile: string;
      readonly runs: number;
    };

export interface QuestionOutcome {
  readonly id: string;
  readonly kind: string;
  /** 1-based rank of the first passage containing an expected phrase, null if none of the top 5. */
  readonly rank: number | null;
  readonly returned: number;
}

export interface SystemRun {
  readonly kind: 'system';
  readonly system: SystemId;
  readonly articles: number;
  readonly paragraphs: number;
  readonly loadMs: number;
  /** Median over the build runs. */
  readonly buildMs: number;
  readonly buildRunsMs: readonly number[];
  /** heapUsed after a full GC with the corpus loaded, before any index exists. */
  readonly heapCorpusMB: number;
  /** heapUsed after a full GC with corpus and index alive: what a running bot holds. */
  readonly heapMB: number;
  /** heapMB − heapCorpusMB: the index and whatever the system copied of the documents. */
  readonly indexHeapMB: number;
  readonly queryP50Ms: number;
  readonly queryP99Ms: number;
  readonly queryMeanMs: number;
  readonly querySamples: number;
  readonly quality: Quality;
  readonly questions: readonly QuestionOutcome[];
  /** Dev questions that no paragraph of this corpus can answer (expected phrase missing after loading). */
  readonly unanswerable: readonly string[];
  /** Off-topic questions with no passage returned, out of `offTopic`. */
  readonly abstained: number;
  readonly offTopic: number;
  /** The first passage returned for each off-topic question (its beginning), for reading the JSON. */
  readonly offTopicFirst: readonly (string | null)[];
}

export interface SnapshotSaveRun {
  readonly kind: 'snapshot-save';
  readonly paragraphs: number;
  readonly loadCorpusMs: number;
  readonly buildMs: number;
  readonly serializeMs: number;
  readonly bytes: number;
}

export interface SnapshotLoadRun {
  readonly kind: 'snapshot-load';
  readonly loadCorpusMs: number;
  /** readFile + MiniSearch.loadJSON, median. */
  readonly restoreMs: number;
  readonly heapMB: number;
  /** Whether the restored index answers the dev-like probe exactly as a fresh build does. */
  readonly sameResults: boolean;
}

/** Quelle's own index cache (INDEX_CACHE_DIR): start-up with and without it, corpus load included. */
export interface IndexCacheRun {
  readonly kind: 'index-cache';
  readonly paragraphs: number;
  /** build(dir) without a cache, median. */
  readonly buildMs: number;
  /** The first build(dir, { cacheDir }): builds and writes the snapshot. */
  readonly missMs: number;
  /** build(dir, { cacheDir }) with the snapshot there, median. */
  readonly hitMs: number;
  readonly bytes: number;
  /** Whether the restored engine answers every dev question exactly as a fresh build does. */
  readonly sameResults: boolean;
}

/** Quelle's answers and abstentions as its answer bar (EngineOptions.answerCoverage) varies. */
export interface CoverageSweepRun {
  readonly kind: 'coverage-sweep';
  readonly rows: readonly {
    readonly answerCoverage: number;
    readonly hit1: number;
    readonly hit3: number;
    readonly questions: number;
    readonly abstained: number;
    readonly offTopic: number;
    /** Dev questions no longer in the top 3. */
    readonly lost: readonly string[];
  }[];
}

export type ChildResult = SystemRun | SnapshotSaveRun | SnapshotLoadRun | IndexCacheRun | CoverageSweepRun | { readonly kind: 'error'; readonly message: string };
