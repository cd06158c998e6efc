import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../../src/corpus/decode.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeArticle', () => {
  it('drops the BOM, turns CRLF and CR into LF and composes to NFC', () => {
    const decoded = decodeArticle(bytes('\ufeffTitel\r\nAbsatz mit A\u0308nderung\rEnde'));
    expect(decoded).toEqual({ ok: true, text: 'Titel\nAbsatz mit \u00c4nderung\nEnde' });
  });

  it('skips empty and whitespace-only files', () => {
    expect(decodeArticle(new Uint8Array())).toEqual({ ok: false, problem: 'empty', reason: 'empty file' });
    expect(decodeArticle(bytes(' \n\t\n'))).toEqual({ ok: false, problem: 'empty', reason: 'empty file' });
  });

  it('skips binary files', () => {
    expect(decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, problem: 'binary', reason: 'binary file' });
  });

  it('skips invalid UTF-8, such as Latin-1 text', () => {
    expect(decodeArticle(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toEqual({ ok: false, problem: 'not-utf8', reason: 'not valid UTF-8' });
  });
});
