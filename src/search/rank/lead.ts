import type { Ranked } from './rank.js';

/**
 * The ranking with the lead passages of the pages it is about weighed `1 + weight` times. A
 * reference page's first paragraph under its description ("Jede DATEI mit Zeilennummern in die
 * Standardausgabe schreiben." in nl(1)) says what the tool does, which is what most questions
 * about a tool ask; its other paragraphs are options and details. A page is what the question
 * is about when its one-line description says one of the question's own words: a translation or
 * a synonym meets some description of a thousand pages by chance.
 */
export function liftLeads(ranked: readonly Ranked[], isLead: (id: number) => boolean, weight: number): Ranked[] {
  if (weight === 0) return [...ranked];
  return ranked
    .map((entry) => (entry.describedShare > 0 && isLead(entry.id) ? { ...entry, score: entry.score * (1 + weight) } : entry))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
