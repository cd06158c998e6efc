/** One paragraph of an article: the unit that is indexed and cited. */
export interface Paragraph {
  /** 1-based position among the article's paragraphs; what users cite as "paragraph N". */
  readonly number: number;
  /** The section heading the paragraph sits under, if any. */
  readonly heading: string | undefined;
  /** The paragraph's text, cleaned (no HTML tags, NFC, single spaces). */
  readonly text: string;
}

/** An article of the corpus, as the loader produced it. */
export interface Article {
  /** Path relative to the corpus dir, with `/` separators: the source id. */
  readonly file: string;
  /** The title line, or one derived from the first paragraph when the file has none. */
  readonly title: string;
  /** Whether `title` was derived rather than read from a title line. */
  readonly titleDerived: boolean;
  /** Author line ("14. November 2025 | Pepe Escobar", "Pavel Lokshin ist …"), where recognised. */
  readonly byline: string | undefined;
  /** A date found in the byline, as written ("14. November 2025"). */
  readonly date: string | undefined;
  readonly paragraphs: readonly Paragraph[];
}

/** A file the loader did not index, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Corpus {
  /** Absolute path of the corpus dir. */
  readonly dir: string;
  readonly articles: readonly Article[];
  readonly skipped: readonly SkippedFile[];
}

/**
 * The logging the engine needs. A pino logger satisfies it; tests pass a sink.
 * Kept here so that the engine does not depend on pino.
 */
export interface EngineLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
