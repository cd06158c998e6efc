/**
 * Moderators' reports from the feedback store: the questions that got no answer, and the
 * answers people voted down. Plain Replies, a page at a time.
 */
import type { FeedbackReport } from '../store/types.js';
import type { Locale } from './i18n.js';
import { reportMessages } from './report-messages.js';
import { plain, type Button, type Reply, type Section } from './reply.js';

/** Rows per page: well within Discord's 25 fields and 6,000 characters. */
const REPORT_PAGE = 10;

export type ReportKind = 'unanswered' | 'feedback';

/** `2026-11-29 14:02` in UTC: the same for every moderator. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function reportReply(report: FeedbackReport, kind: ReportKind, days: number, offset: number, locale: Locale): Reply {
  const t = reportMessages(locale);
  const rows: Section[] =
    kind === 'unanswered'
      ? report.unanswered.map((u) => ({ title: u.uncertain ? `${u.question} (${t.uncertainMark})` : u.question, body: plain(t.asked(u.count, formatTime(u.lastAsked))) }))
      : report.downvoted.map((d) => ({
          title: d.question ?? (d.file === null ? t.unknownAnswer : t.notStored),
          ...(d.file === null || d.paragraph === null ? {} : { source: t.whereShown(d.file, d.paragraph) }),
          body: plain(t.votes(d.up, d.down)),
        }));
  const start = Math.min(offset, Math.max(0, rows.length - 1));
  const page = rows.slice(start, start + REPORT_PAGE);
  const buttons: Button[] = [];
  if (start > 0) buttons.push({ label: t.previous, action: { kind: 'report', report: kind, days, offset: Math.max(0, start - REPORT_PAGE) } });
  if (start + REPORT_PAGE < rows.length) buttons.push({ label: t.next, primary: true, action: { kind: 'report', report: kind, days, offset: start + REPORT_PAGE } });
  const empty = kind === 'unanswered' ? t.nothingUnanswered : t.nothingDownvoted;
  return {
    private: true,
    tone: 'info',
    title: kind === 'unanswered' ? t.unansweredTitle(days) : t.feedbackTitle(days),
    text: plain(t.summary(report.questions, report.abstained, report.uncertain, report.votes.up, report.votes.down) + (rows.length === 0 ? `\n${empty}` : '')),
    sections: page,
    ...(rows.length > REPORT_PAGE ? { footer: t.page(start + 1, start + page.length, rows.length) } : {}),
    buttons,
  };
}
