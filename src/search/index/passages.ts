import { splitSentences } from '../analysis/sentences.js';

/**
 * The longest passage indexed and answered with. A scraped article saved without newlines is
 * one paragraph of megabytes; matching a question against it cost about 70 ms per MB, and
 * twenty such questions delayed a normal one past Discord's 3 s. Longer paragraphs are split
 * into passages of at most this many characters, at sentence boundaries where there are any.
 */
export const MAX_PASSAGE_CHARS = 3000;

/** A paragraph's text as passages of at most `max` characters: whole sentences, or cut at a space. */
export function splitPassages(text: string, max: number = MAX_PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') parts.push(current.trim());
    current = '';
  };
  for (const { start, end } of splitSentences(text)) {
    let sentence = text.slice(start, end);
    if (current.length + sentence.length + 1 > max) flush();
    // A "sentence" longer than a passage (no full stops for megabytes): cut at a space.
    while (sentence.length > max) {
      const space = sentence.lastIndexOf(' ', max);
      const cut = space > max / 2 ? space : max;
      parts.push(sentence.slice(0, cut).trim());
      sentence = sentence.slice(cut);
    }
    current = current === '' ? sentence : `${current} ${sentence}`;
  }
  flush();
  return parts;
}
