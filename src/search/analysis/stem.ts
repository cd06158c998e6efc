/**
 * Light German stemmers. Both take a word already folded by `normalizeWord` (lowercase, no
 * umlauts) and strip inflection only, so that "Sanktionen" meets "Sanktion" and "Chinas"
 * meets "China" without the over-reach of a full Snowball stemmer.
 *
 * CISTEM is the default: on the dev questions it matches every pair the light stemmer does
 * and also the genitive "-s" ("Chinas" → "china"), which the Lucene light stemmer keeps.
 */
export type Stemmer = (word: string) => string;

/**
 * CISTEM (Weissweiler & Fraser, 2017), case-insensitive variant, without the optional
 * "ge-" prefix removal: that step cuts compounds such as "Gesamtexporte" at the wrong place.
 */
export const cistem: Stemmer = (word) => {
  if (word.length <= 3) return word;
  // Placeholders keep multi-letter units together while suffixes are stripped.
  let w = word
    .replace(/sch/g, '$')
    .replace(/ei/g, '%')
    .replace(/ie/g, '&')
    .replace(/(.)\1/g, '$1*');
  while (w.length > 3) {
    if (w.length > 5) {
      if (/e[mr]$/.test(w) || /nd$/.test(w)) {
        w = w.slice(0, -2);
        continue;
      }
    }
    if (/[tesn]$/.test(w)) {
      w = w.slice(0, -1);
      continue;
    }
    break;
  }
  return w
    .replace(/(.)\*/g, '$1$1')
    .replace(/%/g, 'ei')
    .replace(/&/g, 'ie')
    .replace(/\$/g, 'sch');
};

const S_ENDING = /[bdfghklmnrt]/;

/** Lucene's GermanLightStemmer (Savoy 2006), kept for comparison in the quality benchmark. */
export const germanLight: Stemmer = (word) => {
  let len = word.length;
  const endsWith = (suffix: string) => word.slice(0, len).endsWith(suffix);
  // step 1
  if (len > 5 && endsWith('ern')) len -= 3;
  else if (len > 4 && (endsWith('em') || endsWith('en') || endsWith('er') || endsWith('es'))) len -= 2;
  else if (len > 3 && endsWith('e')) len -= 1;
  else if (len > 3 && endsWith('s') && S_ENDING.test(word.charAt(len - 2))) len -= 1;
  // step 2
  if (len > 5 && endsWith('est')) len -= 3;
  else if (len > 4 && (endsWith('er') || endsWith('en'))) len -= 2;
  else if (len > 4 && endsWith('st') && S_ENDING.test(word.charAt(len - 3))) len -= 2;
  return word.slice(0, len);
};

export const STEMMERS = { cistem, germanLight, none: (word: string) => word } as const satisfies Record<string, Stemmer>;
export type StemmerName = keyof typeof STEMMERS;
