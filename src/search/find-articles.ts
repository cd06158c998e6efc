import type { Article } from '../corpus/types.js';
import { foldText } from './analysis/normalize.js';
import type { ArticleMatch } from './types.js';

const DEFAULT_ARTICLE_MATCHES = 25;

/**
 * Articles whose file name or title match what a user typed, best first. Diacritics and
 * keyboard spellings are folded ("Abhaengigkeit" finds "Abhängigkeit"); each typed word
 * may be the start of a word in the title or file name. An empty text lists all articles.
 */
export function findArticles(articles: readonly Article[], text: string, limit = DEFAULT_ARTICLE_MATCHES): ArticleMatch[] {
  const max = Math.max(0, Math.floor(limit));
  const query = foldText(text);
  if (query === '') return articles.slice(0, max).map((article) => ({ article, score: 0 }));
  const queryWords = query.split(' ');
  const matches: ArticleMatch[] = [];
  for (const article of articles) {
    const file = foldText(article.file);
    const title = foldText(article.title);
    let score = 0;
    if (article.file === text.trim() || article.title === text.trim()) score = 100;
    else if (file === query || title === query) score = 90;
    else if (file.startsWith(query) || title.startsWith(query)) score = 60;
    else {
      const words = `${file} ${title}`.split(' ');
      const found = queryWords.filter((q) => words.some((w) => w.startsWith(q)) || (q.length >= 4 && words.some((w) => w.includes(q))));
      score = (40 * found.length) / queryWords.length;
    }
    if (score > 0) matches.push({ article, score });
  }
  return matches.sort((a, b) => b.score - a.score || (a.article.file < b.article.file ? -1 : 1)).slice(0, max);
}
