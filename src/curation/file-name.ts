import { CurationError } from './errors.js';

/** Article extensions the loader reads. */
const UPLOAD_EXTENSIONS = ['.txt', '.md'] as const;

/** At most this many characters before the extension: file systems, Discord's 100-character custom ids. */
export const MAX_UPLOAD_NAME_LENGTH = 80;

/**
 * A name an uploaded file can be written under, from what the uploader's client sent: no
 * path separators (so never outside the upload folder), no leading dots (the loader skips
 * hidden files, and the manifest is one), no control or direction characters (a
 * right-to-left override makes "txt.exe" look like "exe.txt"), single spaces, a bounded
 * length, and a lowercase .txt or .md extension. Throws a CurationError for another
 * extension or a name with nothing left.
 */
export function sanitizeUploadName(raw: string): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    // Cc: control characters; Cf: format characters, among them the direction overrides.
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[/\\:]/gu, '_')
    .trim();
  const dot = cleaned.lastIndexOf('.');
  const extension = dot === -1 ? '' : cleaned.slice(dot).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new CurationError('extension', `only ${UPLOAD_EXTENSIONS.join(' and ')} files can be articles, got "${cleaned.slice(0, MAX_UPLOAD_NAME_LENGTH)}"`);
  }
  let base = cleaned.slice(0, dot).replace(/^[.\s]+/u, '').trimEnd();
  if (base.length > MAX_UPLOAD_NAME_LENGTH) base = cutAt(base, MAX_UPLOAD_NAME_LENGTH).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(base)) throw new CurationError('name', `the file name "${cleaned.slice(0, MAX_UPLOAD_NAME_LENGTH)}" has no letters or digits to keep`);
  return `${base}${extension}`;
}

/** The longest start of `text` of at most `max` UTF-16 units that ends between two code points. */
function cutAt(text: string, max: number): string {
  let cut = '';
  for (const char of text) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}
