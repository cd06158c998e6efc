import { describe, expect, it } from 'vitest';
import { confidenceOf, decide, rankingConfidence } from '../../../src/search/decide/decide.js';
import { defaultEngineOptions } from '../../../src/search/engine.js';
import type { AnswerSignals } from '../../../src/search/types.js';

const answered: AnswerSignals = { coverage: 0.8, exactCoverage: 0.6, unknownShare: 0, english: false, contentMatched: 2, contentWords: 2, contentSaid: 2, numberMissing: false, toolMissing: false };

describe('decide', () => {
  it('answers when the best passage covers the question', () => {
    expect(decide(answered, defaultEngineOptions)).toEqual({ answer: true, reason: 'answer' });
  });

  it('abstains when nothing matched or too little of the question', () => {
    expect(decide({ ...answered, coverage: 0 }, defaultEngineOptions).reason).toBe('nothing-matched');
    expect(decide({ ...answered, coverage: 0.1 }, defaultEngineOptions).reason).toBe('low-coverage');
  });

  it('abstains when the question hinges on words the corpus knows nothing of, unless much matched as typed', () => {
    // "Wann wurde Tesla gegründet?"
    expect(decide({ ...answered, coverage: 0.5, exactCoverage: 0.4, unknownShare: 0.5 }, defaultEngineOptions).reason).toBe('unknown-words');
    // "Gallium Germanium Exportbeschränkungen"
    expect(decide({ ...answered, coverage: 0.67, exactCoverage: 0.67, unknownShare: 0.33 }, defaultEngineOptions).answer).toBe(true);
    expect(decide({ ...answered, coverage: 0.6, exactCoverage: 0.6, unknownShare: 0.4 }, defaultEngineOptions).answer).toBe(true);
    // "Welche Sehenswürdigkeiten sollte man in Peking besuchen?": a city and a verb as typed are not enough.
    expect(decide({ ...answered, coverage: 0.53, exactCoverage: 0.53, unknownShare: 0.47 }, defaultEngineOptions).reason).toBe('unknown-words');
  });

  it('trusts a passage that matches three things of the question, however they matched', () => {
    // "Welche Bedeutung könnte die Technikförderung der Provinz für den weltweiten Konkurrenzkampf haben?"
    const bridged = { ...answered, coverage: 0.32, exactCoverage: 0, contentMatched: 3, contentWords: 5 };
    expect(decide(bridged, defaultEngineOptions).answer).toBe(true);
    expect(decide({ ...bridged, contentMatched: 2 }, defaultEngineOptions).reason).toBe('bridges-only');
    expect(decide(bridged, { ...defaultEngineOptions, trustedContentThings: 0 }).reason).toBe('bridges-only');
    expect(decide({ ...bridged, unknownShare: 0.5 }, defaultEngineOptions).answer).toBe(true);
  });

  it('does not answer a German question through synonyms alone, but an English one through the dictionary', () => {
    expect(decide({ ...answered, exactCoverage: 0 }, defaultEngineOptions).reason).toBe('bridges-only');
    expect(decide({ ...answered, exactCoverage: 0, english: true }, defaultEngineOptions).answer).toBe(true);
  });

  it('does not answer a short question when its best passage matches only half of its words', () => {
    // "Wie ist das Wetter heute in Moskau?": Moskau, not Wetter.
    expect(decide({ ...answered, contentMatched: 1, contentWords: 2 }, defaultEngineOptions).reason).toBe('half-matched');
    expect(decide({ ...answered, contentMatched: 1, contentWords: 3 }, defaultEngineOptions).reason).toBe('half-matched');
    expect(decide({ ...answered, contentMatched: 2, contentWords: 3 }, defaultEngineOptions).answer).toBe(true);
    // "Welche Grafikkarte von Nvidia ist am besten zum Zocken?": two of four is half too.
    expect(decide({ ...answered, contentMatched: 2, contentWords: 4 }, defaultEngineOptions).reason).toBe('half-matched');
    expect(decide({ ...answered, contentMatched: 3, contentWords: 4 }, defaultEngineOptions).answer).toBe(true);
    // One word alone, or a long question (paraphrases often leave words unmatched): not this rule.
    expect(decide({ ...answered, contentMatched: 1, contentWords: 1 }, defaultEngineOptions).answer).toBe(true);
    expect(decide({ ...answered, contentMatched: 2, contentWords: 5 }, defaultEngineOptions).answer).toBe(true);
    expect(decide({ ...answered, contentMatched: 1, contentWords: 2 }, { ...defaultEngineOptions, halfMatchedWords: 0 }).answer).toBe(true);
  });

  it('does not answer a question for a quantity from a passage without one', () => {
    // "Wie viele Soldaten marschierten bei der Parade auf dem Roten Platz mit?"
    expect(decide({ ...answered, numberMissing: true }, defaultEngineOptions)).toEqual({ answer: false, reason: 'number-missing' });
    expect(decide({ ...answered, numberMissing: true }, { ...defaultEngineOptions, checkNumbers: false }).answer).toBe(true);
    // Never "nothing found": the passage is on the topic, only the quantity is missing.
    expect(confidenceOf({ answer: false, reason: 'number-missing' }, { ...answered, numberMissing: true, contentSaid: 0 }, 1)).toBe('uncertain');
  });

  it('does not answer a question naming a tool from a passage that does not say it', () => {
    // "Wie synchronisiere ich zwei Ordner mit rsync über SSH?" beside gzip's --rsyncable.
    expect(decide({ ...answered, toolMissing: true }, defaultEngineOptions)).toEqual({ answer: false, reason: 'tool-missing' });
    expect(decide({ ...answered, toolMissing: true }, { ...defaultEngineOptions, checkTools: false }).answer).toBe(true);
  });

  describe('rankingConfidence', () => {
    it("takes the first passage's confidence unless it is none", () => {
      expect(rankingConfidence(['answer', 'none'])).toBe('answer');
      expect(rankingConfidence(['uncertain', 'answer'])).toBe('uncertain');
      expect(rankingConfidence(['none', 'none', 'none'])).toBe('none');
      expect(rankingConfidence([])).toBe('none');
    });

    it('says uncertain, never answer, when a passage below a none would be shown', () => {
      expect(rankingConfidence(['none', 'answer'])).toBe('uncertain');
      expect(rankingConfidence(['none', 'none', 'uncertain'])).toBe('uncertain');
    });

    it('judges the passages below the first only when the first is none', () => {
      let judged = 0;
      function* lazy(first: 'answer' | 'none') {
        judged++;
        yield first;
        judged++;
        yield 'uncertain' as const;
      }
      expect(rankingConfidence(lazy('answer'))).toBe('answer');
      expect(judged).toBe(1);
      judged = 0;
      expect(rankingConfidence(lazy('none'))).toBe('uncertain');
      expect(judged).toBe(2);
    });
  });
});
