/**
 * The words of `/corpus` (moderators curating the corpus from Discord), in German and English.
 * Apart from i18n.ts, which holds what every user reads.
 */
import type { CurationProblem } from '../curation/errors.js';
import type { Locale } from './i18n.js';

/** What a refused change needs to be explained. */
export interface ProblemDetail {
  readonly file?: string;
  readonly maxBytes: number;
  readonly timeoutSeconds: number;
}

export interface CorpusMessages {
  readonly denied: string;
  readonly added: string;
  readonly replaced: string;
  readonly notIndexed: (reason: string) => string;
  readonly articleLine: (file: string, paragraphs: number, articles: number, totalParagraphs: number) => string;
  readonly title: string;
  readonly byline: string;
  readonly firstPassage: string;
  readonly refusedTitle: string;
  readonly problem: (problem: CurationProblem, detail: ProblemDetail) => string;
  readonly noFile: string;
  readonly confirmTitle: (file: string) => string;
  readonly confirmText: (title: string, paragraphs: number) => string;
  readonly confirmButton: string;
  readonly removed: (file: string) => string;
  readonly removedText: (articles: number, paragraphs: number) => string;
  readonly removeFailed: (reason: string) => string;
  readonly listTitle: (articles: number, paragraphs: number) => string;
  readonly listEntry: (paragraphs: number, size: string, source: string) => string;
  readonly operator: string;
  readonly uploadedBy: (name: string, date: string) => string;
  readonly uploadedUnknown: string;
  readonly more: (n: number) => string;
}

/** 1536 → "1.5 KiB"; the unit a moderator compares with the limit. */
export function formatBytes(bytes: number | undefined, locale: Locale): string {
  if (bytes === undefined) return '?';
  const [value, unit] = bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB'];
  const shown = unit === 'B' ? String(value) : value.toFixed(1);
  return `${locale === 'de' ? shown.replace('.', ',') : shown} ${unit}`;
}

/** "1 Absatz", "3 Absätze". */
const absaetze = (n: number): string => `${n} ${n === 1 ? 'Absatz' : 'Absätze'}`;
/** "1 paragraph", "3 paragraphs". */
const paragraphsEn = (n: number): string => `${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`;

const de: CorpusMessages = {
  denied: 'Nur Moderatoren (Server verwalten oder eine Moderatorenrolle) dürfen den Korpus ändern.',
  added: 'Artikel hinzugefügt',
  replaced: 'Artikel ersetzt',
  notIndexed: (reason) => `Die Datei ist gespeichert, aber nicht im Index: ${reason}`,
  articleLine: (file, paragraphs, articles, total) => `${file} · ${absaetze(paragraphs)}\nIndex: ${articles} Artikel, ${total} Absätze`,
  title: 'Titel',
  byline: 'Autor und Datum',
  firstPassage: 'Erster Absatz',
  refusedTitle: 'Nicht übernommen',
  problem: (problem, d) => {
    switch (problem) {
      case 'extension':
        return 'Nur .txt- und .md-Dateien können Artikel werden.';
      case 'name':
        return 'Der Dateiname enthält keine Buchstaben oder Ziffern, die sich behalten lassen.';
      case 'too-large':
        return `Die Datei ist größer als die erlaubten ${formatBytes(d.maxBytes, 'de')}.`;
      case 'not-utf8':
        return 'Die Datei ist kein UTF-8-Text. Bitte als UTF-8 speichern und erneut hochladen.';
      case 'binary':
        return 'Die Datei ist keine Textdatei.';
      case 'empty':
        return 'Die Datei enthält keinen Absatz Text.';
      case 'exists':
        return `${d.file ?? 'Die Datei'} gibt es schon. Mit replace:true hochladen, um sie zu ersetzen.`;
      case 'not-cdn':
        return 'Der Anhang liegt nicht auf Discords CDN; es wurde nichts geladen.';
      case 'download':
        return 'Der Anhang ließ sich nicht laden. Bitte erneut versuchen.';
      case 'timeout':
        return `Das Laden des Anhangs dauerte länger als ${d.timeoutSeconds} s und wurde abgebrochen.`;
      case 'not-found':
        return `Es gibt keinen hochgeladenen Artikel ${d.file ?? ''}.`.replace(' .', '.');
      case 'not-uploaded':
        return `${d.file ?? 'Der Artikel'} wurde vom Betreiber abgelegt und lässt sich nicht aus Discord entfernen; nur hochgeladene Artikel.`;
    }
  },
  noFile: 'Bitte eine .txt- oder .md-Datei anhängen.',
  confirmTitle: (file) => `${file} entfernen?`,
  confirmText: (title, paragraphs) => `„${title}“ · ${absaetze(paragraphs)}\nDie Datei wird gelöscht und der Index neu geladen.`,
  confirmButton: 'Entfernen',
  removed: (file) => `${file} entfernt`,
  removedText: (articles, paragraphs) => `Index: ${articles} Artikel, ${paragraphs} Absätze`,
  removeFailed: (reason) => `Die Datei ist gelöscht, aber der Index konnte nicht neu geladen werden (${reason}); der bisherige Index bleibt in Betrieb.`,
  listTitle: (articles, paragraphs) => `Korpus: ${articles} Artikel, ${paragraphs} Absätze`,
  listEntry: (paragraphs, size, source) => `${absaetze(paragraphs)} · ${size} · ${source}`,
  operator: 'vom Betreiber',
  uploadedBy: (name, date) => `hochgeladen von ${name} am ${date}`,
  uploadedUnknown: 'hochgeladen',
  more: (n) => `… und ${n} weitere`,
};

