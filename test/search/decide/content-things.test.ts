import { describe, expect, it } from 'vitest';
import { contentThings } from '../../../src/search/decide/content-things.js';
import { isContent, type Concept } from '../../../src/search/plan/plan.js';
import { concept as fixture } from '../fixtures.js';

/** A question word in unit `unit`; only what contentThings reads matters. */
function concept(surface: string, unit: number, kind: { frame?: boolean; measure?: boolean } = {}): Concept {
  return fixture(surface, { unit, frame: kind.frame ?? kind.measure ?? false, measure: kind.measure ?? false });
}

// "Wie alt ist Wladimir Putin?": the planner puts the two capitalized words in one unit.
const HOW_OLD = [concept('alt', 0, { measure: true }), concept('Wladimir', 1), concept('Putin', 1)];
const PUTIN = 'Russlands Präsident Wladimir Putin ruft dazu auf, mit Elon Musk zusammenzuarbeiten.';

describe('contentThings', () => {
  it('counts a name the passage writes side by side as one thing, and the measure asked for as another', () => {
    expect(contentThings(HOW_OLD, new Set([1, 2]), PUTIN)).toEqual({ things: 2, matched: 1 });
    expect(contentThings(HOW_OLD, new Set([0, 1, 2]), `${PUTIN} Er ist 72 Jahre alt.`)).toEqual({ things: 2, matched: 2 });
  });

  it('keeps two words apart when the passage does not write them together', () => {
    // "Warum verlassen so viele Computerspezialisten Russland?"
    const leaving = [concept('verlassen', 0), concept('Computerspezialisten', 1), concept('Russland', 1)];
    expect(contentThings(leaving, new Set([0, 2]), 'IT-Experten verlassen Russland in Scharen.')).toEqual({ things: 3, matched: 2 });
  });

  it('leaves the rest of the frame out', () => {
    const question = [concept('Warum', 0, { frame: true }), concept('Nvidia', 1)];
    expect(question.map(isContent)).toEqual([false, true]);
    expect(contentThings(question, new Set([1]), 'Nvidia fiel.')).toEqual({ things: 1, matched: 1 });
  });

  it('without a passage, joins nothing and matches nothing', () => {
    expect(contentThings(HOW_OLD, new Set(), '')).toEqual({ things: 3, matched: 0 });
  });
});
