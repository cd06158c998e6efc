import type { Article } from '../corpus/types.js';
import { excerpt, mark } from '../search/present/excerpt.js';
import { messages } from '../answers/i18n.js';
import type { Answer, EngineStats, Passage } from '../search/types.js';
import type { CliLang } from './args.js';

/** The words of the readable output, per language. */
const WORDS = {
  en: {
    noTerms: (q: string) => `No searchable words in "${q}".`,
    nothing: (q: string) => `Nothing in the corpus answers "${q}".`,
    paragraph: (n: number) => `paragraph ${n}`,
    part: (i: number, n: number) => `part ${i} of ${n}`,
    byline: 'title, author, date',
    by: 'by',
  },
  de: {
    noTerms: (q: string) => `Keine suchbaren Wörter in „${q}“.`,
    nothing: (q: string) => `Nichts im Korpus beantwortet „${q}“.`,
    paragraph: (n: number) => `Absatz ${n}`,
    part: (i: number, n: number) => `Teil ${i} von ${n}`,
    byline: 'Titel, Autor, Datum',
    by: 'von',
  },
} as const;

/** Characters of a passage shown in the readable output. */
const EXCERPT_CHARS = 320;

/** The readable answer: title, file, paragraph number and a highlighted excerpt per passage. */
export function formatAnswer(answer: Answer, color: boolean, lang: CliLang = 'en'): string {
  const words = WORDS[lang];
  const [open, close] = color ? ['\x1b[1m', '\x1b[22m'] : ['**', '**'];
  if (answer.passages.length === 0) return `${answer.abstained === 'no-terms' ? words.noTerms(answer.query) : words.nothing(answer.query)}\n`;
  // The same words as the bot's and the console's (answers/i18n.ts).
  const lead = answer.confidence === 'uncertain' ? `${messages(lang).uncertainLead(answer.missing)}\n\n` : '';
  const passages = answer.passages.map((passage, i) => {
    const cut = excerpt(passage, EXCERPT_CHARS);
    const heading = passage.heading ? ` — ${passage.heading}` : '';
    return `${i + 1}. ${passage.title}${heading}\n   ${passage.file}, ${where(passage, lang)}\n   ${mark(cut.text, cut.highlights, open, close)}\n`;
  });
  return lead + passages.join('\n');
}

function where(passage: Passage, lang: CliLang): string {
  const words = WORDS[lang];
  if (passage.kind === 'byline') return words.byline;
  const paragraph = words.paragraph(passage.paragraph);
  return passage.part === undefined ? paragraph : `${paragraph}, ${words.part(passage.part.index, passage.part.count)}`;
}

/** The JSON line of one answer. */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    query: answer.query,
    confidence: answer.confidence,
    missing: answer.missing,
    hits: answer.passages.map((p) => ({ file: p.file, title: p.title, heading: p.heading ?? null, paragraph: p.paragraph, text: p.text, score: p.score })),
  });
}

export function formatArticle(article: Article, lang: CliLang = 'en'): string {
  const lines = [article.title, article.file];
  if (article.byline !== undefined) lines.push(`${WORDS[lang].by} ${article.byline}${article.date ? `, ${article.date}` : ''}`);
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

/** The stats as text; `more` lines (semantic search) go after the counts, before the skipped files. */
export function formatStats(stats: EngineStats, more: readonly string[] = []): string {
  const lines = [
    `corpus:     ${stats.corpusDir}`,
    `articles:   ${stats.articles}`,
    `paragraphs: ${stats.paragraphs}`,
    `terms:      ${stats.terms}`,
    `build:      ${stats.buildMs} ms`,
    ...more,
    `skipped:    ${stats.skipped.length}`,
    ...stats.skipped.map((s) => `  ${s.file}: ${s.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
