import { describe, expect, it } from 'vitest';
import { asksAboutArticle, isMetaWord } from '../../../src/search/plan/meta.js';

describe('asksAboutArticle', () => {
  it('recognises questions about authors, titles and dates', () => {
    for (const question of [
      'Wer hat den Artikel über Musk geschrieben?',
      'Who wrote about DeepSeek?',
      'Wie heißt der Artikel über Zhejiang?',
      'Welcher Artikel behandelt Chinas digitalen Einfluss?',
      'Wann erschien der Text von Escobar?',
      'Titel des Textes über Seltene Erden',
      'Gibt es einen Artikel über DeepSeek?',
      'Is there an article about the Nvidia crash?',
      'Von wem stammt der Text über Made in China 2025?',
      'Wann wurde der Escobar-Artikel veröffentlicht?',
      'artikel musk',
    ]) {
      expect(asksAboutArticle(question), question).toBe(true);
    }
  });

  it('leaves questions that only mention the author or the article to their content', () => {
    for (const question of [
      'Als was bezeichnet der Autor die Technik-Kooperation in Wahrheit?',
      'Auf welche chinesische Quelle stützt sich der Autor?',
      'Welche Rolle schreibt die Presseagentur Moskau zu?',
      'Wann wurde R1 veröffentlicht?',
      'Was steht im Artikel über Musk zur Raumfahrt?',
      'What does the article say about Nvidia?',
      'Welches Signal sendet Russland laut Artikel trotz der Spannungen?',
      'Is Russia an equal partner according to the article?',
    ]) {
      expect(asksAboutArticle(question), question).toBe(false);
    }
  });
});

describe('isMetaWord', () => {
  it('knows the words that ask about an article', () => {
    expect(isMetaWord('Artikel')).toBe(true);
    expect(isMetaWord('Überschrift')).toBe(true);
    expect(isMetaWord('Russland')).toBe(false);
  });
});
