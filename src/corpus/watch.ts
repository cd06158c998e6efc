import { watch, type FSWatcher } from 'node:fs';
import type { EngineLogger } from './types.js';

export interface CorpusWatcher {
  close(): void;
}

/**
 * Calls `onChange` once the corpus dir has been quiet for `quietMs` after a change (an editor
 * saving, a copy of many files): one reload for a burst of changes, not one per file. The
 * reload itself decides what changed; a watcher that fails (a dir removed) is logged, and
 * the bot keeps serving.
 */
export function watchCorpus(dir: string, onChange: () => void, options: { quietMs: number; logger?: EngineLogger }): CorpusWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, options.quietMs);
    });
    watcher.on('error', (err) => options.logger?.warn({ err, corpusDir: dir }, 'corpus watch stopped'));
  } catch (err) {
    options.logger?.warn({ err, corpusDir: dir }, 'cannot watch the corpus dir; reload with /reload');
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
