import { StoreUnavailableError, type Feedback } from '../store/feedback.js';
import type { Locale } from './i18n.js';
import { reportMessages } from './report-messages.js';
import { reportReply, type ReportKind } from './report.js';
import { notice, type Reply } from './reply.js';

/** A page of a report, or a notice that the store is off or cannot be read now. Never rejects for a store failure. */
export async function runReport(feedback: Feedback | undefined, kind: ReportKind, days: number, offset: number, locale: Locale): Promise<Reply> {
  const t = reportMessages(locale);
  if (feedback === undefined) return notice('info', t.voteOff);
  try {
    return reportReply(await feedback.report(days), kind, days, offset, locale);
  } catch (err) {
    if (err instanceof StoreUnavailableError) return notice('warning', t.unavailableTitle, t.unavailableText);
    throw err;
  }
}
