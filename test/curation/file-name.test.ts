import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurationError } from '../../src/curation/errors.js';
import { MAX_UPLOAD_NAME_LENGTH, sanitizeUploadName } from '../../src/curation/file-name.js';

/** No lone surrogate: a character was not cut in half. */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);

describe('sanitizeUploadName', () => {
  it.each([
    ['Bericht.txt', 'Bericht.txt'],
    ['Handel mit China.MD', 'Handel mit China.md'],
    ['../../etc/passwd.txt', '_.._etc_passwd.txt'],
    ['..\\windows\\x.txt', '_windows_x.txt'],
    ['.hidden.txt', 'hidden.txt'],
    ['  ...  spaced\tout  .txt', 'spaced out.txt'],
    ['bell\u0007and\u0000nul.txt', 'bellandnul.txt'],
    // A right-to-left override would show "evil\u202Etxt.exe" as "evilexe.txt".
    ['evil\u202Egpj.txt', 'evilgpj.txt'],
    ['Zürich.txt', 'Zürich.txt'],
    ['Zu\u0308rich.txt', 'Zürich.txt'],
  ])('%j → %j', (raw, safe) => {
    expect(sanitizeUploadName(raw)).toBe(safe);
  });

  it('bounds the length, never cutting a character in half', () => {
    expect(sanitizeUploadName(`${'a'.repeat(200)}.txt`)).toBe(`${'a'.repeat(MAX_UPLOAD_NAME_LENGTH)}.txt`);
    const emoji = sanitizeUploadName(`${'a😀'.repeat(60)}.txt`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_UPLOAD_NAME_LENGTH + 4);
    expect(wellFormed(emoji)).toBe(true);
  });

  it.each([
    ['article.pdf', 'extension', 'Quelle: only .txt and .md files can be articles, got "article.pdf"'],
    ['README', 'extension', 'Quelle: only .txt and .md files can be articles, got "README"'],
    ['notes.txt.exe', 'extension', 'Quelle: only .txt and .md files can be articles, got "notes.txt.exe"'],
    ['....txt', 'name', 'Quelle: the file name "....txt" has no letters or digits to keep'],
    ['😀.txt', 'name', 'Quelle: the file name "😀.txt" has no letters or digits to keep'],
    ['/ \u202E.md', 'name', 'Quelle: the file name "_ .md" has no letters or digits to keep'],
  ])('refuses %j with an exact message', (raw, problem, message) => {
    expect(() => sanitizeUploadName(raw)).toThrow(message);
    expect(() => sanitizeUploadName(raw)).toThrow(expect.objectContaining({ problem }));
  });

  it('always yields a plain, visible name of bounded length, or refuses', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('.txt', '.md', '.TXT'), (base, extension) => {
        let name: string;
        try {
          name = sanitizeUploadName(base + extension);
        } catch (err) {
          return err instanceof CurationError;
        }
        return (
          !/[/\\:]/u.test(name) && !name.startsWith('.') && !/[\p{Cc}\p{Cf}]/u.test(name) && /\.(txt|md)$/u.test(name) && name.length <= MAX_UPLOAD_NAME_LENGTH + 4 && wellFormed(name)
        );
      }),
    );
  });
});
