import { MONTH_NAMES } from './months.js';

/** Author and date lines: article metadata, not passages. */
export interface BylineParts {
  readonly byline: string;
  readonly date: string | undefined;
  /**
   * The line says something about the author ("Pavel Lokshin ist Russland-Korrespondent…"):
   * content a reader may ask about, so it stays a paragraph as well.
   */
  readonly note?: true;
}

const MONTH = `(?:${MONTH_NAMES})`;
const DATE = `(\\d{1,2}\\.\\s*${MONTH}\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})`;
const NAME = "\\p{Lu}[\\p{L}'.-]+(?:\\s+(?:von|van|de|der|zur|zu|\\p{Lu}[\\p{L}'.-]+)){1,3}";

/** "14. November 2025 | Pepe Escobar", "Pepe Escobar | 14. November 2025" */
const DATE_AND_AUTHOR = new RegExp(`^${DATE}\\s*[|·•–-]\\s*(${NAME})$`, 'u');
const AUTHOR_AND_DATE = new RegExp(`^(${NAME})\\s*[|·•–-]\\s*${DATE}$`, 'u');
/** "Von Pavel Lokshin", "By Jane Doe" */
const BY_AUTHOR = new RegExp(`^(?:Von|By)\\s+(${NAME})(?:\\s*[|,·]\\s*${DATE})?$`, 'u');
/** The author note at the end of news articles: "Pavel Lokshin ist Russland-Korrespondent. …" */
const AUTHOR_NOTE = new RegExp(
  `^(${NAME})\\s+(?:ist|war|is)\\s+[^.]{0,80}?(?:[Kk]orrespondent(?:in)?|[Rr]edakteur(?:in)?|[Aa]utor(?:in)?|[Jj]ournalist(?:in)?|[Rr]eporter(?:in)?|correspondent|editor|journalist)\\b`,
  'u',
);

/** The byline in one line, or undefined when the line is no byline. */
export function parseByline(line: string): BylineParts | undefined {
  if (line.length > 400) return undefined;
  let m = DATE_AND_AUTHOR.exec(line);
  if (m) return { byline: m[2] ?? line, date: m[1] };
  m = AUTHOR_AND_DATE.exec(line);
  if (m) return { byline: m[1] ?? line, date: m[2] };
  m = BY_AUTHOR.exec(line);
  if (m) return { byline: m[1] ?? line, date: m[2] };
  m = AUTHOR_NOTE.exec(line);
  if (m) return { byline: m[1] ?? line, date: undefined, note: true };
  return undefined;
}

/** "Haftungsausschluss: …", "Disclaimer: …": legal notes, not content. */
export function isDisclaimer(line: string): boolean {
  return /^(?:Haftungsausschluss|Disclaimer|Rechtlicher Hinweis)\s*:/i.test(line);
}
