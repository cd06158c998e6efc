import { RecurringLines } from '../corpus/boilerplate.js';
import { splitLines } from '../corpus/lines.js';
import { parseArticle } from '../corpus/parse.js';
import type { Article } from '../corpus/types.js';
import { CurationError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A share of control characters (besides tab, newline, form feed) above this is not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * The article an upload would become, checked before anything is written: UTF-8 text (no NUL
 * byte, hardly any control characters) with at least one paragraph by the loader's own rules.
 * Throws a CurationError saying which check failed.
 */
export function checkArticle(file: string, bytes: Uint8Array): Article {
  if (bytes.includes(0)) throw new CurationError('binary', `${file} is a binary file, not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CurationError('not-utf8', `${file} is not valid UTF-8 text`);
  }
  const controls = text.match(/[\p{Cc}]/gu)?.filter((c) => !'\t\n\r\f'.includes(c)).length ?? 0;
  if (controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) throw new CurationError('binary', `${file} is mostly control characters, not text`);
  const lines = splitLines(text.replace(/\r\n?/gu, '\n').normalize('NFC'));
  const { article } = parseArticle(file, lines, new RecurringLines());
  if (article.paragraphs.length === 0) throw new CurationError('empty', `${file} has no paragraph of text`);
  return article;
}
