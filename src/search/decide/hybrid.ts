import type { ScoredSlot } from '../../embeddings/vectors.js';
import type { Confidence } from '../types.js';

export interface HybridConfidenceOptions {
  /** The service's best passage is an answer at this similarity or more, when the lexical ranking agrees… */
  readonly denseAnswerSimilarity: number;
  /** …and a passage worth showing as uncertain at this similarity or more. */
  readonly denseUncertainSimilarity: number;
  /** They agree when the lexical best passage is among the service's best this many. */
  readonly agreementDepth: number;
}

/**
 * The confidence of a hybrid answer, from the agreement of the two rankings. The lexical
 * verdict stands when it answers: it names what matched. Where it does not, a passage the
 * service finds very close to the question is still an answer when the lexical ranking put
 * the same passage first (two independent readings agree), and shown as uncertain when only
 * the service finds it: a paraphrase ("Anleger" for "Investoren") that no word of the question
 * meets. Similarity scales differ between models: the bars are options.
 */
export function hybridConfidence(lexical: Confidence, lexicalBest: number | undefined, dense: readonly ScoredSlot[], options: HybridConfidenceOptions): Confidence {
  if (lexical === 'answer') return 'answer';
  const best = dense[0];
  if (best === undefined) return lexical;
  const agree = lexicalBest !== undefined && dense.slice(0, options.agreementDepth).some((hit) => hit.slot === lexicalBest);
  if (best.score >= options.denseAnswerSimilarity && agree) return 'answer';
  if (best.score >= options.denseUncertainSimilarity) return 'uncertain';
  return lexical;
}
