import { isContent, type Concept } from '../plan/plan.js';

const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

/**
 * How many things a question is about, and how many of them a passage matches. Words of one
 * name ("Wladimir Putin", "Xi Jinping") are one thing when the passage writes them side by
 * side; else each word is a thing of its own ("Computerspezialisten Russland" are two).
 * `matched` holds the indexes of the concepts the passage matches.
 */
export function contentThings(concepts: readonly Concept[], matched: ReadonlySet<number>, passage: string): { readonly things: number; readonly matched: number } {
  const text = fold(passage);
  let things = 0;
  let found = 0;
  let previous: Concept | undefined;
  let groupMatched = false;
  concepts.forEach((concept, i) => {
    if (!isContent(concept)) return;
    const joined = previous !== undefined && previous.unit === concept.unit && text.includes(fold(`${previous.surface} ${concept.surface}`));
    if (!joined) {
      if (groupMatched) found++;
      things++;
      groupMatched = false;
    }
    groupMatched ||= matched.has(i);
    previous = concept;
  });
  if (groupMatched) found++;
  return { things, matched: found };
}
