import { describe, expect, it } from 'vitest';
import { isFrameWord, isMeasureWord } from '../../../src/search/plan/frame-words.js';

describe('isFrameWord', () => {
  it('knows interrogatives and common verbs, typed with or without umlauts', () => {
    for (const word of ['Warum', 'wohin', 'gehen', 'heißt', 'heisst', 'seit', 'what', 'did']) expect(isFrameWord(word), word).toBe(true);
    for (const word of ['Russland', 'Experten', 'verlassen', 'Gallium']) expect(isFrameWord(word), word).toBe(false);
  });

  it('takes the words for the text itself as frame: "laut dem Bericht", "according to the report"', () => {
    for (const word of ['Artikel', 'Bericht', 'Beitrag', 'Text', 'article', 'report', 'story']) expect(isFrameWord(word), word).toBe(true);
  });

  it('takes "become" as frame, like "werden", a stopword', () => {
    for (const word of ['become', 'becomes', 'became']) expect(isFrameWord(word), word).toBe(true);
  });

  it('takes a measure after "wie"/"how" as frame, and only there', () => {
    expect(isFrameWord('groß', 'Wie')).toBe(true);
    expect(isFrameWord('long', 'how')).toBe(true);
    expect(isFrameWord('groß', 'der')).toBe(false);
    expect(isFrameWord('hoch')).toBe(false);
  });

  it('tells the measure asked for apart from the rest of the frame', () => {
    expect(isMeasureWord('alt', 'Wie')).toBe(true);
    expect(isMeasureWord('old', 'How')).toBe(true);
    expect(isMeasureWord('alt', 'der')).toBe(false);
    expect(isMeasureWord('Warum')).toBe(false);
  });
});
