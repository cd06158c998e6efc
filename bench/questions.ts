import { readFile } from 'node:fs/promises';

/** One entry of `../shared/eval/dev-questions.json`. */
export interface DevQuestion {
  readonly id: string;
  /** What makes it hard: paraphrase, compound, inflection, typo, transliteration, english, keyword. */
  readonly kind: string;
  readonly q: string;
  readonly file: string;
  /** Exact substrings of the answering paragraph(s); any one counts. */
  readonly expect: readonly string[];
}

/**
 * Questions that nothing in the seeds answers. A system abstains when it returns no passage;
 * every passage it returns for these is a wrong answer shown to a user. They avoid the
 * seeds' topics (Russia, China, trade, AI) and, where possible, words that man pages use.
 */
export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  'Wie backe ich einen Käsekuchen ohne Boden?',
  'Welche Zutaten gehören in eine ungarische Gulaschsuppe?',
  'Wer wurde 2014 Fußball-Weltmeister?',
  'Wie hoch ist die Zugspitze?',
  'Wann sollte man Tomaten im Garten pflanzen?',
  'Wie pflege ich eine Orchidee im Winter?',
  'What is the capital of Australia?',
  'Wie viele Beine hat eine Spinne?',
];

export async function loadDevQuestions(file: string): Promise<DevQuestion[]> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`Quelle bench: ${file} is not a JSON array`);
  return data.map((entry: unknown, i) => {
    const e = entry as Partial<DevQuestion>;
    if (typeof e.q !== 'string' || !Array.isArray(e.expect) || e.expect.length === 0) {
      throw new Error(`Quelle bench: ${file} entry ${i} needs "q" and a non-empty "expect"`);
    }
    return { id: e.id ?? `#${i + 1}`, kind: e.kind ?? '', q: e.q, file: e.file ?? '', expect: e.expect };
  });
}
