import type { RecurringLines } from './boilerplate.js';
import { linkListLines } from './boilerplate.js';
import { isDisclaimer, parseByline } from './byline.js';
import type { Line } from './lines.js';
import type { Article, Paragraph } from './types.js';

/** A line the parser did not turn into a paragraph, and why (logged at debug level). */
export interface DroppedLine {
  readonly reason: 'boilerplate' | 'link list' | 'disclaimer' | 'byline' | 'orphan heading';
  readonly text: string;
}

export interface ParsedArticle {
  readonly article: Article;
  readonly dropped: readonly DroppedLine[];
}

/** Longest line that can still be a heading or a title. */
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;
/** A run of heading-like lines keeps the earlier ones as paragraphs only if they say something. */
const MIN_ORPHAN_WORDS = 4;
const DERIVED_TITLE_CHARS = 90;

/** A command-line option at the start of a line ("-H  Symbolischen Verweisen folgen", "--force"): a definition. */
const OPTION = /^--?[\p{L}\d?]/u;

/** A short line without closing punctuation: a title or section heading, not a paragraph. */
function isHeadingLike(line: Line): boolean {
  if (line.markdownHeading) return true;
  if (line.bullet || line.indented || line.text.length > MAX_HEADING_CHARS) return false;
  // An option without a full stop ("-v, --verbose Eine Diagnose für jede Datei ausgeben") says
  // what the option does; as a heading it would stand over every option after it.
  if (OPTION.test(line.text)) return false;
  if (!/\p{L}/u.test(line.text)) return false;
  // A footnote ("¹ CIPS: Cross-Border Inter-Bank Payments System") is content, however short.
  if (/^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d+\]|\(\d+\))\s/u.test(line.text)) return false;
  if (line.text.split(' ').length > MAX_HEADING_WORDS) return false;
  // A question can be a heading ("Ein neuer Weg der Globalisierung mit China im Zentrum?").
  return !/[.,;:!…"“”»«]$/u.test(line.text);
}

/**
 * One file's cleaned lines → an article: title, byline, headed paragraphs.
 * Boilerplate is judged against `recurring`, which has seen every file of the corpus.
 */
export function parseArticle(file: string, lines: readonly Line[], recurring: RecurringLines): ParsedArticle {
  const dropped: DroppedLine[] = [];
  const links = linkListLines(lines);
  const bylines: string[] = [];
  /** Notes on the authors: paragraphs, but under no heading of the article's body. */
  const notes = new Set<Line>();
  let date: string | undefined;

  // Pass 1: drop what is not content; keep the rest with its heading-likeness.
  const kept: Line[] = [];
  lines.forEach((line, i) => {
    const headingLike = isHeadingLike(line);
    if (links.has(i)) return dropped.push({ reason: 'link list', text: line.text });
    // A heading may recur ("BESCHREIBUNG" in every man page) and still give context.
    if (!headingLike && recurring.recurs(line.text, file)) return dropped.push({ reason: 'boilerplate', text: line.text });
    if (isDisclaimer(line.text)) return dropped.push({ reason: 'disclaimer', text: line.text });
    const byline = parseByline(line.text);
    if (byline) {
      bylines.push(byline.byline);
      date ??= byline.date;
      if (byline.note !== true) return dropped.push({ reason: 'byline', text: line.text });
      notes.add(line);
    }
    kept.push(line);
  });

  // The first line is the title when it looks like one (002_… opens with bullets instead).
  const first = kept[0];
  const hasTitleLine = first !== undefined && isHeadingLike(first) && kept.length > 1;
  const body = hasTitleLine ? kept.slice(1) : kept;

  // Pass 2: headings give context to the paragraphs below them.
  const paragraphs: Paragraph[] = [];
  let heading: string | undefined;
  body.forEach((line, i) => {
    const next = body[i + 1];
    if (isHeadingLike(line)) {
      if (next !== undefined && !isHeadingLike(next)) {
        heading = line.text;
        return;
      }
      // Heading-like but nothing follows it: a short paragraph, or a stray label.
      if (line.text.split(' ').length < MIN_ORPHAN_WORDS || recurring.recurs(line.text, file)) {
        dropped.push({ reason: 'orphan heading', text: line.text });
        return;
      }
    }
    // An indented label ("    dmesg --level=err,warn", a table row) belongs to the paragraph
    // above it: alone it says nothing, and as a heading it stood over every paragraph after it.
    const last = paragraphs[paragraphs.length - 1];
    if (line.indented && last !== undefined && last.heading === heading && isHeadingLike({ ...line, indented: false })) {
      paragraphs[paragraphs.length - 1] = { ...last, text: `${last.text} ${line.text}` };
      return;
    }
    paragraphs.push({ number: paragraphs.length + 1, heading: notes.has(line) ? undefined : heading, text: line.text });
  });

  const title = hasTitleLine && first ? first.text : deriveTitle(paragraphs[0]?.text ?? file);
  return {
    article: {
      file,
      title,
      titleDerived: !hasTitleLine,
      byline: bylines.length > 0 ? [...new Set(bylines)].join(', ') : undefined,
      date,
      paragraphs,
    },
    dropped,
  };
}

/** A title for an article without a title line: its first sentence, shortened at a word. */
export function deriveTitle(text: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  if (sentence.length <= DERIVED_TITLE_CHARS) return sentence.replace(/[.!]$/, '');
  const cut = sentence.slice(0, DERIVED_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}
