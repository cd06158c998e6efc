import type { Article } from '../corpus/types.js';
import { excerpt, mark } from '../search/excerpt.js';
import type { Answer, EngineStats } from '../search/types.js';

/** Characters of a passage shown in the readable output. */
const EXCERPT_CHARS = 320;

/** The readable answer: title, file, paragraph number and a highlighted excerpt per passage. */
export function formatAnswer(answer: Answer, color: boolean): string {
  const [open, close] = color ? ['\x1b[1m', '\x1b[22m'] : ['**', '**'];
  if (answer.passages.length === 0) {
    return answer.abstained === 'no-terms'
      ? `No searchable words in "${answer.query}".\n`
      : `Nothing in the corpus answers "${answer.query}".\n`;
  }
  return answer.passages
    .map((passage, i) => {
      const cut = excerpt(passage, EXCERPT_CHARS);
      const heading = passage.heading ? ` — ${passage.heading}` : '';
      return `${i + 1}. ${passage.title}${heading}\n   ${passage.file}, ${passage.kind === 'byline' ? 'title, author, date' : `paragraph ${passage.paragraph}${passage.part === undefined ? '' : `, part ${passage.part.index} of ${passage.part.count}`}`}\n   ${mark(cut.text, cut.highlights, open, close)}\n`;
    })
    .join('\n');
}

/** The JSON line of one answer. */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    query: answer.query,
    hits: answer.passages.map((p) => ({ file: p.file, title: p.title, heading: p.heading ?? null, paragraph: p.paragraph, text: p.text, score: p.score })),
  });
}

export function formatArticle(article: Article): string {
  const lines = [article.title, article.file];
  if (article.byline !== undefined) lines.push(`by ${article.byline}${article.date ? `, ${article.date}` : ''}`);
  else if (article.date !== undefined) lines.push(article.date);
  lines.push('');
  let heading: string | undefined;
  for (const paragraph of article.paragraphs) {
    if (paragraph.heading !== heading && paragraph.heading !== undefined) lines.push(`## ${paragraph.heading}`, '');
    heading = paragraph.heading;
    lines.push(`[${paragraph.number}] ${paragraph.text}`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function formatStats(stats: EngineStats): string {
  const lines = [
    `corpus:     ${stats.corpusDir}`,
    `articles:   ${stats.articles}`,
    `paragraphs: ${stats.paragraphs}`,
    `terms:      ${stats.terms}`,
    `build:      ${stats.buildMs} ms`,
    `skipped:    ${stats.skipped.length}`,
    ...stats.skipped.map((s) => `  ${s.file}: ${s.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
