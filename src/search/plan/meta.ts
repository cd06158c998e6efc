/**
 * Questions about the articles themselves: who wrote one, what it is called, when it
 * appeared ("Wer hat den Artikel über Musk geschrieben?", "Who wrote about DeepSeek?",
 * "Artikel von Pepe Escobar"). They are answered with the article's byline passage (title,
 * author, date) beside the passages on the topic.
 */
import type { Analyzer } from '../analysis/analyzer.js';
import { normalizeWord } from '../analysis/normalize.js';
import { wordsOf } from '../analysis/tokenize.js';
import type { Article } from '../../corpus/types.js';
import { ARTICLE_NOUNS, AUTHOR_NOUNS, folded } from './article-words.js';
import type { Concept } from './plan.js';

/** Words about who wrote it and when ("geschrieben", "written"). */
const AUTHORSHIP = new Set([...AUTHOR_NOUNS, ...folded('verfasser verfasserin geschrieben schrieb schreibt schreiben verfasst erschienen erschien datum wrote written writes date')]);
/** Words about its title. */
const TITLES = folded('titel überschrift headline headlines title heading');
/** What asks for a person, a date or a name. */
const WHO_WHEN = folded('wer wen wem wessen who whom whose wann when heißt heisst heißen called named');
/** Question words that ask about the content: "Was steht im Artikel über …?" is not about the article. */
const CONTENT_QUESTION = folded('was wie warum wieso weshalb wo wohin woher worüber wofür womit laut what how why where according');
const WHICH = /^(?:welch(?:e|er|es|en|em)|which)$/;

/** Words that ask about an article rather than its topic, removed from the topic search. */
const META_WORDS = new Set([...ARTICLE_NOUNS, ...AUTHORSHIP, ...TITLES]);

/**
 * Whether the question asks about an article (author, title, date) rather than its content:
 * a title word; "wer/wann/who/when" with an article or authorship word ("Wer hat den Artikel
 * über Musk geschrieben?"); "welcher Artikel"/"which article"; or an article asked for without
 * a question about its content ("Gibt es einen Artikel über …?"). Merely mentioning the author
 * ("Als was bezeichnet der Autor …?") asks about the content.
 */
export function asksAboutArticle(question: string): boolean {
  // Hyphen parts too: "der Escobar-Artikel".
  const words = wordsOf(question).flatMap((w) => w.split(/[-‐‑]/)).filter(Boolean).map(normalizeWord);
  if (words.some((w) => TITLES.has(w))) return true;
  if (words.some((w) => WHO_WHEN.has(w)) && words.some((w) => ARTICLE_NOUNS.has(w) || AUTHORSHIP.has(w))) return true;
  if (words.some((w, i) => WHICH.test(w) && ARTICLE_NOUNS.has(words[i + 1] ?? ''))) return true;
  // "Gibt es einen Artikel über DeepSeek?", "Is there an article about …", "artikel musk":
  // an article asked for with no question about its content ("Welches Signal … laut Artikel?").
  return words.some((w) => ARTICLE_NOUNS.has(w)) && !words.some((w) => CONTENT_QUESTION.has(w) || WHICH.test(w));
}

/** Whether the question says something about writing ("Worüber schreibt Pepe Escobar?"). */
function mentionsAuthorship(question: string): boolean {
  return wordsOf(question).some((w) => AUTHORSHIP.has(normalizeWord(w)));
}

/** Whether a single typed word is one of the meta words. */
export function isMetaWord(word: string): boolean {
  return META_WORDS.has(normalizeWord(word));
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

/** A question's concepts, seen as a question about articles and their authors. */
export interface ArticleFocus {
  /** The concepts to search the passages for. */
  readonly concepts: Concept[];
  /** Articles by an author the question names. */
  readonly named: readonly Article[];
  /** …the same, when the question asks for the author's articles rather than about the author. */
  readonly byAuthor: readonly Article[];
  /** The question asks about an article itself: its author, title or date (see asksAboutArticle). */
  readonly aboutArticle: boolean;
}

/**
 * Author names are metadata (the byline), and in the notes on the authors at most. An author's
 * name with nothing else to look for ("Pavel Lokshin", "Artikel von Escobar", "Worüber schreibt
 * Escobar?") asks for their articles; a question about the author ("Was macht Pavel Lokshin
 * beruflich?") is answered from the text, where a note on the authors may stand.
 */
export function focusOnArticles(question: string, concepts: readonly Concept[], authors: ReadonlyMap<string, readonly Article[]>): ArticleFocus {
  const aboutArticle = asksAboutArticle(question);
  const named = [...new Set(concepts.flatMap((c) => authors.get(c.term) ?? []))];
  const topical = concepts.filter((c) => !(aboutArticle && isMetaWord(c.surface)));
  const rest = topical.filter((c) => !authors.has(c.term));
  const byAuthor = named.length > 0 && (aboutArticle || mentionsAuthorship(question) || rest.every((c) => c.frame || isMetaWord(c.surface))) ? named : [];
  return { concepts: byAuthor.length > 0 ? rest : topical, named, byAuthor, aboutArticle };
}
