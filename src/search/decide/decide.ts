import type { AnswerSignals, Confidence } from '../types.js';

/** The decision to answer, with the signal that decided it. */
export interface Verdict {
  readonly answer: boolean;
  readonly reason: 'nothing-matched' | 'low-coverage' | 'unknown-words' | 'bridges-only' | 'half-matched' | 'number-missing' | 'tool-missing' | 'answer';
}

export interface AbstainOptions {
  /** The best passage must cover at least this share of the question's weight. */
  readonly answerCoverage: number;
  /** Abstain when words the corpus has nothing for (no match, no bridge) weigh more than this share of the question… */
  readonly maxUnknownShare: number;
  /** …unless the best passage matches at least this share of it through the words as typed. */
  readonly trustedExactCoverage: number;
  /** A German question whose best passage matches less than this share as typed (only through synonyms) is not answered. */
  readonly minGermanExactCoverage: number;
  /** A question of 2 to this many content words whose best passage matches at most half of them is not answered (0: off). */
  readonly halfMatchedWords: number;
  /**
   * A best passage that matches this many of the question's content things (0: no such
   * trust) is answered even when much of the question is unknown or matched only through
   * bridges: three things of one question meeting in one passage is no coincidence.
   */
  readonly trustedContentThings: number;
  /** A question that asks for a quantity is not answered by a passage without one. */
  readonly checkNumbers: boolean;
  /** A question that names a tool the corpus has no page for is not answered by a passage that does not say it. */
  readonly checkTools: boolean;
}

/**
 * Whether the best passage answers the question. One rare shared word is not enough on a
 * broad corpus (a man page has "Boden", "Moskau" or "2014" too): the passage must cover a
 * good share of what the question is about, and the question must not hinge on words the
 * corpus knows nothing of (no match, no translation, no synonym), unless much of it matched
 * as typed. Calibrated on the tune half's off-topic questions (`npm run eval -- --split tune`).
 */
export function decide(signals: AnswerSignals, options: AbstainOptions): Verdict {
  if (signals.coverage === 0) return { answer: false, reason: 'nothing-matched' };
  if (signals.coverage < options.answerCoverage) return { answer: false, reason: 'low-coverage' };
  // "Wann wurde Tesla gegründet?": the corpus knows Tesla, but nothing of founding dates.
  // "Gallium Germanium Exportbeschränkungen": two rare words matched as typed outweigh one unknown.
  const trusted = options.trustedContentThings > 0 && signals.contentMatched >= options.trustedContentThings;
  if (!trusted && signals.unknownShare > options.maxUnknownShare && signals.exactCoverage < options.trustedExactCoverage) return { answer: false, reason: 'unknown-words' };
  // Synonyms reach far ("Wetter" → "Klima" → …); a German question must meet the passage
  // in some words of its own. English questions meet it through the dictionary by design.
  if (!trusted && !signals.english && signals.exactCoverage < options.minGermanExactCoverage) return { answer: false, reason: 'bridges-only' };
  // "Wann wurde Tesla gegründet?", "Wie ist das Wetter in Moskau?": a short question is about
  // all of its few words. A passage with only the rare name answers another question; weight
  // alone hides that, because the name outweighs the rest. Four words are still few: "Welche
  // Grafikkarte von Nvidia ist am besten zum Zocken?" is not answered by a man page on an
  // nVidia card, two of four.
  const { contentWords, contentMatched } = signals;
  if (contentWords >= 2 && contentWords <= options.halfMatchedWords && contentMatched * 2 <= contentWords) return { answer: false, reason: 'half-matched' };
  // "Wie viele Soldaten marschierten bei der Parade mit?": a passage on the parade without a
  // number tells the reader what the corpus has on the topic, not the answer.
  if (options.checkNumbers && signals.numberMissing) return { answer: false, reason: 'number-missing' };
  // "Wie lade ich mit wget eine Webseite rekursiv herunter?": the man pages mention wget in
  // passing and say much about recursive downloads; a passage that does not say wget answers
  // another question.
  if (options.checkTools && signals.toolMissing) return { answer: false, reason: 'tool-missing' };
  return { answer: true, reason: 'answer' };
}

/**
 * The confidence of an answer: `answer` where decide() answers; `uncertain` where it does not,
 * but the best passage itself says at least `uncertainThings` of the question's things, and
 * some of them as the question words them (a German question) or through the dictionary (an
 * English one): the question names something the corpus has ("Wer ist Du Xuliang und was hat
 * er mit Huawei zu tun?"). `none` where nothing of the question's content is found so. A wrong
 * "nothing found" costs more trust than a labelled guess; a synonym alone is no such find.
 * A passage that lacks only the quantity asked for is always `uncertain`.
 */
export function confidenceOf(verdict: Verdict, signals: AnswerSignals, uncertainThings: number): Confidence {
  if (verdict.answer) return 'answer';
  // Everything but the quantity checked out: the passage is on the question's topic.
  if (verdict.reason === 'number-missing') return 'uncertain';
  const named = signals.english || signals.exactCoverage > 0;
  return uncertainThings > 0 && signals.contentSaid >= uncertainThings && named ? 'uncertain' : 'none';
}

/**
 * The confidence of a ranking from the confidences of its first passages, best first (judged
 * lazily: the first is enough unless it is "none"). "None" says the corpus has nothing of the
 * question; when the first passage says the question's words only through synonyms, a passage
 * just below it may still say some of them as asked: then the answer is "not sure", never
 * "nothing".
 */
export function rankingConfidence(judgements: Iterable<Confidence>): Confidence {
  let first: Confidence | undefined;
  for (const confidence of judgements) {
    if (first === undefined) {
      first = confidence;
      if (first !== 'none') return first;
    } else if (confidence !== 'none') return 'uncertain';
  }
  return first ?? 'none';
}
