import { RecurringLines } from '../corpus/boilerplate.js';
import { decodeArticle } from '../corpus/decode.js';
import { splitLines } from '../corpus/lines.js';
import { parseArticle } from '../corpus/parse.js';
import type { Article } from '../corpus/types.js';
import { CurationError } from './errors.js';

/** A share of control characters (besides tab, newline, form feed) above this is not text. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * The article an upload would become, checked before anything is written by the loader's own
 * steps (decodeArticle, then parseArticle), and stricter where a moderator can be told: a NUL
 * byte anywhere (the loader looks at the first 8 KiB) or more than a trace of control
 * characters is not text. Throws a CurationError saying which check failed.
 */
export function checkArticle(file: string, bytes: Uint8Array): Article {
  const decoded = bytes.includes(0) ? ({ ok: false, problem: 'binary' } as const) : decodeArticle(bytes);
  if (!decoded.ok) {
    // Uploads are bounded by CORPUS_UPLOAD_MAX_BYTES (≤ the loader's limit) before this.
    if (decoded.problem === 'not-utf8') throw new CurationError('not-utf8', `${file} is not valid UTF-8 text`);
    if (decoded.problem === 'binary' || decoded.problem === 'too-large') throw new CurationError('binary', `${file} is a binary file, not text`);
    throw new CurationError('empty', `${file} has no paragraph of text`);
  }
  const { text } = decoded;
  const controls = text.match(/[\p{Cc}]/gu)?.filter((c) => !'\t\n\r\f'.includes(c)).length ?? 0;
  if (controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) throw new CurationError('binary', `${file} is mostly control characters, not text`);
  const { article } = parseArticle(file, splitLines(text), new RecurringLines());
  if (article.paragraphs.length === 0) throw new CurationError('empty', `${file} has no paragraph of text`);
  return article;
}
