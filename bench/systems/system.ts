import type { Corpus } from '../../src/corpus/types.js';

/** One paragraph as every peer indexes it: the same text, heading and title our loader produced. */
export interface BenchDoc {
  /** Position in `paragraphDocs(corpus)`: what every adapter returns from `search`. */
  readonly id: number;
  readonly file: string;
  /** 1-based paragraph number within the article. */
  readonly paragraph: number;
  readonly title: string;
  readonly heading: string | undefined;
  readonly text: string;
}

/** A search library under test, wrapped so that the harness can treat all of them alike. */
export interface BenchSystem {
  /** Indexes every paragraph of `corpus`; `docs` is `paragraphDocs(corpus)`, shared by all systems. */
  build(corpus: Corpus, docs: readonly BenchDoc[]): Promise<void> | void;
  /** The ids of the best paragraphs for `question`, best first, at most `limit`. */
  search(question: string, limit: number): Promise<readonly number[]> | readonly number[];
  /**
   * Whether the system answers `question` with confidence; a system that cannot say (every
   * peer) answers whenever it returns a paragraph. Quelle may show passages as not sure.
   */
  confident?(question: string): boolean;
}

export type SystemId =
  | 'quelle'
  | 'minisearch'
  | 'minisearch-fuzzy'
  | 'lunr-de'
  | 'flexsearch-de'
  | 'orama-de-defaults'
  | 'orama-de';

/** Human names for the table, in the order the table lists them. */
export const SYSTEM_LABELS: Readonly<Record<SystemId, string>> = {
  quelle: "Quelle's engine",
  minisearch: 'MiniSearch defaults',
  'minisearch-fuzzy': 'MiniSearch fuzzy 0.2 + prefix',
  'lunr-de': 'lunr + lunr-languages de',
  'flexsearch-de': 'FlexSearch 0.8 de',
  'orama-de-defaults': 'Orama de, search defaults',
  'orama-de': 'Orama de, configured fairly',
};

/** Every paragraph of the corpus in loader order; the id is the position. */
export function paragraphDocs(corpus: Corpus): BenchDoc[] {
  const docs: BenchDoc[] = [];
  for (const article of corpus.articles) {
    for (const paragraph of article.paragraphs) {
      docs.push({
        id: docs.length,
        file: article.file,
        paragraph: paragraph.number,
        title: article.title,
        heading: paragraph.heading,
        text: paragraph.text,
      });
    }
  }
  return docs;
}
