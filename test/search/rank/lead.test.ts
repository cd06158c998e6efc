import { describe, expect, it } from 'vitest';
import { liftLeads } from '../../../src/search/rank/lead.js';
import type { Ranked } from '../../../src/search/rank/rank.js';

const ranked = (id: number, score: number, describedShare: number): Ranked => ({ id, score, coverage: 0.5, exactCoverage: 0.5, matched: new Set(), said: new Set(), terms: new Map(), describedShare });

describe('liftLeads', () => {
  it("lifts a page's lead passage when its description says some of the question", () => {
    // Passage 7 is nl(1)'s "Jede DATEI mit Zeilennummern … schreiben", below a sub-option of the same page.
    const lifted = liftLeads([ranked(3, 10, 0.4), ranked(7, 6, 0.4)], (id) => id === 7, 1);
    expect(lifted.map((r) => [r.id, r.score])).toEqual([
      [7, 12],
      [3, 10],
    ]);
  });

  it('leaves a lead alone whose description says nothing of the question, and everything at weight 0', () => {
    const input = [ranked(3, 10, 0), ranked(7, 6, 0)];
    expect(liftLeads(input, (id) => id === 7, 1)).toEqual(input);
    expect(liftLeads([ranked(3, 10, 0.4), ranked(7, 6, 0.4)], (id) => id === 7, 0).map((r) => r.id)).toEqual([3, 7]);
  });
});
