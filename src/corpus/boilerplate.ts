import { createHash } from 'node:crypto';
import type { Line } from './lines.js';

/**
 * Lines that recur across articles: adverts, newsletter boxes, "Themen:" blocks, license
 * footers. They are found by the general rule "the same line in two or more different
 * articles", never by their wording. Identical files count once, so that a file copied
 * under another name does not turn its whole text into boilerplate; and articles that share
 * most of their lines are versions of one text (a man page and its aliases: ls, dir, vdir),
 * whose shared lines are their content, not boilerplate.
 */
export class RecurringLines {
  /** Line key → the files that have it. */
  private readonly files = new Map<string, string[]>();
  private readonly seenContent = new Set<string>();
  /** File → files it shares at least NEAR_DUPLICATE_SHARE of its lines with; computed on first use. */
  private nearDuplicates: Map<string, Set<string>> | undefined;

  /** Registers one article's lines. */
  add(file: string, content: string, lines: readonly Line[]): void {
    const hash = createHash('sha1').update(content).digest('base64');
    if (this.seenContent.has(hash)) return;
    this.seenContent.add(hash);
    const keys = new Set(lines.map((line) => keyOf(line.text)));
    keys.delete('');
    for (const key of keys) {
      const list = this.files.get(key);
      if (list === undefined) this.files.set(key, [file]);
      else list.push(file);
    }
    this.nearDuplicates = undefined;
  }

  /** Whether this line stands in two or more different articles (`file`'s versions counting as one). */
  recurs(text: string, file?: string): boolean {
    const files = this.files.get(keyOf(text));
    if (files === undefined || files.length < 2) return false;
    if (file === undefined) return true;
    const versions = this.versionsOf(file);
    return files.some((other) => other !== file && !versions.has(other));
  }

  private versionsOf(file: string): ReadonlySet<string> {
    this.nearDuplicates ??= this.findNearDuplicates();
    return this.nearDuplicates.get(file) ?? NONE;
  }

  /**
   * Pairs of files that share most of their lines. Only lines in a few files can show it: a
   * line in hundreds of files (a translation credit) is boilerplate, and pairing its files
   * would cost the square of their number.
   */
  private findNearDuplicates(): Map<string, Set<string>> {
    const shared = new Map<string, number>();
    // Per file, its lines that can show it: those in at most MAX_VERSIONS files.
    const telling = new Map<string, number>();
    for (const files of this.files.values()) {
      if (files.length > MAX_VERSIONS) continue;
      for (const file of files) telling.set(file, (telling.get(file) ?? 0) + 1);
      if (files.length < 2) continue;
      for (let i = 0; i < files.length; i++) {
        for (let j = i + 1; j < files.length; j++) {
          const pair = `${files[i]}\u0000${files[j]}`;
          shared.set(pair, (shared.get(pair) ?? 0) + 1);
        }
      }
    }
    const near = new Map<string, Set<string>>();
    for (const [pair, count] of shared) {
      const [a, b] = pair.split('\u0000') as [string, string];
      if (count < NEAR_DUPLICATE_SHARE * Math.min(telling.get(a) ?? 0, telling.get(b) ?? 0)) continue;
      for (const [x, y] of [[a, b], [b, a]] as const) near.set(x, (near.get(x) ?? new Set()).add(y));
    }
    return near;
  }
}

const NONE: ReadonlySet<string> = new Set();
/**
 * Two articles that share at least this share of the shorter one's telling lines are versions
 * of one text: ls, dir and vdir share 97 %; the seeds 000 and 001 share 62 %, in adverts.
 */
const NEAR_DUPLICATE_SHARE = 0.8;
/** Lines in more files than this do not count towards versions (see findNearDuplicates). */
const MAX_VERSIONS = 8;

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
