import type { SemanticSearch } from '../answers/semantic.js';

/**
 * The one line a person sees when the console starts: what it serves and how to use it; with
 * semantic search, a second line saying whether it works and where questions are sent.
 */
export function consoleGreeting(corpusDir: string, articles: number, paragraphs: number, semantic?: SemanticSearch): string {
  const greeting = `Quelle (lokale Konsole, ohne DISCORD_TOKEN): ${articles} Artikel, ${paragraphs} Absätze aus ${corpusDir}. Stellen Sie einfach eine Frage; /help zeigt die Befehle, /quit oder Strg-D beendet.`;
  return semantic === undefined ? greeting : `${greeting}\n${semantic.status('de')} ${semantic.privacy('de')}`;
}
