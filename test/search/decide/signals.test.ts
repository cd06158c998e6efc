import { describe, expect, it } from 'vitest';
import { signalsOf } from '../../../src/search/decide/signals.js';
import type { Ranked } from '../../../src/search/rank/rank.js';
import { concept } from '../fixtures.js';

// "Wie lerne ich am schnellsten Russisch?": two things; a passage whose article title says "lernen".
const CONCEPTS = [concept('wie', { frame: true }), concept('lerne', { unit: 1 }), concept('Russisch', { unit: 2 })];
const best = (matched: number[], said: number[]): Ranked => ({ id: 0, score: 1, coverage: 0.7, exactCoverage: 0.5, matched: new Set(matched), said: new Set(said), terms: new Map(), describedShare: 0 });

describe('signalsOf', () => {
  it('reads coverage and things off the best passage', () => {
    const signals = signalsOf({ concepts: CONCEPTS, best: best([1, 2], [1, 2]), bestText: 'Russisch lernen', bestSentence: () => 'Russisch lernen', question: 'Wie lerne ich am schnellsten Russisch?', unknownShare: 0.1, english: false, isPageName: () => false }, 0.5);
    expect(signals).toEqual({ coverage: 0.7, exactCoverage: 0.5, unknownShare: 0.1, english: false, contentMatched: 2, contentWords: 2, contentSaid: 2, numberMissing: false, toolMissing: false });
  });

  it('counts a thing only the article title matches at titleThingWeight', () => {
    const signals = signalsOf({ concepts: CONCEPTS, best: best([1, 2], [2]), bestText: 'Russisch', bestSentence: () => 'Russisch', question: 'Wie lerne ich am schnellsten Russisch?', unknownShare: 0, english: false, isPageName: () => false }, 0.5);
    expect(signals.contentMatched).toBe(1.5);
    expect(signals.contentSaid).toBe(1);
  });

  it('says when a question asks for a quantity and the best sentence has none', () => {
    const ask = (question: string, sentence: string) => signalsOf({ concepts: CONCEPTS, best: best([1, 2], [1, 2]), bestText: sentence, bestSentence: () => sentence, question, unknownShare: 0, english: false, isPageName: () => false }, 0.5).numberMissing;
    expect(ask('Wie viele Soldaten marschierten bei der Parade mit?', 'Xi ist der Ehrengast bei der Parade.')).toBe(true);
    expect(ask('Wie viele Soldaten marschierten bei der Parade mit?', 'Bei der Parade marschierten 11.000 Soldaten.')).toBe(false);
    // An ordinal counts nothing.
    expect(ask('Wie viele Soldaten marschierten bei der Parade mit?', 'Xi ist der Ehrengast bei der Parade anlässlich des 80. Jahrestags des Sieges.')).toBe(true);
    expect(ask('Um wie viel Prozent fiel der Kurs?', 'Der Kurs fiel von 142 auf 128,99 US-Dollar.')).toBe(false);
    expect(ask('Wie viel Prozent der Apps kommen aus China?', 'Mehr als die Hälfte der Anwendungen stammt aus China.')).toBe(false);
    expect(ask('How many apps come from China?', 'Zwei Drittel stammen aus China.')).toBe(false);
    expect(ask('Wie groß ist der Anteil?', 'Der Anteil ist gestiegen.')).toBe(true);
    // "so viele" asks why, not how many.
    expect(ask('Warum verlassen so viele Fachleute Russland?', 'Der Brain Drain ist in vollem Gange.')).toBe(false);
  });

  it('says when the question names a tool that is no page and the best passage does not say it', () => {
    // "Wie lade ich mit wget eine Webseite rekursiv herunter?"
    const concepts = [concept('wget', { tool: true }), concept('Webseite', { unit: 1 }), concept('rekursiv', { unit: 2 })];
    const ask = (matched: number[], isPageName: (word: string) => boolean) =>
      signalsOf({ concepts, best: best(matched, matched), bestText: 'rekursiv herunterladen', bestSentence: () => '', question: 'Wie lade ich mit wget eine Webseite rekursiv herunter?', unknownShare: 0, english: false, isPageName }, 0.5).toolMissing;
    expect(ask([1, 2], () => false)).toBe(true);
    expect(ask([0, 2], () => false)).toBe(false);
    // A tool the corpus has a page for is found through the page (see page-names.ts), not required here.
    expect(ask([1, 2], (word) => word === 'wget')).toBe(false);
  });

  it('has nothing to read when nothing matched', () => {
    expect(signalsOf({ concepts: CONCEPTS, best: undefined, bestText: '', bestSentence: () => '', question: 'How do I learn Russian?', unknownShare: 1, english: true, isPageName: () => false }, 0.5)).toEqual({ coverage: 0, exactCoverage: 0, unknownShare: 1, english: true, contentMatched: 0, contentWords: 2, contentSaid: 0, numberMissing: false, toolMissing: false });
  });
});
