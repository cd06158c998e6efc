import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { answerKind, hasAnswerKind } from '../../../src/search/analysis/answer-kind.js';
import { highlight } from '../../../src/search/analysis/highlight.js';

describe('answerKind', () => {
  it('tells the kind of answer asked for', () => {
    expect(answerKind('Seit wann gibt es Exportkontrollen für Gallium?')).toBe('date');
    expect(answerKind('When did DeepSeek release R1?')).toBe('date');
    expect(answerKind('Um wie viel Prozent ist die Nvidia-Aktie eingebrochen?')).toBe('number');
    expect(answerKind('Wie groß war der Handel im Jahr 2024?')).toBe('number');
    expect(answerKind('How much software can Russia make?')).toBe('number');
    expect(answerKind('Wer ist Du Xuliang?')).toBe('name');
    expect(answerKind('Who leads the commission?')).toBe('name');
    expect(answerKind('Warum will China weniger Gas aus Russland beziehen?')).toBe('reason');
    expect(answerKind('Why is Beijing reducing its shipments to Moscow?')).toBe('reason');
    expect(answerKind('Wie alt ist Wladimir Putin?')).toBe('number');
    expect(answerKind('How old is the pipeline project?')).toBe('number');
    expect(answerKind('Die alten Pipelines')).toBeUndefined();
    expect(answerKind('Gallium Germanium')).toBeUndefined();
  });

  it('finds dates, numbers and names in sentences', () => {
    expect(hasAnswerKind('Bereits im Juli 2023 wurden Exportkontrollen verhängt.', 'date')).toBe(true);
    expect(hasAnswerKind('Die Kontrollen umfassen Gallium.', 'date')).toBe(false);
    expect(hasAnswerKind('Ein Anstieg von etwa 42 Prozent.', 'number')).toBe(true);
    expect(hasAnswerKind('Das sagte Du Xuliang gestern.', 'name')).toBe(true);
    expect(hasAnswerKind('Die Analyse sagt das.', 'name')).toBe(false);
    expect(hasAnswerKind('Wegen ständiger Sanktionsrisiken sucht China neue Lieferanten.', 'reason')).toBe(true);
    expect(hasAnswerKind('Die Sorge vor Sanktionen führt dazu, dass Peking weniger liefert.', 'reason')).toBe(true);
    expect(hasAnswerKind('Warum? Weil eine Veröffentlichung Nvidia nützen würde.', 'reason')).toBe(true);
    expect(hasAnswerKind('China liefert weniger Gas.', 'reason')).toBe(false);
  });
});

describe('highlight', () => {
  const analyzer = new Analyzer();
  const TEXT = 'China kontrolliert die Ausfuhr von Gallium seit Jahren. Bereits im Juli 2023 wurden Exportkontrollen für Gallium verhängt.';

  it('picks the sentence with the kind of answer asked for among equally good ones', () => {
    const terms = new Map([[analyzer.term('Gallium') as string, 5]]);
    const plain = highlight(analyzer, TEXT, terms);
    const dated = highlight(analyzer, TEXT, terms, 'date');
    expect(TEXT.slice(plain.bestSentence.start, plain.bestSentence.end)).toMatch(/^China/);
    expect(TEXT.slice(dated.bestSentence.start, dated.bestSentence.end)).toMatch(/^Bereits im Juli 2023/);
  });

  it('marks a hyphenated word whole when one of its parts matched', () => {
    const text = 'Qualifizierte IT-Experten verlassen das Land.';
    const marked = highlight(analyzer, text, new Map([[analyzer.term('Experten') as string, 1]]));
    expect(marked.highlights.map((s) => text.slice(s.start, s.end))).toEqual(['IT-Experten']);
  });
});
