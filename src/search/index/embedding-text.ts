import type { IndexedDoc } from './documents.js';

/**
 * A passage as an embedding service reads it: its article's title and its heading before its
 * text, because an option paragraph ("-R, -r, --recursive Verzeichnisse rekursiv kopieren")
 * means something only with its page ("cp - Dateien und Verzeichnisse kopieren").
 */
export function embeddingText(doc: IndexedDoc): string {
  const context = [doc.article.title, doc.paragraph.heading].filter((part) => part !== undefined && part !== '').join(' — ');
  return context === '' ? doc.text : `${context}\n${doc.text}`;
}
