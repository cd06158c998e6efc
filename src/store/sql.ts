/** What both stores say the same way: rows, report queries (numbered parameters), report assembly. */
// Questions are grouped as the index folds words (case, umlaut and keyboard spellings,
// punctuation): "gegründet", "gegruendet" and "Gegründet?!" are one question.
import { foldText } from '../search/analysis/normalize.js';
import type { DownvotedAnswer, FeedbackReport, QuestionRecord, UnansweredGroup } from './types.js';

/** A question's row; booleans as 0/1 in both stores. */
export function questionRow(r: QuestionRecord): Record<string, string | number | null> {
  return {
    id: r.id,
    at: r.at,
    guildId: r.guildId,
    channelId: r.channelId,
    locale: r.locale,
    question: r.question,
    normalized: r.question === null ? null : foldText(r.question),
    abstained: r.abstained ? 1 : 0,
    uncertain: r.uncertain === true ? 1 : 0,
    file: r.top?.file ?? null,
    paragraph: r.top?.paragraph ?? null,
    score: r.top?.score ?? null,
    private: r.private ? 1 : 0,
  };
}

/** Questions, unanswered ones and uncertain ones since $1. */
export const TOTALS_SQL = 'SELECT COUNT(*) AS questions, COALESCE(SUM(abstained), 0) AS abstained, COALESCE(SUM(uncertain), 0) AS uncertain FROM questions WHERE at >= $1';

/** Votes since $1. */
export const VOTES_SQL = 'SELECT COALESCE(SUM(CASE WHEN value = 1 THEN 1 ELSE 0 END), 0) AS up, COALESCE(SUM(CASE WHEN value = -1 THEN 1 ELSE 0 END), 0) AS down FROM votes WHERE at >= $1';

/** Unanswered and uncertain questions since $1, grouped by normalized form, at most $2 groups. */
export const UNANSWERED_SQL = `
  SELECT MAX(question) AS question, COUNT(*) AS count, MAX(at) AS last_asked, MAX(abstained) AS abstained
  FROM questions
  WHERE (abstained = 1 OR uncertain = 1) AND at >= $1 AND normalized IS NOT NULL
  GROUP BY normalized
  ORDER BY COUNT(*) DESC, MAX(at) DESC
  LIMIT $2`;

/** Answers since $1 with at least one down vote, most down votes first, at most $2. */
export const DOWNVOTED_SQL = `
  SELECT v.answer_id, q.question, q.file, q.paragraph,
         SUM(CASE WHEN v.value = 1 THEN 1 ELSE 0 END) AS up,
         SUM(CASE WHEN v.value = -1 THEN 1 ELSE 0 END) AS down
  FROM votes v LEFT JOIN questions q ON q.id = v.answer_id
  WHERE v.at >= $1
  GROUP BY v.answer_id, q.question, q.file, q.paragraph
  HAVING SUM(CASE WHEN v.value = -1 THEN 1 ELSE 0 END) > 0
  ORDER BY down DESC, up ASC, v.answer_id
  LIMIT $2`;

export interface DownvotedRow {
  readonly answer_id: string;
  readonly question: string | null;
  readonly file: string | null;
  readonly paragraph: number | null;
  readonly up: number | string;
  readonly down: number | string;
}

/** The report from the rows of either store (PostgreSQL returns counts as strings). */
export function assemble(
  since: number,
  totals: { questions: number | string; abstained: number | string; uncertain: number | string },
  votes: { up: number | string; down: number | string },
  unanswered: readonly { question: string; count: number | string; last_asked: number | string; abstained: number | string }[],
  downvoted: readonly DownvotedRow[],
): FeedbackReport {
  return {
    since,
    questions: Number(totals.questions),
    abstained: Number(totals.abstained),
    uncertain: Number(totals.uncertain),
    votes: { up: Number(votes.up), down: Number(votes.down) },
    unanswered: unanswered.map((u): UnansweredGroup => ({ question: u.question, count: Number(u.count), lastAsked: Number(u.last_asked), uncertain: Number(u.abstained) === 0 })),
    downvoted: downvoted.map((d): DownvotedAnswer => ({ question: d.question, file: d.file, paragraph: d.paragraph === null ? null : Number(d.paragraph), up: Number(d.up), down: Number(d.down) })),
  };
}
