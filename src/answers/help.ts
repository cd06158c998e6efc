import type { Engine } from '../search/types.js';
import { messages, type Locale } from './i18n.js';
import { reportMessages } from './report-messages.js';
import { plain, type Reply } from './reply.js';

/** What the feedback store keeps, for /help to say; undefined when it is off. */
export interface StoragePolicy {
  readonly retentionDays: number;
  readonly questions: boolean;
}

/** What the bot does and how to ask, and what it keeps; private, so that it never clutters the channel. */
export function help(engine: Engine, locale: Locale, storage?: StoragePolicy): Reply {
  const t = messages(locale);
  const r = reportMessages(locale);
  const stats = engine.stats();
  const sections = t.helpSections.map((s) => ({ title: s.title, body: plain(s.text) }));
  if (storage !== undefined) sections.push({ title: r.privacyTitle, body: plain(r.privacy(storage.retentionDays, storage.questions)) });
  return {
    private: true,
    tone: 'info',
    title: t.helpTitle,
    text: plain(t.helpText(stats.articles, stats.paragraphs)),
    sections,
    buttons: [],
  };
}
