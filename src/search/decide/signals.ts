import { lacksAskedNumber } from '../analysis/answer-kind.js';
import type { Concept } from '../plan/plan.js';
import type { Ranked } from '../rank/rank.js';
import type { AnswerSignals } from '../types.js';
import { contentThings } from './content-things.js';

const NONE: ReadonlySet<number> = new Set();

/** What the question and its ranking say, for the decision to answer. */
export interface SignalInput {
  readonly concepts: readonly Concept[];
  /** The best passage and its text, if any matched. */
  readonly best: Ranked | undefined;
  readonly bestText: string;
  readonly unknownShare: number;
  readonly english: boolean;
  readonly question: string;
  /** Whether a word names a page of the corpus (a man page's command): a tool the corpus documents. */
  readonly isPageName: (word: string) => boolean;
  /** The best passage's sentence with the most of the question (see highlight.ts): where its answer stands. */
  readonly bestSentence: () => string;
}

/**
 * The signals of an answer, read off its best passage. A thing of the question that only the
 * passage's article title matches counts `titleThingWeight`: the passage itself does not say it.
 */
export function signalsOf(input: SignalInput, titleThingWeight: number): AnswerSignals {
  const { concepts, best, bestText } = input;
  const things = contentThings(concepts, best?.matched ?? NONE, bestText);
  const said = contentThings(concepts, best?.said ?? NONE, bestText).matched;
  // What the passage says of the question's topic: a measure asked for ("lang" in "Wie lang
  // ist der Jangtse?") names nothing the corpus is about.
  const topical = new Set([...(best?.said ?? NONE)].filter((i) => concepts[i]?.measure !== true));
  return {
    coverage: best?.coverage ?? 0,
    exactCoverage: best?.exactCoverage ?? 0,
    unknownShare: input.unknownShare,
    english: input.english,
    contentMatched: said + titleThingWeight * (things.matched - said),
    contentWords: things.things,
    contentSaid: contentThings(concepts, topical, bestText).matched,
    numberMissing: best !== undefined && lacksAskedNumber(input.question, input.bestSentence),
    toolMissing: best !== undefined && concepts.some((concept, i) => concept.tool && !input.isPageName(concept.surface.toLowerCase()) && !best.matched.has(i)),
  };
}
