import { describe, expect, it } from 'vitest';
import type { Article, Corpus } from '../../../src/corpus/types.js';
import { buildEngine } from '../../../src/search/engine.js';
import { discountBorrowed, knownThings, planFollowUp } from '../../../src/search/plan/follow-up.js';
import { concept } from '../fixtures.js';

const OPTIONS = { followUpMaxThings: 1, followUpWeight: 0.4 };
const known = (term: string) => (['nvidia', 'aktie', 'alibaba', 'xuliang', 'du'].includes(term) ? 5 : 0);

describe('planFollowUp', () => {
  it('borrows the earlier content words at the lower weight when the follow-up names nothing of its own ("und wann?")', () => {
    const own = [concept('wann', { frame: true, weight: 0.3 })];
    const earlier = [concept('Wie', { frame: true }), concept('stark', { frame: true, measure: true }), concept('Nvidia', { weight: 2, unit: 2 }), concept('Aktie', { weight: 1.5, unit: 3 })];
    const { concepts, borrowed } = planFollowUp(own, earlier, known, OPTIONS);
    expect(concepts.map((c) => c.term)).toEqual(['wann', 'nvidia', 'aktie']);
    expect(concepts.map((c) => c.weight)).toEqual([0.3, 0.8, 0.6000000000000001]);
    // They are what the question is about: counted as its things.
    expect(concepts.slice(1).every((c) => borrowed.has(c) && !c.frame)).toBe(true);
    // Units after the follow-up's own: a borrowed thing is never joined with one of its words.
    expect(concepts[1]?.unit).toBeGreaterThan(0);
  });

  it('keeps borrowed words as context, not things, beside a thing of its own ("what about Alibaba?"); repeated words are not borrowed twice', () => {
    const own = [concept('what', { frame: true }), concept('Alibaba', { unit: 1 }), concept('Nvidia', { unit: 2 })];
    const { concepts } = planFollowUp(own.slice(0, 2), [concept('Nvidia'), concept('Aktie', { unit: 1 })], known, OPTIONS);
    expect(concepts.map((c) => [c.term, c.frame])).toEqual([['what', true], ['alibaba', false], ['nvidia', true], ['aktie', true]]);
    expect(planFollowUp(own.slice(0, 3), [concept('Nvidia')], known, { ...OPTIONS, followUpMaxThings: 2 }).concepts.map((c) => c.term)).toEqual(['what', 'alibaba', 'nvidia']);
  });

  it('lets a follow-up that names things of its own stand on its own', () => {
    const own = [concept('Alibaba'), concept('Aktie', { unit: 1 })];
    const { concepts, borrowed } = planFollowUp(own, [concept('Nvidia')], known, OPTIONS);
    expect(concepts).toEqual(own);
    expect(borrowed.size).toBe(0);
    expect(knownThings(own, known)).toBe(2);
    // A name is one thing; a word the corpus lacks (without a bridge) is none.
    expect(knownThings([concept('Du', { unit: 0 }), concept('Xuliang', { unit: 0 }), concept('Gurke', { unit: 1 })], known)).toBe(1);
  });

  it('lowers the scores of borrowed matches only', () => {
    const own = concept('Alibaba');
    const other = concept('Nvidia');
    const match = { score: 10, covered: 1, textual: true, local: true, described: false, terms: new Map<string, number>() };
    const retrieved = [{ matches: new Map([[1, match]]), direct: new Map(), described: new Set<number>() }, { matches: new Map([[1, match]]), direct: new Map(), described: new Set<number>() }];
    const [a, b] = discountBorrowed([own, other], retrieved, new Set([other]), 0.4);
    expect(a?.matches.get(1)?.score).toBe(10);
    expect(b?.matches.get(1)?.score).toBe(4);
  });
});

function article(file: string, title: string, paragraphs: string[]): Article {
  return { file, title, titleDerived: false, byline: undefined, date: undefined, paragraphs: paragraphs.map((text, i) => ({ number: i + 1, heading: undefined, text })) };
}

const CORPUS: Corpus = {
  dir: '/corpus',
  skipped: [],
  articles: [
    article('zhejiang.txt', 'Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus', [
      'Mit der Veröffentlichung des R1 Sprachmodells durch das in Hangzhou ansässige Unternehmen DeepSeek am 20. Januar begann ein neues Kapitel.',
      'Der Aktienkurs des Halbleiter-Riesen Nvidia stürzte innerhalb weniger Handelstage von 142 US-Dollar auf 128,99 US-Dollar ab.',
      'Du Xuliang, Direktor der Reformkommission, kündigte an, die Unterstützung für KI-Industrien weiter zu verstärken.',
      'Die Provinz Zhejiang ist bereits Heimat des E-Commerce-Giganten Alibaba.',
    ]),
    article('parade.txt', 'Nur bei der Militärtechnologie kann China noch lernen', [
      'Wenn am Freitag der chinesische Staatschef Xi Jinping am Roten Platz steht, wird niemand glücklicher sein als Wladimir Putin.',
      'Die Regierung kündigte neue Zölle an, die im Januar in Kraft treten.',
    ]),
  ],
};

describe('Engine.search with the earlier question as context', () => {
  const engine = buildEngine(CORPUS);
  const top = (question: string, context?: string) => engine.search(question, { limit: 3, ...(context === undefined ? {} : { context }) }).passages[0]?.text ?? '';

  it('answers an elliptical follow-up from the earlier question\'s things', () => {
    expect(top('Und was hat er angekündigt?')).not.toContain('Du Xuliang');
    expect(top('Und was hat er angekündigt?', 'Wer ist Du Xuliang?')).toContain('Du Xuliang');
  });

  it('keeps a follow-up with things of its own on them, and says nothing of borrowed words as missing', () => {
    expect(top('Wer ist Xi Jinping?', 'Wie stark fiel die Nvidia-Aktie?')).toContain('Xi Jinping');
    const answer = engine.search('Und wann?', { context: 'Wann erschien DeepSeeks Sprachmodell Quasimodo?' });
    expect(answer.missing).not.toContain('Quasimodo');
  });
});
