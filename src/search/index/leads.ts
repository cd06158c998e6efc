import type { IndexedDoc } from './documents.js';
import { titleParts } from './title-parts.js';

/** The section of a reference page that says what the tool does. */
const DESCRIPTION_HEADING = /^(?:BESCHREIBUNG|DESCRIPTION)$/u;

/**
 * Ids of the lead passages: on every page whose title has a description (a man page's
 * `cp(1): cp - Dateien und Verzeichnisse kopieren`), the first passage under BESCHREIBUNG or
 * DESCRIPTION. A news article has none: its first paragraph is a teaser, not a summary of
 * what every other paragraph details.
 */
export function leadPassages(docs: readonly IndexedDoc[]): Set<number> {
  const leads = new Set<number>();
  const done = new Set<IndexedDoc['article']>();
  for (const doc of docs) {
    if (done.has(doc.article) || doc.paragraph.heading === undefined || !DESCRIPTION_HEADING.test(doc.paragraph.heading)) continue;
    done.add(doc.article);
    if (titleParts(doc.article.title).description !== '') leads.add(doc.id);
  }
  return leads;
}
