/** The one line a person sees when the console starts: what it serves and how to use it. */
export function consoleGreeting(corpusDir: string, articles: number, paragraphs: number): string {
  return `Quelle (lokale Konsole, ohne DISCORD_TOKEN): ${articles} Artikel, ${paragraphs} Absätze aus ${corpusDir}. Stellen Sie einfach eine Frage; /help zeigt die Befehle, /quit oder Strg-D beendet.`;
}
