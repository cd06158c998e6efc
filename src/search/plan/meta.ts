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

/** An author of the corpus, as their byline names them. */
export interface Author {
  /** Index terms of the name's words ("pavel", "lokshin"). */
  readonly terms: readonly string[];
  /** …of which the last is the surname. */
  readonly surname: string;
  readonly articles: Article[];
}

/** The authors of a corpus, and by each term of their names. */
export interface Authors {
  readonly all: readonly Author[];
  readonly byTerm: ReadonlyMap<string, readonly Author[]>;
}

/** Lowercase words inside names ("Christina zur Nedden", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'zur', 'zum', 'zu', 'vom', 'di', 'da', 'del', 'le', 'la', 'ten', 'ter']);
/** A word of a name: a capital, then a lowercase letter ("Lokshin", not the publisher "WELT"). */
const NAME_WORD = /^\p{Lu}\p{Ll}/u;
/** Where one name in a byline ends: "Pavel Lokshin, Christina zur Nedden", "A und B", "14. November 2025 | Pepe Escobar". */
const NAME_SEPARATOR = /\s*(?:[,;|&/·]|\s(?:und|and)\s)\s*/u;
const BY = /^(?:von|by)\s+/iu;

/**
 * The names in a byline, each as its words: only runs of capitalized words (and name
 * particles), so that a date, a publisher in capitals ("WELT") or a job ("Korrespondent in
 * Moskau") is no name a question could meet by chance.
 */
export function namesInByline(byline: string): string[][] {
  const names: string[][] = [];
  for (const part of byline.split(NAME_SEPARATOR)) {
    const words = wordsOf(part.trim().replace(BY, ''));
    if (words.length === 0 || words.length > 4) continue;
    if (!words.every((w) => NAME_WORD.test(w) || NAME_PARTICLES.has(w))) continue;
    if (!NAME_WORD.test(words[words.length - 1] as string)) continue;
    names.push(words);
  }
  return names;
}

/** The authors of the articles; names are in no paragraph, only in bylines. */
export function authorIndex(analyzer: Analyzer, articles: readonly Article[]): Authors {
  const byName = new Map<string, Author>();
  for (const article of articles) {
    if (article.byline === undefined) continue;
    for (const name of namesInByline(article.byline)) {
      const terms = name.filter((w) => !NAME_PARTICLES.has(w)).flatMap((w) => {
        const term = analyzer.term(w);
        return term === null || term.length < 3 ? [] : [term];
      });
      const surname = terms[terms.length - 1];
      if (surname === undefined) continue;
      const key = terms.join(' ');
      const author = byName.get(key) ?? { terms, surname, articles: [] };
      if (!author.articles.includes(article)) author.articles.push(article);
      byName.set(key, author);
    }
  }
  const all = [...byName.values()];
  const byTerm = new Map<string, Author[]>();
  for (const author of all) for (const term of author.terms) byTerm.set(term, [...(byTerm.get(term) ?? []), author]);
  return { all, byTerm };
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

const CAPITALIZED = /^\p{Lu}/u;

/**
 * Author names are metadata (the byline), and in the notes on the authors at most. A question
 * names an author with their whole name, or with the surname where it asks about writing or an
 * article, writes it as a name, or asks nothing else ("Worüber schreibt Escobar?", "Lokshin");
 * sharing a word with a byline is not naming ("Wie lang ist der Jangtse?" beside an author
 * Anna Lang). An author's name with nothing else to look for ("Pavel Lokshin", "Artikel von
 * Escobar") asks for their articles; a question about the author ("Was macht Pavel Lokshin
 * beruflich?") is answered from the text, where a note on the authors may stand.
 */
export function focusOnArticles(question: string, concepts: readonly Concept[], authors: Authors): ArticleFocus {
  const aboutArticle = asksAboutArticle(question);
  const topical = concepts.filter((c) => !(aboutArticle && isMetaWord(c.surface)));
  const asked = new Set(concepts.map((c) => c.term));
  const asName = new Set(concepts.filter((c) => CAPITALIZED.test(c.surface)).map((c) => c.term));
  const nothingElse = topical.every((c) => c.frame || isMetaWord(c.surface) || authors.byTerm.has(c.term));
  const writing = aboutArticle || mentionsAuthorship(question);
  const namedAuthors = authors.all.filter((a) => a.terms.every((t) => asked.has(t)) || (asked.has(a.surname) && (writing || nothingElse || asName.has(a.surname))));
  const named = [...new Set(namedAuthors.flatMap((a) => a.articles))];
  const nameTerms = new Set(namedAuthors.flatMap((a) => a.terms));
  const rest = topical.filter((c) => !nameTerms.has(c.term));
  const byAuthor = named.length > 0 && (writing || rest.every((c) => c.frame || isMetaWord(c.surface))) ? named : [];
  return { concepts: byAuthor.length > 0 ? rest : topical, named, byAuthor, aboutArticle };
}
