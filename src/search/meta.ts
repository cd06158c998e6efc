/**
 * Questions about the articles themselves: who wrote one, what it is called, when it
 * appeared ("Wer hat den Artikel über Musk geschrieben?", "Who wrote about DeepSeek?",
 * "Artikel von Pepe Escobar"). They are answered with the article's byline passage (title,
 * author, date) beside the passages on the topic.
 */
import type { Analyzer } from './analysis/analyzer.js';
import { normalizeWord } from './analysis/normalize.js';
import { wordsOf } from './analysis/tokenize.js';
import type { Article } from '../corpus/types.js';

/** Words that ask about an article rather than its topic; typed forms, compared folded. */
const META_WORDS = new Set(
  `artikel artikels text texts beitrag beitrags bericht berichts autor autorin autoren verfasser verfasserin
   geschrieben schrieb schreibt verfasst titel überschrift headline heading erschienen erschien
   article articles author authors wrote written writes title headlines piece story`
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeWord),
);

/** Whether the question asks about an article (author, title, date) rather than its content. */
export function asksAboutArticle(question: string): boolean {
  return wordsOf(question).some((word) => META_WORDS.has(normalizeWord(word)));
}

/** Whether a single typed word is one of the meta words. */
export function isMetaWord(word: string): boolean {
  return META_WORDS.has(normalizeWord(word));
}

/** The passage text that stands for an article's metadata: "Title — Author · Date". */
export function bylineText(article: Article): string {
  return [article.title, [article.byline, article.date].filter(Boolean).join(' · ')].filter((part) => part !== '').join(' — ');
}

/** Index terms of author names → the articles they wrote; names are not in any paragraph. */
export function authorIndex(analyzer: Analyzer, articles: readonly Article[]): Map<string, Article[]> {
  const byTerm = new Map<string, Article[]>();
  for (const article of articles) {
    if (article.byline === undefined) continue;
    for (const word of wordsOf(article.byline)) {
      const term = analyzer.term(word);
      if (term === null || term.length < 3) continue;
      const list = byTerm.get(term) ?? [];
      if (!list.includes(article)) list.push(article);
      byTerm.set(term, list);
    }
  }
  return byTerm;
}
