import { excerpt } from '../search/present/excerpt.js';
import type { Answer, Confidence, Engine, Passage } from '../search/types.js';
import { messages, type Locale } from './i18n.js';
import { notice, plain, type Button, type Reply, type Section } from './reply.js';
import type { SemanticSearch } from './semantic.js';

/** Longest question accepted; the slash command's `max_length` says the same to Discord. */
export const MAX_QUESTION_LENGTH = 300;
/** Characters of a passage shown around its best sentence. */
export const EXCERPT_CHARS = 360;
/** Articles offered when nothing answers. */
const CLOSEST_ARTICLES = 3;

export interface AskRequest {
  readonly question: string;
  /** Passages per page. */
  readonly limit: number;
  /** How many of the best passages to skip (paging). Default 0. */
  readonly offset?: number;
  /** Answer only the asker (Discord: ephemeral), with a button to post it in the channel. */
  readonly private?: boolean;
  /** With the feedback store on: the answer's id, carried by its 👍/👎 buttons on every page. */
  readonly answerId?: string;
  /** What was asked before in the conversation (a thread): a follow-up borrows from it (see SearchOptions.context). */
  readonly context?: string;
}

/** What the feedback store keeps of an answer. */
export interface AskOutcome {
  /** The question as searched. */
  readonly question: string;
  readonly abstained: boolean;
  /** How sure the answer was (see Confidence): `uncertain` answers show passages under a warning. */
  readonly confidence: Confidence;
  /** The first passage shown. */
  readonly top: { readonly file: string; readonly paragraph: number; readonly score: number } | null;
}

/** An answered question: the reply, and what the feedback store keeps of it (undefined when nothing was searched). */
export interface AskResult {
  readonly reply: Reply;
  readonly outcome: AskOutcome | undefined;
}

/**
 * Answers a question with the best passages, their sources and buttons to page and cite.
 * With semantic search (EMBEDDINGS_URL) the answer comes asynchronously; without it, as
 * always, at once.
 */
export function ask(engine: Engine, request: AskRequest, locale: Locale): Reply;
export function ask(engine: Engine, request: AskRequest, locale: Locale, semantic: SemanticSearch | undefined): Reply | Promise<Reply>;
export function ask(engine: Engine, request: AskRequest, locale: Locale, semantic?: SemanticSearch): Reply | Promise<Reply> {
  const result = askWithOutcome(engine, request, locale, semantic);
  return result instanceof Promise ? result.then((r) => r.reply) : result.reply;
}

/** The reply, and what the feedback store keeps of it (undefined when nothing was searched). */
export function askWithOutcome(engine: Engine, request: AskRequest, locale: Locale): AskResult;
export function askWithOutcome(engine: Engine, request: AskRequest, locale: Locale, semantic: SemanticSearch | undefined): AskResult | Promise<AskResult>;
export function askWithOutcome(engine: Engine, request: AskRequest, locale: Locale, semantic?: SemanticSearch): AskResult | Promise<AskResult> {
  const t = messages(locale);
  const question = cleanQuestion(request.question);
  if (question.length > MAX_QUESTION_LENGTH) return { reply: notice('warning', t.questionTooLong(MAX_QUESTION_LENGTH)), outcome: undefined };
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const searched = searchedText(request.question);
  const options = { limit: request.limit, offset, ...(request.context === undefined ? {} : { context: searchedText(request.context) }) };
  if (semantic === undefined) return replyTo(engine, request, locale, question, offset, engine.search(searched, options));
  // Every page of a question gets the same fused ranking: the question's vector is kept (QueryEmbedder).
  return semantic.search(engine, searched, options).then((answer) => replyTo(engine, request, locale, question, offset, answer));
}

