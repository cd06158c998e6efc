import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../src/answers/question-like.js';

describe('looksLikeQuestion', () => {
  it.each(['Wer ist Du Xuliang', 'wie viel Software kann Russland selbst herstellen', 'Gibt es einen Artikel über DeepSeek', 'What about Alibaba', 'Nvidia-Aktie?', '  Und wann? '])('takes %j as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['Danke euch allen!', 'Guten Morgen', '', 'Wieder was gelernt.', 'Whatever.'])('leaves %j alone', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
