/**
 * `/corpus`: moderators add, remove and list articles. Each step answers with a plain Reply;
 * a refused change (CurationError) becomes a private notice saying why, and nothing was written.
 */
import { CurationError } from '../curation/errors.js';
import type { AddRequest, Curator, Moderator } from '../curation/curator.js';
import { corpusMessages, formatBytes } from './corpus-messages.js';
import type { Locale } from './i18n.js';
import { notice, plain, type Reply, type Section } from './reply.js';

/** Limits a refusal may quote. */
export interface CurationLimits {
  readonly maxBytes: number;
  readonly timeoutSeconds: number;
}

/** Characters of the first paragraph shown after an upload. */
const PREVIEW_CHARS = 300;
/** Articles listed by `/corpus list`; the rest are counted. */
const LISTED_ARTICLES = 20;

export async function addArticle(curator: Curator, request: AddRequest, locale: Locale, limits: CurationLimits): Promise<Reply> {
  const t = corpusMessages(locale);
  try {
    const result = await curator.add(request);
    const stats = curator.indexStats();
    const article = result.article;
    if (article === undefined) return notice('warning', result.replaced ? t.replaced : t.added, t.notIndexed(result.problem ?? ''));
    const first = article.paragraphs[0]?.text ?? '';
    const sections: Section[] = [{ title: t.title, body: plain(article.title) }];
    if (article.byline !== undefined) sections.push({ title: t.byline, body: plain(article.byline) });
    sections.push({ title: t.firstPassage, body: plain(first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS).trimEnd()} …` : first), quote: true });
    return {
      private: true,
      tone: 'info',
      title: result.replaced ? t.replaced : t.added,
      text: plain(t.articleLine(result.file, article.paragraphs.length, stats.articles, stats.paragraphs)),
      sections,
      buttons: [],
    };
  } catch (err) {
    return refusal(err, locale, limits, request.name);
  }
}

/** The confirmation asked before a removal: the article and a button. */
export function confirmRemoval(curator: Curator, file: string, locale: Locale, limits: CurationLimits): Reply {
  const t = corpusMessages(locale);
  const article = curator.uploads().find((a) => a.file === file);
  if (article === undefined) return refusal(new CurationError(curator.isKnown(file) ? 'not-uploaded' : 'not-found', file, file), locale, limits, file);
  return {
    private: true,
    tone: 'warning',
    title: t.confirmTitle(file),
    text: plain(t.confirmText(article.title, article.paragraphs.length)),
    sections: [],
    buttons: [{ label: t.confirmButton, action: { kind: 'remove', file }, primary: true }],
  };
}

export async function removeArticle(curator: Curator, file: string, by: Moderator, locale: Locale, limits: CurationLimits): Promise<Reply> {
  const t = corpusMessages(locale);
  try {
    const result = await curator.remove(file, by);
    if (result.problem !== undefined) return notice('warning', t.removed(file), t.removeFailed(result.problem));
    const stats = curator.indexStats();
    return notice('info', t.removed(file), t.removedText(stats.articles, stats.paragraphs));
  } catch (err) {
    return refusal(err, locale, limits, file);
  }
}

export async function listArticles(curator: Curator, locale: Locale): Promise<Reply> {
  const t = corpusMessages(locale);
  const listed = await curator.list();
  const stats = curator.indexStats();
  // Uploads first (what moderators manage), newest first; then the operator's files.
  const sorted = [...listed].sort(
    (a, b) => Number(b.upload !== undefined) - Number(a.upload !== undefined) || (b.upload?.record?.uploadedAt ?? '').localeCompare(a.upload?.record?.uploadedAt ?? '') || a.file.localeCompare(b.file),
  );
  const sections: Section[] = sorted.slice(0, LISTED_ARTICLES).map((a) => {
    const record = a.upload?.record;
    const source = a.upload === undefined ? t.operator : record === undefined ? t.uploadedUnknown : t.uploadedBy(record.uploaderName, record.uploadedAt.slice(0, 10));
    return { title: a.title, source: a.file, body: plain(t.listEntry(a.paragraphs, formatBytes(a.bytes, locale), source)) };
  });
  return {
    private: true,
    tone: 'info',
    title: t.listTitle(stats.articles, stats.paragraphs),
    sections,
    ...(sorted.length > LISTED_ARTICLES ? { footer: t.more(sorted.length - LISTED_ARTICLES) } : {}),
    buttons: [],
  };
}

function refusal(err: unknown, locale: Locale, limits: CurationLimits, file: string): Reply {
  if (!(err instanceof CurationError)) throw err;
  const t = corpusMessages(locale);
  return notice('error', t.refusedTitle, t.problem(err.problem, { file: err.file ?? file, maxBytes: limits.maxBytes, timeoutSeconds: limits.timeoutSeconds }));
}
