import type { Article } from '../../corpus/types.js';
import { isContent, type Concept } from '../plan/plan.js';
import type { ConceptMatches } from '../retrieve/retriever.js';

/** A passage that matched, with the signals the decision to answer reads. */
export interface Ranked {
  readonly id: number;
  readonly score: number;
  /** Share of the question's weight it matches, bridges counted at their weight. */
  readonly coverage: number;
  /** Share of the question's weight it matches through the question's own words. */
  readonly exactCoverage: number;
  /** Indexes of the question's content concepts it matches (see content-things.ts)… */
  readonly matched: ReadonlySet<number>;
  /** …and of those its text or heading says, not only its article's title. */
  readonly said: ReadonlySet<number>;
  /** Index terms it matched → the weight of their concept, for highlights. */
  readonly terms: Map<string, number>;
  /**
   * Share of the question's weight its page's description says in the question's own words
   * ("leer", "entfernen" in "rmdir - Leere Verzeichnisse entfernen"); 0 on a page without one.
   */
  readonly describedShare: number;
}

export interface RankOptions {
  /** A passage must cover this share of the question's weight to be ranked at all. */
  readonly minCoverage: number;
  readonly coverageExponent: number;
  readonly articleWeight: number;
}

/** The question's words ranked: every passage that matches, best first, and the share of the question the corpus lacks. */
export interface Ranking {
  readonly ranked: Ranked[];
  /** Share of the question's weight in content words that matched nothing (no word, no bridge). */
  readonly unknownShare: number;
  /** Indexes of those concepts: what the corpus has nothing for. */
  readonly unmatched: readonly number[];
}

/** What all concepts of a question matched in one passage. */
interface Combined {
  score: number;
  covered: number;
  /** Weight matched through the question's own words, before bridges. */
  exact: number;
  textual: boolean;
  readonly terms: Map<string, number>;
  readonly matched: Set<number>;
  readonly said: Set<number>;
}

/**
 * Scores every passage that matches a concept: the sum of its concepts' scores, scaled by how
 * much of the question it covers (a passage with every word of the question beats one that
 * repeats a single word often) and by how much of it its whole article covers (a question
 * names its topic once, and the paragraph that answers often says only the detail asked for).
 */
export function rank(concepts: readonly Concept[], retrieved: readonly (ConceptMatches | undefined)[], articleOf: (id: number) => Article, options: RankOptions): Ranking {
  const totalWeight = concepts.reduce((sum, c) => sum + c.weight, 0);
  let unknownWeight = 0;
  const unmatched: number[] = [];
  const combined = new Map<number, Combined>();
  // Per article, the best coverage of each concept by any of its passages, summed over concepts.
  const byArticle = new Map<Article, number>();
  // Per article, the weight of the concepts its description says as asked.
  const byDescription = new Map<Article, number>();
  for (const [index, concept] of concepts.entries()) {
    const found = retrieved[index];
    if (found === undefined) continue;
    const { matches, direct } = found;
    if (matches.size === 0 && !concept.frame) {
      unknownWeight += concept.weight;
      unmatched.push(index);
    }
    if (options.articleWeight > 0) {
      const best = new Map<Article, number>();
      for (const [id, match] of matches) {
        const article = articleOf(id);
        best.set(article, Math.max(best.get(article) ?? 0, match.covered));
      }
      for (const [article, covered] of best) byArticle.set(article, (byArticle.get(article) ?? 0) + concept.weight * covered);
    }
    const describing = new Set<Article>();
    for (const id of found.described) describing.add(articleOf(id));
    for (const article of describing) byDescription.set(article, (byDescription.get(article) ?? 0) + concept.weight);
    for (const [id, match] of matches) {
      const entry = combined.get(id) ?? { score: 0, covered: 0, exact: 0, matched: new Set<number>(), said: new Set<number>(), textual: false, terms: new Map<string, number>() };
      if (isContent(concept)) {
        entry.matched.add(index);
        if (match.local) entry.said.add(index);
      }
      entry.score += match.score;
      entry.covered += concept.weight * match.covered;
      entry.exact += concept.weight * (direct.get(id) ?? 0);
      entry.textual ||= match.textual;
      for (const [term, weight] of match.terms) entry.terms.set(term, weight);
      combined.set(id, entry);
    }
  }
  const ranked: Ranked[] = [];
  for (const [id, entry] of combined) {
    const coverage = entry.covered / totalWeight;
    // A passage must itself say one of the words, not just sit under a matching title.
    if (coverage < options.minCoverage || !entry.textual) continue;
    const articleCoverage = (byArticle.get(articleOf(id)) ?? 0) / totalWeight;
    ranked.push({ id, score: entry.score * coverage ** options.coverageExponent * (1 + options.articleWeight * articleCoverage ** options.coverageExponent), coverage, exactCoverage: entry.exact / totalWeight, matched: entry.matched, said: entry.said, terms: entry.terms, describedShare: (byDescription.get(articleOf(id)) ?? 0) / totalWeight });
  }
  ranked.sort((a, b) => b.score - a.score || a.id - b.id);
  return { ranked, unknownShare: totalWeight > 0 ? unknownWeight / totalWeight : 0, unmatched };
}
