import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { buildBridges, type Bridges } from '../../../src/search/lexicon/bridges.js';
import { loadLexicons } from '../../../src/search/lexicon/load.js';
import { loadLemmas } from '../../../src/search/lexicon/lemmas.js';
import { isGermanWord, isToolName } from '../../../src/search/plan/tool-names.js';

// The committed lexicons, as the engine loads them: what counts as German is what they know.
let analyzer: Analyzer;
let bridges: Bridges;
beforeAll(async () => {
  const [lexicon, lemmas] = await Promise.all([loadLexicons(), loadLemmas()]);
  analyzer = new Analyzer({}, lemmas);
  bridges = buildBridges(lexicon, { documentFrequency: () => 0, compoundsWith: () => [] }, { maxTranslations: 8, maxSynonyms: 8, maxParaphrases: 4, maxParaphraseFanout: 20, maxBridgeDocFreq: 1000 });
});

describe('isGermanWord', () => {
  it('knows listed forms, words with synonyms or translations, and prefixed verbs', () => {
    for (const word of ['wegnimmt', 'auszugeben', 'schrumpfen', 'spinnt', 'durchchecken', 'runterwerfe', 'Verzeichnis']) expect(isGermanWord(word, analyzer, bridges), word).toBe(true);
  });

  it('does not know command names', () => {
    for (const word of ['rsync', 'wget', 'ffmpeg', 'pacman', 'certbot', 'nginx']) expect(isGermanWord(word, analyzer, bridges), word).toBe(false);
  });
});

describe('isToolName', () => {
  it('takes a lowercase unknown word of a German question written with capitals for a tool', () => {
    expect(isToolName('rsync', true, analyzer, bridges)).toBe(true);
    // In a question typed all lowercase, every noun is lowercase too: no such reading.
    expect(isToolName('rsync', false, analyzer, bridges)).toBe(false);
    // Capitalized, short, with digits, or German: not a tool by this rule.
    for (const word of ['Docker', 'sed', 'mp3', 'durchchecken']) expect(isToolName(word, true, analyzer, bridges), word).toBe(false);
  });
});
