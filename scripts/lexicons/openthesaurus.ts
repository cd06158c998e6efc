/**
 * OpenThesaurus (Debian `openthesaurus-de-text`, /usr/share/openthesaurus-de/openthesaurus.txt):
 * one synonym set a line, members separated by `;`, with notes in parentheses:
 * `EU (Abkürzung);Europäische Union`, `Einfuhr;Import`.
 */
import { cleanVariant } from './ding.js';

/** The members of one synonym set, cleaned; short words and phrases only. */
export function parseSynsetLine(line: string, maxWords = 3): string[][] {
  if (line.startsWith('#')) return [];
  const members: string[][] = [];
  for (const member of line.split(';')) {
    const words = cleanVariant(member, maxWords);
    if (words !== undefined) members.push(words);
  }
  return members;
}
