import type { Corpus } from '../../src/corpus/types.js';
import type { Engine } from '../../src/search/types.js';
import type { BenchDoc, BenchSystem } from './system.js';

type BuildEngine = (corpus: Corpus) => Engine;

/**
 * The engine is imported by path at run time, not statically, so that the benchmark compiles
 * and measures the peers even while `src/search/engine.ts` does not exist yet.
 */
export async function loadBuildEngine(): Promise<BuildEngine | undefined> {
  const modulePath = new URL('../../src/search/engine.js', import.meta.url).href;
  try {
    const module = (await import(modulePath)) as { buildEngine?: unknown };
    return typeof module.buildEngine === 'function' ? (module.buildEngine as BuildEngine) : undefined;
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

/** Quelle's own engine: it receives the loaded corpus, exactly as the bot builds it. */
export function createQuelleSystem(buildEngine: BuildEngine): BenchSystem {
  let engine: Engine | undefined;
  let docs: readonly BenchDoc[] = [];
  let idOf: Map<string, number> | undefined;
  return {
    build(corpus, allDocs) {
      engine = buildEngine(corpus);
      docs = allDocs;
    },
    search(question, limit) {
      if (!engine) throw new Error('Quelle bench: search before build');
      // Built on first use, outside the timed build: the peers get ids for free.
      idOf ??= new Map(docs.map((doc) => [`${doc.file}\u0000${doc.paragraph}`, doc.id]));
      return engine.search(question, { limit }).passages.map((passage) => {
        const id = idOf.get(`${passage.file}\u0000${passage.paragraph}`);
        if (id === undefined) throw new Error(`Quelle bench: engine returned an unknown passage ${passage.file} #${passage.paragraph}`);
        return id;
      });
    },
  };
}
