/**
 * Folding of German spelling variants, so that the forms users type meet the forms in the
 * corpus: lowercase, accents stripped, `ä→a ö→o ü→u ß→ss`, and the keyboard spellings
 * `ae→a oe→o ue→u` (after Lucene's GermanNormalizationFilter: "ue" stays after a vowel or
 * "q", as in "Steuer" or "Quelle"). Both the index and the question go through it, so the
 * occasional over-folding ("Israel" → "isral") is harmless: it happens on both sides.
 */
// Folding accents is only needed when there is something beyond ASCII.
const NON_ASCII = /[^\u0020-\u007e]/;

export function normalizeWord(word: string): string {
  let out = word.toLowerCase();
  if (NON_ASCII.test(out)) {
    out = out.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}+/gu, '');
  }
  if (!/[aou]e/.test(out)) return out;
  return out.replace(/([aou])e/g, (match, vowel: string, offset: number) => {
    if (vowel !== 'u') return vowel;
    const before = offset > 0 ? out.charAt(offset - 1) : '';
    return /[aeiouq]/.test(before) ? match : vowel;
  });
}

/**
 * Folding for matching names typed by users against file names and titles (autocomplete):
 * the word folding above, applied to a whole string, punctuation turned into spaces.
 */
export function foldText(text: string): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(normalizeWord)
    .join(' ');
}
