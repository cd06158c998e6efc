/** The ellipsis that marks text cut short. */
export const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` characters, at the end of a word, with an ellipsis. Text that
 * fits is returned as it is.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  return cutAtWord(text, max - ELLIPSIS.length) + ELLIPSIS;
}

/**
 * The longest prefix of `text` of at most `length` characters that ends at a word boundary,
 * without trailing space or punctuation. Falls back to a hard cut (never inside a surrogate
 * pair) when the last space is too far back to keep a useful part.
 */
export function cutAtWord(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  let end = space >= length / 2 ? space : length;
  // Never split an emoji or other astral character in two.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).replace(/[\s,;:.–-]+$/u, '');
}
