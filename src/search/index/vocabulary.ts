/**
 * The corpus's own vocabulary, with document frequencies, and a lookup of the terms that
 * end with a given term. German writes compounds as one word: "Invasion" must find
 * "Großinvasion" and "Exporten" must find "Gesamtexporte". The head of a German compound
 * is its last part, so the compounds of a word are the vocabulary terms ending with it.
 */
export class Vocabulary {
  /** Per term: paragraphs (text field) that contain it, and the last one counted. */
  private readonly entries = new Map<string, { df: number; lastDoc: number }>();
  private reversed: string[] | undefined;
  private sorted: string[] | undefined;

  /** Counts the terms of one paragraph; `doc` identifies it, so repeats count once. */
  addDocumentTerms(doc: number, terms: readonly string[]): void {
    for (const term of terms) {
      const entry = this.entries.get(term);
      if (entry === undefined) this.entries.set(term, { df: 1, lastDoc: doc });
      else if (entry.lastDoc !== doc) {
        entry.df++;
        entry.lastDoc = doc;
      }
    }
  }

  /** Terms seen only in headings or titles still take part in compound lookups. */
  addTerms(terms: readonly string[]): void {
    for (const term of terms) if (!this.entries.has(term)) this.entries.set(term, { df: 0, lastDoc: -1 });
  }

  get size(): number {
    return this.entries.size;
  }

  has(term: string): boolean {
    return this.entries.has(term);
  }

  documentFrequency(term: string): number {
    return this.entries.get(term)?.df ?? 0;
  }

  /**
   * Terms that end with `term` and are at least `minExtra` characters longer, shortest
   * first (the closest compounds), at most `limit`.
   */
  compoundsEndingWith(term: string, minExtra: number, limit: number): string[] {
    const reversed = this.reversedTerms();
    const key = reverse(term);
    const found: string[] = [];
    for (let i = lowerBound(reversed, key); i < reversed.length; i++) {
      const candidate = reversed[i] as string;
      if (!candidate.startsWith(key)) break;
      if (candidate.length >= key.length + minExtra) found.push(reverse(candidate));
    }
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /** Terms that start with `modifier` and end with `head`, with something between or not ("aktie" + "kur" → "aktienkur"). */
  compoundsOf(modifier: string, head: string, limit: number): string[] {
    const found: string[] = [];
    const reversed = this.reversedTerms();
    const key = reverse(head);
    for (let i = lowerBound(reversed, key); i < reversed.length && found.length < limit; i++) {
      const candidate = reversed[i] as string;
      if (!candidate.startsWith(key)) break;
      if (candidate.length >= key.length + modifier.length && candidate.endsWith(reverse(modifier))) found.push(reverse(candidate));
    }
    return found;
  }

  /** Terms with their document frequencies, for an index snapshot. */
  toJSON(): [string, number][] {
    return [...this.entries].map(([term, entry]) => [term, entry.df]);
  }

  /** The vocabulary of a snapshot (see toJSON). */
  static fromJSON(terms: readonly (readonly [string, number])[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [term, df] of terms) vocabulary.entries.set(term, { df, lastDoc: -1 });
    return vocabulary;
  }

  /**
   * Compounds with `term` as their first part: terms that start with it and go on, after a
   * linking element, with a word of the corpus ("bank" → "bankensektor": -en- + "sektor").
   * Not every longer term: "bank" does not reach "bankrott".
   */
  compoundsStartingWith(term: string, limit: number): string[] {
    const sorted = this.sortedTerms();
    const found: string[] = [];
    for (let i = lowerBound(sorted, term); i < sorted.length && found.length < limit; i++) {
      const candidate = sorted[i] as string;
      if (!candidate.startsWith(term)) break;
      // The stemmer may have cut the word's own ending ("Export" → "expor"): the rest may
      // start with up to STEM_CUT letters of it ("expor" + "t" + "kontroll").
      for (let cut = 0; cut <= STEM_CUT; cut++) {
        const rest = candidate.slice(term.length + cut);
        if (LINKS.some((link) => rest.startsWith(link) && rest.length - link.length >= MIN_HEAD && this.documentFrequency(rest.slice(link.length)) > 0)) {
          found.push(candidate);
          break;
        }
      }
    }
    return found;
  }

  /** Prepares the compound lookups now rather than on the first question. */
  freeze(): void {
    this.reversedTerms();
    this.sortedTerms();
  }

  private reversedTerms(): string[] {
    return (this.reversed ??= [...this.entries.keys()].map(reverse).sort());
  }

  private sortedTerms(): string[] {
    return (this.sorted ??= [...this.entries.keys()].sort());
  }
}

/** Linking elements between the parts of a German compound ("Arbeit-s-markt", "Bank-en-sektor"). */
export const LINKS: readonly string[] = ['', 's', 'es', 'n', 'en', 'e'];
/** The rest of a compound is a word of at least this many letters. */
const MIN_HEAD = 4;
/** Letters of a first part that its stem may lack ("expor" for "Export"). */
const STEM_CUT = 2;

/** First index whose entry is not less than `key`, in a sorted array. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text.charAt(i);
  return out;
}
