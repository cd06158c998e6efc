import type { Article } from '../../corpus/types.js';
import type { Analyzer } from '../analysis/analyzer.js';
import type { AnswerKind } from '../analysis/answer-kind.js';
import { highlight } from '../analysis/highlight.js';
import type { IndexedDoc } from '../index/documents.js';
import type { ArticleFocus } from '../plan/meta.js';
import type { Ranked } from '../rank/rank.js';
import type { Passage } from '../types.js';
import { bylineText } from './byline.js';

/** Which part of the answer to show. */
export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** A ranked passage as the reader sees it: its source, text, score and highlights. */
export function toPassage(doc: IndexedDoc, { score, terms }: Ranked, analyzer: Analyzer, kind: AnswerKind | undefined): Passage {
  const { article, paragraph, text, part } = doc;
  const marked = highlight(analyzer, text, terms, kind);
  return {
    file: article.file,
    title: article.title,
    heading: paragraph.heading,
    paragraph: paragraph.number,
    ...(part === undefined ? {} : { part }),
    text,
    score: Math.round(score * 1000) / 1000,
    matched: marked.matched,
    highlights: marked.highlights,
    bestSentence: marked.bestSentence,
  };
}

/** An article's byline (title, author, date) as a passage. */
function bylinePassage(article: Article, score: number): Passage {
  const text = bylineText(article);
  return { file: article.file, title: article.title, heading: undefined, paragraph: 0, kind: 'byline', text, score, matched: [], highlights: [], bestSentence: { start: 0, end: text.length } };
}

/**
 * One page of the answer. The byline comes first: of the authors asked for, or of the article
 * the best passage is from when the question is about an article; and after the passages for a
 * question about the authors themselves.
 */
export function presentPage(ranked: readonly Ranked[], focus: ArticleFocus, page: Page, docs: readonly IndexedDoc[], analyzer: Analyzer, kind: AnswerKind | undefined): { passages: Passage[]; total: number } {
  const { byAuthor, named, aboutArticle } = focus;
  const first = ranked[0];
  const bylineArticles = byAuthor.length > 0 ? byAuthor : aboutArticle && first !== undefined ? [(docs[first.id] as IndexedDoc).article] : [];
  const top = first?.score ?? 1;
  const all: (Ranked | Article)[] = byAuthor.length === 0 && named.length > 0 ? [...ranked, ...named] : [...bylineArticles, ...ranked];
  const passages = all.slice(page.offset, page.offset + page.limit).map((entry) => ('id' in entry ? toPassage(docs[entry.id] as IndexedDoc, entry, analyzer, kind) : bylinePassage(entry, Math.round(top * 1000) / 1000)));
  return { passages, total: all.length };
}
