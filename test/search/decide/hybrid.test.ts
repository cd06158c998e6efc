import { describe, expect, it } from 'vitest';
import { hybridConfidence } from '../../../src/search/decide/hybrid.js';
import { defaultEngineOptions } from '../../../src/search/engine.js';

const hits = (...pairs: [number, number][]) => pairs.map(([slot, score]) => ({ slot, score }));

describe('hybridConfidence', () => {
  it('keeps a lexical answer, whatever the service says', () => {
    expect(hybridConfidence('answer', 1, [], defaultEngineOptions)).toBe('answer');
    expect(hybridConfidence('answer', 1, hits([5, 0.1]), defaultEngineOptions)).toBe('answer');
  });

  it('answers when the service finds the lexical best passage very close to the question', () => {
    expect(hybridConfidence('uncertain', 3, hits([7, 0.9], [3, 0.85]), defaultEngineOptions)).toBe('answer');
    // Not among the service's best three: they do not agree.
    expect(hybridConfidence('uncertain', 3, hits([7, 0.9], [8, 0.85], [9, 0.8], [3, 0.79]), defaultEngineOptions)).toBe('uncertain');
  });

  it('shows what only the service finds as uncertain, and nothing below its bar', () => {
    // "Wie reagierten die Anleger?": no word of the question in the passage about investors.
    expect(hybridConfidence('none', undefined, hits([4, 0.8]), defaultEngineOptions)).toBe('uncertain');
    expect(hybridConfidence('none', undefined, hits([4, 0.3]), defaultEngineOptions)).toBe('none');
    expect(hybridConfidence('uncertain', 2, hits([4, 0.3]), defaultEngineOptions)).toBe('uncertain');
    expect(hybridConfidence('none', undefined, [], defaultEngineOptions)).toBe('none');
  });
});