const en: CorpusMessages = {
  denied: 'Only moderators (Manage Server or a moderator role) may change the corpus.',
  added: 'Article added',
  replaced: 'Article replaced',
  notIndexed: (reason) => `The file is saved, but not in the index: ${reason}`,
  articleLine: (file, paragraphs, articles, total) => `${file} · ${paragraphsEn(paragraphs)}\nIndex: ${articles} articles, ${total} paragraphs`,
  title: 'Title',
  byline: 'Author and date',
  firstPassage: 'First paragraph',
  refusedTitle: 'Not taken',
  problem: (problem, d) => {
    switch (problem) {
      case 'extension':
        return 'Only .txt and .md files can become articles.';
      case 'name':
        return 'The file name has no letters or digits that could be kept.';
      case 'too-large':
        return `The file is larger than the limit of ${formatBytes(d.maxBytes, 'en')}.`;
      case 'not-utf8':
        return 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.';
      case 'binary':
        return 'The file is not a text file.';
      case 'empty':
        return 'The file has no paragraph of text.';
      case 'exists':
        return `${d.file ?? 'The file'} exists. Upload it with replace:true to replace it.`;
      case 'not-cdn':
        return "The attachment is not on Discord's CDN; nothing was fetched.";
      case 'download':
        return 'The attachment could not be downloaded. Please try again.';
      case 'timeout':
        return `Downloading the attachment took longer than ${d.timeoutSeconds} s and was abandoned.`;
      case 'not-found':
        return `There is no uploaded article ${d.file ?? ''}.`.replace(' .', '.');
      case 'not-uploaded':
        return `${d.file ?? 'The article'} was placed by the operator and cannot be removed from Discord; only uploads can.`;
    }
  },
  noFile: 'Please attach a .txt or .md file.',
  confirmTitle: (file) => `Remove ${file}?`,
  confirmText: (title, paragraphs) => `"${title}" · ${paragraphsEn(paragraphs)}\nThis deletes the file and reloads the index.`,
  confirmButton: 'Remove',
  removed: (file) => `${file} removed`,
  removedText: (articles, paragraphs) => `Index: ${articles} articles, ${paragraphs} paragraphs`,
  removeFailed: (reason) => `The file is deleted, but the index could not be reloaded (${reason}); the previous index stays in service.`,
  listTitle: (articles, paragraphs) => `Corpus: ${articles} articles, ${paragraphs} paragraphs`,
  listEntry: (paragraphs, size, source) => `${paragraphsEn(paragraphs)} · ${size} · ${source}`,
  operator: 'placed by the operator',
  uploadedBy: (name, date) => `uploaded by ${name} on ${date}`,
  uploadedUnknown: 'uploaded',
  more: (n) => `… and ${n} more`,
};

export function corpusMessages(locale: Locale): CorpusMessages {
  return locale === 'de' ? de : en;
}
