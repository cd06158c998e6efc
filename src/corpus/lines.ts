/** One non-empty line of an article, cleaned. */
export interface Line {
  /** Cleaned text, without bullet marker or Markdown heading marks. */
  readonly text: string;
  /** Starts with a bullet (`•`, `-`, `*`, `–`, `·`). */
  readonly bullet: boolean;
  /** A Markdown heading (`# …`). */
  readonly markdownHeading: boolean;
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/gi;
// Zero-width and bidi control characters: invisible, but they would split words.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/g;
// Control characters (NUL, BEL, ESC…), also as entities (&#0;): never text, never sent on.
const CONTROL = /\p{Cc}/gu;
const BULLET = /^(?:[•·▪●◦‣*–-])\s+/u;
const MD_HEADING = /^#{1,6}\s+/;

function cleanLine(raw: string): string {
  return raw
    .replace(TAG, '')
    .replace(ENTITY, (_, name: string) => decodeEntity(name))
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text → cleaned non-empty lines. Paragraphs are lines: both blank-line and single-newline files occur. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    let line = cleanLine(raw);
    if (line === '') continue;
    const markdownHeading = MD_HEADING.test(line);
    if (markdownHeading) line = line.replace(MD_HEADING, '').replace(/\s+#+$/, '');
    const bullet = !markdownHeading && BULLET.test(line);
    if (bullet) line = line.replace(BULLET, '');
    if (line !== '') lines.push({ text: line, bullet, markdownHeading });
  }
  return lines;
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (!lower.startsWith('#')) return ENTITIES[lower] ?? `&${name};`;
  const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${name};`;
}
