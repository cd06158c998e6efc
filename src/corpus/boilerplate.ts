import { createHash } from 'node:crypto';
import type { Line } from './lines.js';

/**
 * Lines that recur across articles: adverts, newsletter boxes, "Themen:" blocks, license
 * footers. They are found by the general rule "the same line in two or more different
 * articles", never by their wording. Identical files count once, so that a file copied
 * under another name does not turn its whole text into boilerplate.
 */
export class RecurringLines {
  private readonly counts = new Map<string, number>();
  private readonly seenContent = new Set<string>();

  /** Registers one article's lines. */
  add(content: string, lines: readonly Line[]): void {
    const hash = createHash('sha1').update(content).digest('base64');
    if (this.seenContent.has(hash)) return;
    this.seenContent.add(hash);
    const keys = new Set(lines.map((line) => keyOf(line.text)));
    for (const key of keys) {
      if (key !== '') this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  /** Whether this line stands in two or more different articles. */
  recurs(text: string): boolean {
    return (this.counts.get(keyOf(text)) ?? 0) >= 2;
  }
}

// Case does not make a line different. Kept cheap: it runs twice for every line of the corpus.
function keyOf(text: string): string {
  return text.toLowerCase();
}

/** Short enough to be a menu entry or a tag rather than a sentence. */
function isLinkLike(line: Line): boolean {
  return line.bullet && line.text.length <= 50 && line.text.split(' ').length <= 6 && !/[.!?]$/.test(line.text);
}

/**
 * Indexes of lines that belong to link lists: two or more consecutive bullet lines that are
 * each too short to be a sentence (navigation menus, "Themen: #Aktien #…" tag lists).
 */
export function linkListLines(lines: readonly Line[]): Set<number> {
  const out = new Set<number>();
  let runStart = -1;
  const close = (end: number) => {
    if (runStart >= 0 && end - runStart >= 2) for (let i = runStart; i < end; i++) out.add(i);
    runStart = -1;
  };
  lines.forEach((line, i) => {
    if (isLinkLike(line)) {
      if (runStart < 0) runStart = i;
    } else {
      close(i);
    }
  });
  close(lines.length);
  return out;
}
