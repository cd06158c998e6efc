import type { Article } from '../corpus/types.js';
import type { Engine } from '../search/types.js';
import { messages, type Locale } from './i18n.js';
import { notice, plain, type Reply, type Section } from './reply.js';

/** Articles named in "did you mean" and offered by autocomplete at most. */
const SUGGESTIONS = 5;

export interface SourceRequest {
  /** A file name, a title, or an autocomplete choice's label: whatever the user sent. */
  readonly article: string;
  /** Cite this paragraph only (1-based). */
  readonly paragraph?: number;
}

/** A ready citation of an article, or of one of its paragraphs. */
export function source(engine: Engine, request: SourceRequest, locale: Locale): Reply {
  const t = messages(locale);
  const name = request.article.trim();
  const article = resolveArticle(engine, name);
  if (article === undefined) return unknownArticle(engine, name, locale);
  const count = article.paragraphs.length;
  if (request.paragraph !== undefined) {
    const paragraph = article.paragraphs[request.paragraph - 1];
    if (!Number.isInteger(request.paragraph) || paragraph === undefined) {
      return notice('warning', t.paragraphNotFoundTitle, t.paragraphOutOfRange(request.paragraph, article.title, count));
    }
    return citation(article, [{ title: t.paragraphTitle(paragraph.number), source: t.paragraphOf(article.file, paragraph.number), body: plain(paragraph.text), quote: true }], paragraph.number, locale);
  }
  const first = article.paragraphs[0];
  const sections: Section[] = first === undefined ? [] : [{ title: t.firstParagraph, source: t.paragraphOf(article.file, 1), body: plain(first.text), quote: true }];
  return citation(article, sections, undefined, locale);
}

/**
 * The article a user named. Only indexed articles can be named: the name is looked up, never
 * read as a path. Accepted: the exact file, an autocomplete label ("file · title"), or a
 * title or file that one article matches better than any other.
 */
export function resolveArticle(engine: Engine, name: string): Article | undefined {
  const exact = engine.article(name) ?? engine.article(name.split(CHOICE_SEPARATOR)[0] ?? '');
  if (exact !== undefined) return exact;
  const [best, second] = engine.findArticles(name, 2);
  if (best === undefined || best.score < 40) return undefined;
  return second === undefined || second.score < best.score ? best.article : undefined;
}

/** Separates file and title in an autocomplete label; the file comes first so truncation keeps it. */
const CHOICE_SEPARATOR = ' · ';

export interface ArticleChoice {
  readonly label: string;
  readonly file: string;
}

/** Autocomplete: articles whose file or title match the typed text, diacritics ignored. */
export function articleChoices(engine: Engine, typed: string, limit: number): ArticleChoice[] {
  return engine.findArticles(typed, limit).map(({ article }) => ({ label: `${article.file}${CHOICE_SEPARATOR}${article.title}`, file: article.file }));
}

function citation(article: Article, sections: Section[], paragraph: number | undefined, locale: Locale): Reply {
  const t = messages(locale);
  const by = [article.byline, article.byline?.includes(article.date ?? '\0') ? undefined : article.date].filter((s) => s !== undefined).join(', ');
  return {
    private: false,
    tone: 'answer',
    title: article.title,
    ...(by === '' ? {} : { text: plain(by) }),
    sections: [...sections, { title: t.citeAs, body: plain(t.citation(article.title, by || undefined, paragraph, article.file)), verbatim: true }],
    footer: `${article.file} · ${t.sourceFooter(article.paragraphs.length)}`,
    buttons: [],
  };
}

function unknownArticle(engine: Engine, name: string, locale: Locale): Reply {
  const t = messages(locale);
  const close = engine.findArticles(name, SUGGESTIONS).filter((m) => m.score > 0);
  // Nothing close: list some articles, so that the user sees what can be named.
  const offered = close.length > 0 ? close.map((m) => m.article) : engine.articles().slice(0, SUGGESTIONS);
  const reply = notice('warning', t.unknownArticleTitle, t.unknownArticleText(name));
  if (offered.length === 0) return reply;
  return { ...reply, sections: [{ title: t.didYouMean, body: plain(offered.map((a) => `${a.file} · ${a.title}`).join('\n')) }] };
}
