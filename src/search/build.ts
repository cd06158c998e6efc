import { loadCorpus } from '../corpus/load.js';
import type { EngineLogger } from '../corpus/types.js';
import { buildEngineInSlices, type EngineOptions } from './engine.js';
import type { Engine } from './types.js';

export interface BuildOptions extends Omit<EngineOptions, 'loadMs'> {
  readonly logger?: EngineLogger;
}

/**
 * Loads the corpus dir and indexes it: a new, independent Engine. A reload calls this
 * beside the engine in service and swaps the reference only when it succeeded. The index
 * is built in slices, so that a bot keeps answering (from the old engine) meanwhile.
 */
export async function build(corpusDir: string, options: BuildOptions = {}): Promise<Engine> {
  const { logger, ...engineOptions } = options;
  const started = performance.now();
  const corpus = await loadCorpus(corpusDir, logger === undefined ? {} : { logger });
  const engine = await buildEngineInSlices(corpus, { ...engineOptions, loadMs: performance.now() - started });
  const stats = engine.stats();
  logger?.info({ corpusDir: stats.corpusDir, articles: stats.articles, paragraphs: stats.paragraphs, skipped: stats.skipped.length, buildMs: stats.buildMs }, 'index built');
  return engine;
}
