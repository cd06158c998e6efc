import type { Reply, RichText } from '../answers/reply.js';
import { mark } from '../search/present/excerpt.js';
import { wrapText } from './wrap.js';

export interface TextStyle {
  /** Marks around emphasised words: ANSI bold in a terminal, `**` in a pipe. */
  readonly bold: readonly [string, string];
}

export const PLAIN_STYLE: TextStyle = { bold: ['**', '**'] };
export const TERMINAL_STYLE: TextStyle = { bold: ['\x1b[1m', '\x1b[22m'] };

/** How a button is reached in the console. */
const CONSOLE_ACTIONS = { page: '/more', cite: '/cite', publish: undefined } as const;

/**
 * The reply as terminal text: title, sections with their sources, footer, console actions;
 * wrapped at word boundaries to `width` columns when given (a terminal), not in a pipe.
 */
export function renderText(reply: Reply, style: TextStyle = PLAIN_STYLE, width?: number): string {
  const lines: string[] = [reply.title];
  if (reply.text !== undefined) lines.push(rich(reply.text, style));
  for (const section of reply.sections) {
    // A citation's title ("Absatz 8") stands in its source line too ("a.txt · Absatz 8").
    const titled = section.source === undefined || !section.source.endsWith(section.title);
    lines.push('');
    if (titled) lines.push(section.title);
    if (section.source !== undefined) lines.push(titled ? `   ${section.source}` : section.source);
    const body = rich(section.body, style);
    const prefix = section.quote ? '   > ' : '   ';
    lines.push(...body.split('\n').map((line) => prefix + line));
  }
  if (reply.footer !== undefined) lines.push('', reply.footer);
  const hints: string[] = [];
  const cites = reply.buttons.filter((b) => b.action.kind === 'cite').length;
  if (cites > 0) hints.push(`${CONSOLE_ACTIONS.cite} 1${cites > 1 ? `–${cites}` : ''}`);
  if (reply.buttons.some((b) => b.action.kind === 'page')) hints.push(CONSOLE_ACTIONS.page);
  if (hints.length > 0) lines.push(`(${hints.join(' · ')})`);
  const text = lines.join('\n');
  return `${width === undefined ? text : wrapText(text, width)}\n`;
}

function rich(text: RichText, style: TextStyle): string {
  return mark(text.text, text.bold, style.bold[0], style.bold[1]);
}
