/**
 * Word wrapping for the terminal: lines break at spaces to fit the width, and a continued line
 * keeps the indent (and the quote mark) of the line it continues; a numbered line ("3. sane(5):
 * …") continues under its text, past the number. ANSI marks (bold) take no columns. Words longer
 * than a line are broken where they must be.
 */
// eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC
const ANSI = /\x1b\[[0-9;]*m/gu;
const INDENT = /^(\s*(?:> )?)/u;
const NUMBERED = /^(\d+\. )/u;

/** Columns a text takes on screen. */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  const number = NUMBERED.exec(line)?.[1];
  const indent = number ?? INDENT.exec(line)?.[1] ?? '';
  const continued = number === undefined ? indent : ' '.repeat(number.length);
  const room = Math.max(10, width - indent.length);
  const out: string[] = [];
  let current = '';
  for (const word of line.slice(indent.length).split(' ')) {
    if (word === '') continue;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (visibleLength(candidate) <= room) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    current = word;
    // A word wider than the line (a URL, a long file name): broken into pieces.
    while (visibleLength(current) > room) {
      out.push(current.slice(0, room));
      current = current.slice(room);
    }
  }
  if (current !== '') out.push(current);
  return out.map((part, i) => (i === 0 ? indent : continued) + part).join('\n');
}
