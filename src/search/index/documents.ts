import type { Article, Corpus, Paragraph } from '../../corpus/types.js';
import { splitPassages } from './passages.js';

/** One passage: a paragraph, or a part of an over-long one (see passages.ts). Its id is its position. */
export interface IndexedDoc {
  readonly id: number;
  readonly article: Article;
  readonly paragraph: Paragraph;
  /** The passage's text: the paragraph's, or one part of it. */
  readonly text: string;
  /** Which part, for a paragraph split into several. */
  readonly part: { readonly index: number; readonly count: number } | undefined;
}

/** Paragraphs in a row of one article under one heading. */
export interface Section {
  readonly id: number;
  readonly article: Article;
  readonly heading: string | undefined;
  readonly paragraphs: number[];
}

/** Every passage of the corpus, in corpus order. */
export function passagesOf(corpus: Corpus): IndexedDoc[] {
  const docs: IndexedDoc[] = [];
  for (const article of corpus.articles) {
    for (const paragraph of article.paragraphs) {
      const parts = splitPassages(paragraph.text);
      parts.forEach((text, i) => docs.push({ id: docs.length, article, paragraph, text, part: parts.length > 1 ? { index: i + 1, count: parts.length } : undefined }));
    }
  }
  return docs;
}

/**
 * The sections of the passages. Headings and titles repeat for every paragraph under them, so
 * they are indexed once per section rather than per paragraph (which cost a third of the build).
 */
export function sectionsOf(docs: readonly IndexedDoc[]): Section[] {
  const sections: Section[] = [];
  for (const doc of docs) {
    const last = sections[sections.length - 1];
    if (last !== undefined && last.article === doc.article && last.heading === doc.paragraph.heading) last.paragraphs.push(doc.id);
    else sections.push({ id: sections.length, article: doc.article, heading: doc.paragraph.heading, paragraphs: [doc.id] });
  }
  return sections;
}
