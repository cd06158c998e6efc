import type { Article } from '../../corpus/types.js';
import { MAN_TITLE } from '../index/title-parts.js';


/** The names a page is asked about by ("wie mount ich…", "ssh x11 forwarding"): the command names of a man-page title; none for other titles. */
export function pageNames(title: string): string[] {
  const match = MAN_TITLE.exec(title);
  if (match === null) return [];
  const names = [match[1] as string, ...(match[3]?.split(/,\s*/u) ?? [])];
  return [...new Set(names.map((name) => name.trim().toLowerCase()).filter((name) => /^[\p{L}\p{N}][\p{L}\p{N}._+-]+$/u.test(name)))];
}

/** Articles by the names they are asked about. */
export type PageNames = ReadonlyMap<string, readonly Article[]>;

export function pageNameIndex(articles: readonly Article[]): PageNames {
  const index = new Map<string, Article[]>();
  for (const article of articles) {
    for (const name of pageNames(article.title)) {
      const list = index.get(name);
      if (list === undefined) index.set(name, [article]);
      else list.push(article);
    }
  }
  return index;
}

/**
 * The pages a question names: a word of it, as typed (lowercase, with dots and hyphens:
 * "apt-get", "systemd.exec"), that is a page's name. A word the caller knows as a word of the
 * question's language ("du", "less" in an English question) names nothing: it is meant as a word.
 */
export function namedPages(question: string, names: PageNames, isLanguageWord: (word: string) => boolean): Set<Article> {
  const named = new Set<Article>();
  if (names.size === 0) return named;
  for (const raw of question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}._+-]*/gu) ?? []) {
    const word = raw.replace(/[._+-]+$/u, '');
    if (isLanguageWord(word)) continue;
    for (const article of names.get(word) ?? []) named.add(article);
  }
  return named;
}
