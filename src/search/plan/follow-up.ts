/**
 * Follow-up questions in a conversation ("und wann war das?", "what about Alibaba?"): a short,
 * elliptical question leans on the one before it. It borrows the earlier question's things, at a
 * lower weight, so that its own words still decide the ranking and the earlier ones only settle
 * what it leaves open. A follow-up that names things of its own stands on its own.
 */
import type { ConceptMatches } from '../retrieve/retriever.js';
import { isContent, type Concept } from './plan.js';

export interface FollowUpOptions {
  /**
   * A follow-up naming at most this many things the corpus knows (its content words; frame
   * words like "wann" and measures like "wie viel" do not count) is elliptical and borrows the
   * earlier question's things.
   */
  readonly followUpMaxThings: number;
  /** The weight of a borrowed thing, in score and coverage, against the follow-up's own (1). */
  readonly followUpWeight: number;
}

/** The follow-up's concepts, then those it borrows from the earlier question. */
export interface FollowUpPlan {
  readonly concepts: Concept[];
  /** The borrowed concepts (empty when the follow-up stands on its own). */
  readonly borrowed: ReadonlySet<Concept>;
}

/**
 * The things of a question the corpus knows, counted by unit (a name is one thing): content
 * words, not frame words or measures, that occur in the corpus or reach it through a bridge.
 */
export function knownThings(concepts: readonly Concept[], documentFrequency: (term: string) => number): number {
  const units = new Set<number>();
  for (const concept of concepts) {
    if (!isContent(concept) || concept.measure) continue;
    if (documentFrequency(concept.term) > 0 || concept.alternatives.length > 0) units.add(concept.unit);
  }
  return units.size;
}

/**
 * The concepts to search for a follow-up: its own, and, when it is elliptical, the earlier
 * question's content words it does not repeat, at `followUpWeight`. When the follow-up has a
 * content word of its own, the borrowed ones are context, not what is asked: like frame words they
 * weigh in the coverage and the ranking but are not counted among the question's things (a
 * passage on Alibaba answers "und Alibaba?" after a question on Nvidia without saying Nvidia).
 * When it has none ("und wann?"), they are the things it is about.
 */
export function planFollowUp(own: readonly Concept[], earlier: readonly Concept[], documentFrequency: (term: string) => number, options: FollowUpOptions): FollowUpPlan {
  const concepts = [...own];
  const borrowed = new Set<Concept>();
  if (knownThings(own, documentFrequency) > options.followUpMaxThings) return { concepts, borrowed };
  const ownContent = own.some((c) => isContent(c) && !c.measure);
  const seen = new Set(own.map((c) => c.term));
  const firstUnit = Math.max(-1, ...own.map((c) => c.unit)) + 1;
  for (const concept of earlier) {
    // How the earlier question asked ("wie stark", "wann") is not carried over: the follow-up asks its own way.
    if (!isContent(concept) || concept.measure || seen.has(concept.term)) continue;
    seen.add(concept.term);
    const copy: Concept = {
      ...concept,
      alternatives: [...concept.alternatives],
      weight: concept.weight * options.followUpWeight,
      emphasis: concept.emphasis * options.followUpWeight,
      frame: ownContent,
      unit: firstUnit + concept.unit,
      // The earlier question's tool is its topic, not a word this one must be answered with.
      tool: false,
    };
    concepts.push(copy);
    borrowed.add(copy);
  }
  return { concepts, borrowed };
}

/** The retrieved matches with the borrowed concepts' scores lowered to their weight. */
export function discountBorrowed(concepts: readonly Concept[], retrieved: readonly (ConceptMatches | undefined)[], borrowed: ReadonlySet<Concept>, weight: number): (ConceptMatches | undefined)[] {
  return retrieved.map((found, i) => {
    const concept = concepts[i];
    if (found === undefined || concept === undefined || !borrowed.has(concept)) return found;
    const matches = new Map([...found.matches].map(([id, match]) => [id, { ...match, score: match.score * weight }] as const));
    return { ...found, matches };
  });
}
