import type { Engine } from '../search/types.js';
import { messages, type Locale } from './i18n.js';
import { plain, type Reply } from './reply.js';

/** What the bot does and how to ask; private, so that it never clutters the channel. */
export function help(engine: Engine, locale: Locale): Reply {
  const t = messages(locale);
  const stats = engine.stats();
  return {
    private: true,
    tone: 'info',
    title: t.helpTitle,
    text: plain(t.helpText(stats.articles, stats.paragraphs)),
    sections: t.helpSections.map((s) => ({ title: s.title, body: plain(s.text) })),
    buttons: [],
  };
}
