/** Which check a file's bytes failed, for callers that explain it in their own words (uploads). */
export type DecodeProblem = 'empty' | 'too-large' | 'binary' | 'not-utf8';

/** Why a file's bytes are not an article, or its text. */
export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: DecodeProblem; readonly reason: string };

/** Larger files are not articles; reading them would only cost memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes → text: strict UTF-8 (a file in another encoding would be indexed as mojibake),
 * BOM dropped, CRLF and CR turned into LF, Unicode NFC so that "ä" typed two ways is one.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'empty', reason: 'empty file' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: 'too-large', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
  // A NUL byte never occurs in text; it is the usual mark of a binary file.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: 'binary', reason: 'binary file' };
  let text: string;
  try {
    text = utf8.decode(bytes); // strips a leading BOM
  } catch {
    return { ok: false, problem: 'not-utf8', reason: 'not valid UTF-8' };
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  if (text.trim() === '') return { ok: false, problem: 'empty', reason: 'empty file' };
  return { ok: true, text };
}
