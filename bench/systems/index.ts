import { createFlexSearchSystem } from './flexsearch.js';
import { createLunrSystem } from './lunr.js';
import { createMiniSearchSystem, FUZZY_PREFIX } from './minisearch.js';
import { createOramaSystem, ORAMA_DEFAULTS, ORAMA_FAIR } from './orama.js';
import { createQuelleSystem, loadBuildEngine } from './quelle.js';
import type { BenchSystem, SystemId } from './system.js';

/** The adapter for `id`, or undefined when that system cannot run here (Quelle's engine not written yet). */
export async function createSystem(id: SystemId): Promise<BenchSystem | undefined> {
  switch (id) {
    case 'quelle': {
      const buildEngine = await loadBuildEngine();
      return buildEngine ? createQuelleSystem(buildEngine) : undefined;
    }
    case 'minisearch':
      return createMiniSearchSystem();
    case 'minisearch-fuzzy':
      return createMiniSearchSystem(FUZZY_PREFIX);
    case 'lunr-de':
      return createLunrSystem();
    case 'flexsearch-de':
      return createFlexSearchSystem();
    case 'orama-de-defaults':
      return createOramaSystem(ORAMA_DEFAULTS);
    case 'orama-de':
      return createOramaSystem(ORAMA_FAIR);
  }
}
