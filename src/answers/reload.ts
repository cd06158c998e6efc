import { messages, type Locale } from './i18n.js';
import type { Library, ReloadReport } from './library.js';
import { notice, plain, type Reply, type Section } from './reply.js';
import type { SemanticSearch } from './semantic.js';

/** The log calls a reload makes; a pino logger fits. */
export interface ReloadLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Files listed per kind of change; the rest is counted. */
const LISTED_FILES = 15;

/**
 * Rebuilds the index beside the one in service and reports the change (with semantic search,
 * also what became of the passages' vectors). A failure keeps the old index and tells the
 * moderator why. Never rejects.
 */
export async function reload(library: Library, locale: Locale, logger: ReloadLogger, semantic?: SemanticSearch): Promise<Reply> {
  const t = messages(locale);
  const before = library.engine;
  try {
    const report = await library.reload();
    logger.info(
      { added: report.added.length, removed: report.removed.length, changed: report.changed.length, skipped: report.skipped.length, paragraphs: report.after.stats().paragraphs, ms: report.ms },
      'reload succeeded',
    );
    return reloadReply(report, locale, semantic);
  } catch (err) {
    logger.error({ err }, 'reload failed; the previous index stays in service');
    const reason = err instanceof Error ? err.message : String(err);
    return notice('error', t.reloadFailedTitle, t.reloadFailedText(reason, before.articles().length));
  }
}

function reloadReply(report: ReloadReport, locale: Locale, semantic: SemanticSearch | undefined): Reply {
  const t = messages(locale);
  const before = report.before.stats();
  const after = report.after.stats();
  const sections: Section[] = [];
  const list = (title: string, files: readonly string[]): void => {
    if (files.length === 0) return;
    const shown = files.slice(0, LISTED_FILES).join('\n');
    const more = files.length > LISTED_FILES ? `\n… +${files.length - LISTED_FILES}` : '';
    sections.push({ title: `${title} (${files.length})`, body: plain(shown + more) });
  };
  list(t.added, report.added);
  list(t.removed, report.removed);
  list(t.changed, report.changed);
  list(
    t.skipped,
    report.skipped.map((s) => `${s.file}: ${s.reason}`),
  );
  if (semantic !== undefined) {
    const vectors = semantic.vectorsLine(report.after, locale);
    sections.push({ title: t.semanticTitle, body: plain([vectors, semantic.status(locale)].filter((line) => line !== undefined).join('\n')) });
  }
  const unchanged = report.added.length + report.removed.length + report.changed.length === 0;
  return {
    private: true,
    tone: 'info',
    title: t.reloadTitle,
    text: plain(t.reloadSummary(before.articles, after.articles, before.paragraphs, after.paragraphs, report.ms) + (unchanged ? `\n${t.unchanged}` : '')),
    sections,
    buttons: [],
  };
}
