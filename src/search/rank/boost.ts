import type { Article } from '../../corpus/types.js';
import type { Ranked } from './rank.js';

/**
 * The ranking with the passages of `articles` weighed `1 + weight` times: a question that
 * names a page ("Wie starte ich den Rechner mit systemctl neu?") is about that page, though
 * many others mention the command too.
 */
export function boostArticles(ranked: readonly Ranked[], articles: ReadonlySet<Article>, articleOf: (id: number) => Article, weight: number): Ranked[] {
  if (articles.size === 0 || weight === 0) return [...ranked];
  return ranked
    .map((entry) => (articles.has(articleOf(entry.id)) ? { ...entry, score: entry.score * (1 + weight) } : entry))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
