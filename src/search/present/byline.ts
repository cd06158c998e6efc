import type { Article } from '../../corpus/types.js';

/** The passage text that stands for an article's metadata: "Title — Author · Date". */
export function bylineText(article: Article): string {
  return [article.title, [article.byline, article.date].filter(Boolean).join(' · ')].filter((part) => part !== '').join(' — ');
}
