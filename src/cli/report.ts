import { formatTime } from '../answers/report.js';
import type { FeedbackReport } from '../store/types.js';

/** The report as `quelle report --json` prints it: one object, times as ISO strings. */
export function reportJson(report: FeedbackReport): string {
  return JSON.stringify({
    since: new Date(report.since).toISOString(),
    questions: report.questions,
    abstained: report.abstained,
    uncertain: report.uncertain,
    votes: report.votes,
    unanswered: report.unanswered.map((u) => ({ question: u.question, count: u.count, lastAsked: new Date(u.lastAsked).toISOString(), uncertain: u.uncertain })),
    downvoted: report.downvoted.map((d) => ({ question: d.question, file: d.file, paragraph: d.paragraph, up: d.up, down: d.down })),
  });
}

const WIDTH = 80;

/** A cell cut to `width` characters, with "…" when cut. */
function cell(text: string, width: number): string {
  const one = text.replace(/\s+/gu, ' ');
  return one.length <= width ? one.padEnd(width) : `${one.slice(0, width - 1)}…`;
}

/** The report as tables that fit 80 columns. */
export function formatReport(report: FeedbackReport, days: number): string {
  const lines: string[] = [];
  lines.push(`Feedback since ${formatTime(report.since)} UTC (${days} days)`);
  lines.push(`Questions ${report.questions} · unanswered ${report.abstained} · uncertain ${report.uncertain} · up ${report.votes.up} · down ${report.votes.down}`);
  lines.push('');
  lines.push('Unanswered questions (? = got passages marked uncertain)');
  if (report.unanswered.length === 0) lines.push('  (none)');
  else {
    lines.push(`  ${cell('question', 54)} ${'count'.padStart(5)}  last asked`);
    for (const u of report.unanswered) lines.push(`${u.uncertain ? '? ' : '  '}${cell(u.question, 54)} ${String(u.count).padStart(5)}  ${formatTime(u.lastAsked)}`);
  }
  lines.push('');
  lines.push('Answers voted down');
  if (report.downvoted.length === 0) lines.push('  (none)');
  else {
    lines.push(`  ${cell('question', 34)} ${cell('passage', 30)} ${'up'.padStart(5)} ${'down'.padStart(5)}`);
    for (const d of report.downvoted) {
      const where = d.file === null ? '?' : `${d.file} ¶${d.paragraph ?? '?'}`;
      lines.push(`  ${cell(d.question ?? '(not stored)', 34)} ${cell(where, 30)} ${String(d.up).padStart(5)} ${String(d.down).padStart(5)}`);
    }
  }
  return `${lines.map((l) => (l.length > WIDTH ? l.slice(0, WIDTH) : l)).join('\n')}\n`;
}
