/**
 * Ding's German–English dictionary (Debian `trans-de-en`, /usr/share/trans/de-en), one entry a
 * line: `Einfuhr {f}; Import {m} [econ.] | Einfuhrrechte {pl} :: import; importation | import rights`.
 * The two sides are split by ` :: `, each side into aligned sub-entries by ` | `, and those into
 * variants by `; `. Only short variants are kept: words, not usage examples.
 */

/** One English variant and the German variants of the same sub-entry, both cleaned. */
export interface DingPair {
  readonly english: readonly string[];
  readonly german: readonly string[];
}

const ANNOTATIONS = /\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>/g;
/** Placeholders for an object in a phrase: "etw. importieren", "to import sth.". */
const PLACEHOLDER = /^(?:etw|jdn|jdm|jds|jd|sb|sth|sb's|one's|oneself|sich)\.?$/i;
const WORD = /^\p{L}[\p{L}-]*$/u;

/** The words of a variant, without annotations and placeholders; undefined when it is no short word or phrase. */
export function cleanVariant(variant: string, maxWords: number): string[] | undefined {
  const text = variant.replace(ANNOTATIONS, ' ').replace(/^\s*to\s+/i, ' ');
  if (/[/…]|\.\.\./.test(text)) return undefined;
  const words = text.split(/\s+/).filter((w) => w !== '' && !PLACEHOLDER.test(w));
  if (words.length === 0 || words.length > maxWords || !words.every((w) => WORD.test(w))) return undefined;
  return words;
}

const ABBREVIATION = /\/([^/\s]+)\//g;

/**
 * A variant and the abbreviation it may carry, as variants of their own:
 * "künstliche Intelligenz {f} /KI/" → "künstliche Intelligenz {f}", "KI".
 */
export function splitAbbreviations(variant: string): string[] {
  const abbreviations = [...variant.matchAll(ABBREVIATION)].map((m) => m[1] as string);
  return [variant.replace(ABBREVIATION, ' '), ...abbreviations];
}

/** The pairs of one dictionary line; none for comments and malformed lines. */
export function parseDingLine(line: string, maxWords = 2): DingPair[] {
  if (line.startsWith('#')) return [];
  const sides = line.split(' :: ');
  if (sides.length !== 2) return [];
  const germanEntries = (sides[0] as string).split(' | ');
  const englishEntries = (sides[1] as string).split(' | ');
  // Sub-entries are aligned only when both sides have as many; otherwise trust the first.
  const count = germanEntries.length === englishEntries.length ? germanEntries.length : 1;
  const pairs: DingPair[] = [];
  for (let i = 0; i < count; i++) {
    const german = (germanEntries[i] as string).split('; ').flatMap(splitAbbreviations).flatMap((v) => {
      const words = cleanVariant(v, maxWords);
      return words === undefined ? [] : [words.join(' ')];
    });
    if (german.length === 0) continue;
    for (const variant of (englishEntries[i] as string).split('; ').flatMap(splitAbbreviations)) {
      const words = cleanVariant(variant, maxWords);
      if (words !== undefined) pairs.push({ english: words, german });
    }
  }
  return pairs;
}
