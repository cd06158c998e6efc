import type { Engine } from '../search/types.js';
import { ask } from './ask.js';
import type { Locale } from './i18n.js';
import type { Action, Reply } from './reply.js';
import { source } from './source.js';

/** What pressing a button answers: the next page, a citation, or the answer made public. */
export function runAction(engine: Engine, action: Action, limit: number, locale: Locale): Reply {
  switch (action.kind) {
    case 'page':
      return ask(engine, { question: action.question, offset: action.offset, private: action.private, limit }, locale);
    case 'publish':
      return ask(engine, { question: action.question, offset: action.offset, private: false, limit }, locale);
    case 'cite':
      return source(engine, { article: action.file, paragraph: action.paragraph }, locale);
  }
}
