import type { Engine } from '../search/types.js';
import { messages, type Locale } from './i18n.js';
import { conversationMessages } from './conversation-messages.js';
import { reportMessages } from './report-messages.js';
import { plain, type Reply, type Section } from './reply.js';
import type { SemanticSearch } from './semantic.js';

/** What the feedback store keeps, for /help to say; undefined when it is off. */
export interface StoragePolicy {
  readonly retentionDays: number;
  readonly questions: boolean;
}

/** Where the bot answers without /ask (Discord): the auto-answer channels by name (`#help`); empty when that is off. */
export interface UnaskedAnswers {
  readonly channels: readonly string[];
}

/**
 * What the bot does and how to ask, and what it keeps; private, so that it never clutters the
 * channel. With semantic search, whether it works and where questions are sent.
 */
export function help(engine: Engine, locale: Locale, storage?: StoragePolicy, semantic?: SemanticSearch, unasked?: UnaskedAnswers): Reply {
  const t = messages(locale);
  const r = reportMessages(locale);
  const stats = engine.stats();
  const sections = t.helpSections.map((s) => ({ title: s.title, body: plain(s.text) }));
  if (storage !== undefined) sections.push({ title: r.privacyTitle, body: plain(r.privacy(storage.retentionDays, storage.questions)) });
  if (semantic !== undefined) sections.push(semanticSection(semantic, locale));
  if (unasked !== undefined) {
    const c = conversationMessages(locale);
    sections.push({ title: c.unaskedTitle, body: plain(c.unasked(unasked.channels)) });
  }
  return {
    private: true,
    tone: 'info',
    title: t.helpTitle,
    text: plain(t.helpText(stats.articles, stats.paragraphs)),
    sections,
    buttons: [],
  };
}

/** Semantic search in /help: active or unavailable since when, and that questions and passages go to its host. */
export function semanticSection(semantic: SemanticSearch, locale: Locale): Section {
  return { title: messages(locale).semanticTitle, body: plain(`${semantic.status(locale)}\n${semantic.privacy(locale)}`) };
}
