import { describe, expect, it } from 'vitest';
import { englishBase, isEnglish } from '../../../src/search/lexicon/english.js';

describe('englishBase', () => {
  it('reduces inflected English words to one base form', () => {
    for (const word of ['imports', 'importing', 'imported', 'import']) expect(englishBase(word)).toBe('import');
    expect(englishBase('economies')).toBe(englishBase('economy'));
    expect(englishBase('stopped')).toBe(englishBase('stop'));
    expect(englishBase("China's")).toBe('china');
    expect(englishBase('dominated')).toBe(englishBase('dominate'));
  });

  it('leaves short words and -ss/-us/-is endings alone', () => {
    expect(englishBase('AI')).toBe('ai');
    expect(englishBase('glass')).toBe('glass');
    expect(englishBase('bus')).toBe('bus');
    expect(englishBase('analysis')).toBe('analysis');
  });
});

describe('isEnglish', () => {
  it('tells English questions by their function words', () => {
    expect(isEnglish('Who is the director of the commission'.split(' '))).toBe(true);
    expect(isEnglish('Wer ist der Direktor der Kommission'.split(' '))).toBe(false);
    expect(isEnglish('How much software can Russia still make on its own'.split(' '))).toBe(true);
  });

  it('does not call keywords English', () => {
    expect(isEnglish(['Nvidia', 'Aktie', 'Absturz'])).toBe(false);
    expect(isEnglish([])).toBe(false);
  });
});
