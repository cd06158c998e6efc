import type { Engine } from '../search/types.js';
import { ask } from './ask.js';
import type { Locale } from './i18n.js';
import type { Action, Reply } from './reply.js';
import type { SemanticSearch } from './semantic.js';

/** The actions any reader may press: they read the index and change nothing. */
export type ReadAction = Extract<Action, { kind: 'page' | 'publish' | 'cite' }>;

export function isReadAction(action: Action): action is ReadAction {
  return action.kind === 'page' || action.kind === 'publish' || action.kind === 'cite';
}
import { source } from './source.js';

/**
 * What pressing a button answers: the next page, a citation, or the answer made public. With
 * semantic search, a page comes asynchronously (the question's vector is kept, so every page
 * is cut from the same fused ranking).
 */
export function runAction(engine: Engine, action: ReadAction, limit: number, locale: Locale): Reply;
export function runAction(engine: Engine, action: ReadAction, limit: number, locale: Locale, semantic: SemanticSearch | undefined): Reply | Promise<Reply>;
export function runAction(engine: Engine, action: ReadAction, limit: number, locale: Locale, semantic?: SemanticSearch): Reply | Promise<Reply> {
  switch (action.kind) {
    case 'page':
      return ask(engine, { question: action.question, offset: action.offset, private: action.private, limit, ...answerIdOf(action), ...(action.context === undefined ? {} : { context: action.context }) }, locale, semantic);
    case 'publish':
      return ask(engine, { question: action.question, offset: action.offset, private: false, limit, ...answerIdOf(action) }, locale, semantic);
    case 'cite':
      // Paragraph 0 is the byline passage: citing it cites the article.
      return source(engine, action.paragraph > 0 ? { article: action.file, paragraph: action.paragraph } : { article: action.file }, locale);
  }
}

function answerIdOf(action: { readonly answerId?: string }): { answerId?: string } {
  return action.answerId === undefined ? {} : { answerId: action.answerId };
}
