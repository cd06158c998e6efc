/** One non-empty line of an article, cleaned. */
export interface Line {
  /** Cleaned text, without bullet marker or Markdown heading marks. */
  readonly text: string;
  /** Starts with a bullet (`•`, `-`, `*`, `–`, `·`). */
  readonly bullet: boolean;
  /** A Markdown heading (`# …`). */
  readonly markdownHeading: boolean;
  /**
   * Starts with a space or tab in the file: in a man page an example or a table row inside a
   * section ("    dmesg --level=err,warn"), never the section's heading.
   */
  readonly indented: boolean;
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

/** Longest term of a definition ("-R, -r, --recursive", "--block-size=GRÖSSE"). */
const MAX_TERM_CHARS = 80;
const INDENTED = /^[ \t]/;

/** A line that can be the term of a definition: short, no sentence, no bullet or heading. */
function isTerm(line: Line): boolean {
  return !line.bullet && !line.markdownHeading && line.text.length <= MAX_TERM_CHARS && !/[.!?…:;]$/u.test(line.text);
}

/**
 * Text → cleaned non-empty lines. Paragraphs are lines: both blank-line and single-newline
 * files occur. A definition is one paragraph: a term line directly followed, with no blank
 * line between, by its indented description (a man page's "-R, -r, --recursive" over
 * "       Verzeichnisse rekursiv kopieren"). Apart, the term would be taken for a heading and a
 * short description for a stray label; together they say what the option does.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  /** The last line is a term on a line of its own, right above this one: it may take an indented description. */
  let open = false;
  for (const raw of text.split('\n')) {
    let line = cleanLine(raw);
    const continues = open && line !== '' && INDENTED.test(raw);
    if (line === '') {
      open = false;
      continue;
    }
    const markdownHeading = MD_HEADING.test(line);
    if (markdownHeading) line = line.replace(MD_HEADING, '').replace(/\s+#+$/, '');
    const bullet = !markdownHeading && BULLET.test(line);
    if (bullet) line = line.replace(BULLET, '');
    if (line === '') continue;
    const last = lines[lines.length - 1];
    if (continues && last !== undefined && !bullet && !markdownHeading) {
      lines[lines.length - 1] = { ...last, text: `${last.text} ${line}` };
      open = false;
      continue;
    }
    const indented = INDENTED.test(raw);
    const entry = { text: line, bullet, markdownHeading, indented };
    lines.push(entry);
    open = !indented && isTerm(entry);
  }
  return lines;
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (!lower.startsWith('#')) return ENTITIES[lower] ?? `&${name};`;
  const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${name};`;
}
