import { loadCorpus } from '../corpus/load.js';
import type { Corpus, EngineLogger } from '../corpus/types.js';
import type { EngineOptions } from './defaults.js';
import { buildEngineInSlices, restoreEngine } from './engine.js';
import { readSnapshot, snapshotKey, writeSnapshot } from './index/cache.js';
import { loadLemmas } from './lexicon/lemmas.js';
import { defaultLexiconDir, loadLexicons } from './lexicon/load.js';
import type { Engine } from './types.js';

export interface BuildOptions extends Omit<EngineOptions, 'loadMs' | 'lexicon' | 'lemmas'> {
  /**
   * Where the lexicons are (default: the project's `lexicons/`); `false` builds without
   * them. A lexicon that cannot be read is logged, and the engine is built without bridges.
   */
  readonly lexiconDir?: string | false;
  readonly logger?: EngineLogger;
  /**
   * A dir for the index cache: the index is restored from a snapshot of the same corpus
   * instead of being rebuilt, and saved after a build. Off when undefined.
   */
  readonly cacheDir?: string;
}

/**
 * Loads the corpus dir and indexes it: a new, independent Engine. A reload calls this
 * beside the engine in service and swaps the reference only when it succeeded. The index
 * is built in slices, so that a bot keeps answering (from the old engine) meanwhile.
 */
export async function build(corpusDir: string, options: BuildOptions = {}): Promise<Engine> {
  const { logger, cacheDir, lexiconDir = defaultLexiconDir(), ...engineOptions } = options;
  const started = performance.now();
  // A lexicon that cannot be read costs bridges or joined verbs, never the index.
  const optional = <T>(load: (dir: string) => Promise<T>, warning: string): Promise<T | undefined> | undefined =>
    lexiconDir === false
      ? undefined
      : load(lexiconDir).catch((err: unknown) => {
          logger?.warn({ err, lexiconDir }, warning);
          return undefined;
        });
  const [corpus, lexicon, lemmas] = await Promise.all([
    loadCorpus(corpusDir, logger === undefined ? {} : { logger }),
    optional(loadLexicons, 'lexicons unreadable; answering without translations and synonyms'),
    optional(loadLemmas, 'lemma lexicon unreadable; separable verbs are not joined'),
  ]);
  const withLoad = { ...engineOptions, loadMs: performance.now() - started, ...(lexicon === undefined ? {} : { lexicon }), ...(lemmas === undefined ? {} : { lemmas }) };
  const engine = cacheDir === undefined ? await buildEngineInSlices(corpus, withLoad) : await buildCached(corpus, cacheDir, withLoad, logger);
  const stats = engine.stats();
  logger?.info({ corpusDir: stats.corpusDir, articles: stats.articles, paragraphs: stats.paragraphs, skipped: stats.skipped.length, buildMs: stats.buildMs }, 'index built');
  return engine;
}

/**
 * Restores the index from the cache when it holds a snapshot of this very corpus; builds and
 * saves one otherwise. The cache only ever saves time: an unreadable or unwritable cache is
 * logged and the index is built as without one.
 */
async function buildCached(corpus: Corpus, cacheDir: string, options: EngineOptions, logger: EngineLogger | undefined): Promise<Engine> {
  const key = snapshotKey(corpus, options.analyzer, options.lemmas);
  try {
    const snapshot = await readSnapshot(cacheDir, key);
    if (snapshot !== undefined) {
      const engine = restoreEngine(corpus, snapshot, options);
      logger?.info({ cacheDir, key }, 'index restored from the cache');
      return engine;
    }
  } catch (err) {
    logger?.warn({ err, cacheDir }, 'index cache unreadable; building the index');
  }
  const engine = await buildEngineInSlices(corpus, options);
  try {
    await writeSnapshot(cacheDir, key, engine.snapshot());
    logger?.debug({ cacheDir, key }, 'index cache written');
  } catch (err) {
    logger?.warn({ err, cacheDir }, 'could not write the index cache');
  }
  return engine;
}
