import { readFile } from 'node:fs/promises';

/** What makes a question hard; `offtopic` questions have no answer in the corpus. */
export const QUESTION_KINDS = ['paraphrase', 'number', 'english', 'casual', 'meta', 'offtopic'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * One question of an eval set (`eval/questions.json`, or any file in the same format). The
 * shared dev questions (`../shared/eval/dev-questions.json`) have the same fields, other
 * kinds and no split.
 */
export interface EvalQuestion {
  readonly id: string;
  /** `tune` questions may guide changes to the engine; `test` questions only report. */
  readonly split: 'tune' | 'test' | undefined;
  readonly kind: string;
  readonly q: string;
  /** The answering article; null for off-topic questions. */
  readonly file: string | null;
  /** Exact substrings of the answering passage(s); any one counts. Empty for off-topic. */
  readonly expect: readonly string[];
  /** English questions: whether they contain a name or number that the passage has too. */
  readonly sharesName?: boolean;
  /** Off-topic questions: whether they share a common word (a city, a company) with the corpus. */
  readonly sharesWord?: boolean;
}

export function isOffTopic(question: EvalQuestion): boolean {
  return question.expect.length === 0;
}

/** Reads and checks a question file; errors name the entry. */
export async function loadEvalQuestions(file: string): Promise<EvalQuestion[]> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`Quelle eval: ${file} is not a JSON array`);
  const ids = new Set<string>();
  return data.map((entry: unknown, i): EvalQuestion => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const where = `Quelle eval: ${file} entry ${i}`;
    if (typeof e.q !== 'string' || e.q.trim() === '') throw new Error(`${where} needs a question "q"`);
    const expect = e.expect ?? [];
    if (!Array.isArray(expect) || !expect.every((s) => typeof s === 'string' && s !== '')) throw new Error(`${where}: "expect" must be a list of strings`);
    const file_ = e.file ?? null;
    if (file_ !== null && typeof file_ !== 'string') throw new Error(`${where}: "file" must be a string or null`);
    if (expect.length > 0 && file_ === null) throw new Error(`${where}: an answerable question needs its "file"`);
    const id = typeof e.id === 'string' ? e.id : `#${i + 1}`;
    if (ids.has(id)) throw new Error(`${where}: duplicate id ${id}`);
    ids.add(id);
    const split = e.split === 'tune' || e.split === 'test' ? e.split : undefined;
    if (e.split !== undefined && split === undefined) throw new Error(`${where}: "split" must be "tune" or "test"`);
    const kind = typeof e.kind === 'string' ? e.kind : expect.length === 0 ? 'offtopic' : '';
    return {
      id,
      split,
      kind,
      q: e.q,
      file: file_,
      expect: expect as string[],
      ...(typeof e.sharesName === 'boolean' ? { sharesName: e.sharesName } : {}),
      ...(typeof e.sharesWord === 'boolean' ? { sharesWord: e.sharesWord } : {}),
    };
  });
}
