import { createFlexSearchSystem } from './flexsearch.js';
import { createLunrSystem } from './lunr.js';
import { createMiniSearchSystem, FUZZY_PREFIX } from './minisearch.js';
import { createOramaSystem, ORAMA_DEFAULTS, ORAMA_FAIR } from './orama.js';
import { createQuelleSystem } from './quelle.js';
import type { BenchSystem, SystemId } from './system.js';

/** A fresh, empty adapter for `id`. */
export function createSystem(id: SystemId): BenchSystem {
  switch (id) {
    case 'quelle':
      return createQuelleSystem();
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
