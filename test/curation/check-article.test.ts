import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/curation/check-article.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('checkArticle', () => {
  it('returns the article as the loader would read it', () => {
    const article = checkArticle('uploads/zwiebel.txt', encode('\uFEFFZwiebelkuchen in Thüringen\r\n\r\nDer Zwiebelkuchen wird im Herbst gegessen.\r\n'));
    expect(article).toMatchObject({ file: 'uploads/zwiebel.txt', title: 'Zwiebelkuchen in Thüringen', paragraphs: [{ number: 1, text: 'Der Zwiebelkuchen wird im Herbst gegessen.' }] });
  });

  it.each([
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'Quelle: x.txt is a binary file, not text'],
    ['not-utf8', Buffer.from('Gr\xfc\xdfe', 'latin1'), 'Quelle: x.txt is not valid UTF-8 text'],
    ['binary', encode(`Text\u0001\u0002\u0003\u0004 mit Steuerzeichen`), 'Quelle: x.txt is mostly control characters, not text'],
    ['empty', encode(''), 'Quelle: x.txt has no paragraph of text'],
    ['empty', encode('\n \n\t\n'), 'Quelle: x.txt has no paragraph of text'],
  ])('refuses %s: %j', (problem, bytes, message) => {
    expect(() => checkArticle('x.txt', bytes)).toThrow(message);
    try {
      checkArticle('x.txt', bytes);
    } catch (err) {
      expect(err).toMatchObject({ name: 'CurationError', problem });
    }
  });
});