function replyTo(engine: Engine, request: AskRequest, locale: Locale, question: string, offset: number, answer: Answer): AskResult {
  const t = messages(locale);
  const isPrivate = request.private ?? false;
  const first = answer.passages[0];
  const outcome: AskOutcome = { question, abstained: answer.abstained !== undefined, confidence: answer.confidence, top: first === undefined ? null : { file: first.file, paragraph: first.paragraph, score: first.score } };

  if (answer.abstained === 'no-terms') return { reply: notice('info', t.noTermsTitle, t.noTermsText), outcome };
  if (answer.abstained === 'no-match') return { reply: nothingFound(engine, question, locale), outcome };
  if (answer.passages.length === 0) return { reply: notice('info', t.noMorePages), outcome };
  const answerId = request.answerId === undefined ? {} : { answerId: request.answerId };

  const sections = answer.passages.map((passage, i) => passageSection(passage, offset + i + 1, locale));
  const last = offset + answer.passages.length;
  const buttons: Button[] = answer.passages.map((p, i) => ({ label: t.cite(offset + i + 1), action: { kind: 'cite', file: p.file, paragraph: p.paragraph } }));
  if (last < answer.total) buttons.push({ label: t.moreResults, primary: true, action: { kind: 'page', question, offset: last, private: isPrivate, ...answerId, ...(request.context === undefined ? {} : { context: request.context }) } });
  if (isPrivate) buttons.push({ label: t.publish, action: { kind: 'publish', question, offset, ...answerId } });
  if (request.answerId !== undefined) {
    // On a row of their own (see render.ts), after the paging and citing buttons.
    buttons.push({ label: '', emoji: '👍', action: { kind: 'vote', answerId: request.answerId, value: 1 } });
    buttons.push({ label: '', emoji: '👎', action: { kind: 'vote', answerId: request.answerId, value: -1 } });
  }
  // Not sure: the closest passages under a heading that says so, and what the corpus lacks.
  const uncertain = answer.confidence === 'uncertain';
  const reply: Reply = {
    private: isPrivate,
    tone: 'answer',
    title: uncertain ? t.uncertainTitle(question) : t.askTitle(question),
    ...(uncertain ? { text: plain(t.uncertainLead(answer.missing)) } : {}),
    sections,
    footer: t.askFooter(offset + 1, last, answer.total),
    buttons,
  };
  return { reply, outcome };
}

/** Terminal colour codes (ESC [ 31 m …): pasted from a terminal, never words. */
// eslint-disable-next-line no-control-regex -- the ESC that starts the sequence is what is matched
const ANSI_SEQUENCE = /\u001b\[[0-9;?]*[ -/]*[@-~]/gu;
/** Chat mentions (`<@123…>`, `<@&…>` roles, `<#…>` channels, @everyone, @here): whom a message addresses, not what it asks. */
const MENTION = /<(?:@[!&]?|#)\d{17,20}>|(?<![\p{L}\p{N}])@(?:everyone|here)(?![\p{L}\p{N}])/giu;

/** What is searched: the clean question without colour codes and mentions. */
export function searchedText(text: string): string {
  return cleanQuestion(text.replace(ANSI_SEQUENCE, ' ').replace(MENTION, ' '));
}

/**
 * The question as it is searched and echoed: control characters and bidirectional overrides
 * (which would garble the echo) become spaces, runs of white space one space.
 */
export function cleanQuestion(text: string): string {
  return text
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function passageSection(passage: Passage, rank: number, locale: Locale): Section {
  const cut = excerpt(passage, EXCERPT_CHARS);
  const t = messages(locale);
  const paragraph = t.paragraphOf(passage.file, passage.paragraph);
  const where = passage.kind === 'byline' ? t.bylineOf(passage.file) : passage.part === undefined ? paragraph : `${paragraph} (${t.partOf(passage.part.index, passage.part.count)})`;
  return {
    title: `${rank}. ${passage.title}`,
    source: passage.heading === undefined ? where : `${where} · ${passage.heading}`,
    body: { text: cut.text, bold: cut.highlights },
  };
}

/** An honest "not in the corpus", with the articles whose titles come closest. */
function nothingFound(engine: Engine, question: string, locale: Locale): Reply {
  const t = messages(locale);
  const closest = engine.findArticles(question, CLOSEST_ARTICLES).filter((m) => m.score > 0);
  const reply = notice('info', t.noMatchTitle, t.noMatchText(question));
  if (closest.length === 0) return reply;
  const list = closest.map((m) => `${m.article.title} (${m.article.file})`).join('\n');
  return { ...reply, sections: [{ title: t.closestArticles, body: plain(list) }] };
}
