import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { wordsOf } from '../../../src/search/analysis/tokenize.js';
import { isFrameWord } from '../../../src/search/plan/frame-words.js';
import { asksAboutArticle, authorIndex, focusOnArticles, isMetaWord, namesInByline } from '../../../src/search/plan/meta.js';
import { article, concept } from '../fixtures.js';

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

describe('focusOnArticles', () => {
  const analyzer = new Analyzer();
  const escobar = article('escobar.txt', 'Chinas Überschuss', [], 'Pepe Escobar');
  const authors = authorIndex(analyzer, [escobar]);
  const concepts = (question: string) =>
    wordsOf(question).flatMap((w) => {
      const term = analyzer.term(w);
      return term === null ? [] : [concept(w, { term, frame: isFrameWord(w) })];
    });
  const focus = (question: string) => focusOnArticles(question, concepts(question), authors);

  it('asks for the articles of an author named with nothing else to look for', () => {
    const found = focus('Artikel von Pepe Escobar');
    expect(found.byAuthor).toEqual([escobar]);
    expect(found.concepts).toEqual([]);
  });

  it('answers a question about the author from the text, with the author still named', () => {
    const found = focus('Was macht Pepe Escobar beruflich?');
    expect(found.named).toEqual([escobar]);
    expect(found.byAuthor).toEqual([]);
    expect(found.concepts.map((c) => c.surface)).toContain('Escobar');
  });

  it('leaves the meta words out of a question about an article', () => {
    const found = focus('Wer hat den Artikel über Gallium geschrieben?');
    expect(found.aboutArticle).toBe(true);
    expect(found.concepts.map((c) => c.surface)).not.toContain('Artikel');
    expect(found.named).toEqual([]);
  });
});

describe('namesInByline', () => {
  it('finds the names, not the date, the publisher in capitals or a job', () => {
    expect(namesInByline('Pavel Lokshin, Christina zur Nedden')).toEqual([['Pavel', 'Lokshin'], ['Christina', 'zur', 'Nedden']]);
    expect(namesInByline('14. November 2025 | Pepe Escobar')).toEqual([['Pepe', 'Escobar']]);
    expect(namesInByline('Von Anna Lang, WELT')).toEqual([['Anna', 'Lang']]);
    expect(namesInByline('Anna Lang und Max Weber')).toEqual([['Anna', 'Lang'], ['Max', 'Weber']]);
    expect(namesInByline('Korrespondent in Moskau')).toEqual([]);
  });
});
