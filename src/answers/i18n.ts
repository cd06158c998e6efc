/**
 * Every word a user reads, in German and English. Replies are German when the user's
 * Discord client is German (`de`), English otherwise; the console uses German.
 */

export type Locale = 'de' | 'en';

/** `de`, `de-DE`, `de-AT` … → German; anything else, or nothing → English. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export interface Messages {
  readonly askTitle: (question: string) => string;
  readonly askFooter: (first: number, last: number, total: number) => string;
  readonly paragraphOf: (file: string, paragraph: number) => string;
  /** Where a byline passage (title, author, date) comes from. */
  readonly bylineOf: (file: string) => string;
  /** Which part of an over-long paragraph a passage is. */
  readonly partOf: (index: number, count: number) => string;
  readonly moreResults: string;
  readonly cite: (n: number) => string;
  readonly publish: string;
  readonly noTermsTitle: string;
  readonly noTermsText: string;
  readonly noMatchTitle: string;
  readonly noMatchText: (question: string) => string;
  readonly closestArticles: string;
  /** The heading of an uncertain answer, and its lead: not sure, and what the corpus has nothing for. */
  readonly uncertainTitle: (question: string) => string;
  readonly uncertainLead: (missing: readonly string[]) => string;
  readonly noMorePages: string;
  readonly questionTooLong: (max: number) => string;
  readonly cooldown: (seconds: number) => string;
  readonly sourceFooter: (paragraphs: number) => string;
  readonly byline: string;
  readonly firstParagraph: string;
  readonly paragraphTitle: (n: number) => string;
  readonly citeAs: string;
  readonly citation: (title: string, byline: string | undefined, paragraph: number | undefined, file: string) => string;
  readonly unknownArticleTitle: string;
  readonly unknownArticleText: (name: string) => string;
  readonly didYouMean: string;
  readonly paragraphNotFoundTitle: string;
  readonly paragraphOutOfRange: (paragraph: number, title: string, count: number) => string;
  readonly reloadTitle: string;
  readonly reloadSummary: (articlesBefore: number, articlesAfter: number, paragraphsBefore: number, paragraphsAfter: number, ms: number) => string;
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  readonly skipped: string;
  readonly unchanged: string;
  readonly reloadFailedTitle: string;
  readonly reloadFailedText: (reason: string, articles: number) => string;
  readonly reloadDenied: string;
  readonly helpTitle: string;
  readonly helpText: (articles: number, paragraphs: number) => string;
  readonly helpSections: readonly { readonly title: string; readonly text: string }[];
  readonly errorTitle: string;
  readonly errorText: string;
  readonly unknownActionTitle: string;
  readonly unknownActionText: string;
  /** A button pressed by someone the answer does not belong to, or in another channel. */
  readonly notYoursTitle: string;
  readonly notYoursText: string;
  readonly emptyMessage: string;
  /** Semantic search (EMBEDDINGS_URL): the heading in /help and /reload's reply… */
  readonly semanticTitle: string;
  /** …the service's state (EmbeddingHealth.describe) with the model… */
  readonly semanticStatus: (state: string, model: string, available: boolean) => string;
  /** …what a build did with the passages' vectors… */
  readonly semanticVectors: (passages: number, embedded: number, reused: number, missing: number) => string;
  /** …and that a new model's vectors replaced the old ones. */
  readonly semanticDimensionChanged: (from: number, to: number) => string;
}

const de: Messages = {
  askTitle: (q) => `Frage: ${q}`,
  askFooter: (first, last, total) => (first === last ? `Treffer ${first} von ${total}` : `Treffer ${first}–${last} von ${total}`),
  paragraphOf: (file, n) => `${file} · Absatz ${n}`,
  bylineOf: (file) => `${file} · Titel, Autor, Datum`,
  partOf: (index, count) => `Teil ${index} von ${count}`,
  moreResults: 'Weitere Treffer',
  cite: (n) => `Zitieren ${n}`,
  publish: 'Im Kanal posten',
  noTermsTitle: 'Keine Suchwörter erkannt',
  noTermsText: 'Die Frage enthält nur Füllwörter oder Zeichen. Fragen Sie mit Namen, Orten, Zahlen oder Fachbegriffen, z. B. „Handel zwischen Russland und China 2024“.',
  noMatchTitle: 'Dazu steht nichts im Korpus',
  noMatchText: (q) => `Kein Absatz beantwortet „${q}“ gut genug, daher zeige ich lieber nichts Falsches. Versuchen Sie andere oder genauere Begriffe (Namen, Orte, Zahlen).`,
  closestArticles: 'Am nächsten liegen diese Artikel',
  uncertainTitle: (q) => `Nicht sicher: ${q}`,
  uncertainLead: (missing) =>
    `Nicht sicher, ob das Ihre Frage beantwortet – am nächsten kommen diese Stellen.${missing.length === 0 ? '' : ` Zu ${missing.map((w) => `„${w}“`).join(', ')} steht nichts im Korpus.`}`,
  noMorePages: 'Keine weiteren Treffer.',
  questionTooLong: (max) => `Die Frage ist zu lang: höchstens ${max} Zeichen.`,
  cooldown: (s) => `Einen Moment bitte: Sie können in ${s} s wieder fragen.`,
  sourceFooter: (n) => `${n} Absätze`,
  byline: 'Autor/Datum',
  firstParagraph: 'Erster Absatz',
  paragraphTitle: (n) => `Absatz ${n}`,
  citeAs: 'Zitieren als',
  citation: (title, byline, paragraph, file) => `„${title}“${byline ? `, ${byline}` : ''}${paragraph === undefined ? '' : `, Abs. ${paragraph}`} (Quelle: ${file})`,
  unknownArticleTitle: 'Artikel nicht gefunden',
  unknownArticleText: (name) => `Im Korpus gibt es keinen Artikel „${name}“.`,
  didYouMean: 'Meinten Sie',
  paragraphNotFoundTitle: 'Absatz nicht gefunden',
  paragraphOutOfRange: (n, title, count) => `„${title}“ hat keinen Absatz ${n}; es gibt die Absätze 1 bis ${count}.`,
  reloadTitle: 'Index neu geladen',
  reloadSummary: (ab, aa, pb, pa, ms) => `Artikel: ${ab} → ${aa} · Absätze: ${pb} → ${pa} · Dauer: ${ms} ms`,
  added: 'Neu',
  removed: 'Entfernt',
  changed: 'Geändert',
  skipped: 'Übersprungen',
  unchanged: 'Keine Artikel geändert.',
  reloadFailedTitle: 'Neu laden fehlgeschlagen',
  reloadFailedText: (reason, n) => `${reason}\nDer bisherige Index (${n} Artikel) bleibt in Betrieb.`,
  reloadDenied: 'Nur Moderatoren (Server verwalten oder eine Moderatorenrolle) dürfen den Index neu laden.',
  helpTitle: 'Quelle – Fragen an das Korpus',
  helpText: (a, p) => `Ich beantworte Fragen mit den passenden Absätzen aus ${a} Artikeln (${p} Absätze) und nenne die Quelle.`,
  helpSections: [
    { title: '/ask Frage', text: 'Die drei besten Absätze mit Quelle; „Weitere Treffer“ blättert, „Zitieren“ postet einen Absatz als Zitat. Mit privat:true sehen nur Sie die Antwort.' },
    { title: 'Antwort, unsicher, nichts', text: 'Deckt ein Absatz die Frage ab, zeige ich ihn als Antwort. Kennt das Korpus nur einen Teil der Frage, zeige ich die nächsten Absätze unter „Nicht sicher“ und nenne, wozu nichts im Korpus steht. Findet sich nichts, sage ich das.' },
    { title: '/source Artikel [Absatz]', text: 'Zitiert einen Artikel (Titel, Autor, erster Absatz, Zitierzeile) oder einen einzelnen Absatz.' },
    { title: 'Im Korpus suchen', text: 'Rechtsklick auf eine Nachricht → Apps: nimmt ihren Text als Frage.' },
    { title: '/reload', text: 'Moderatoren: lädt das Korpus neu, ohne Ausfall.' },
    { title: '/report unanswered | feedback', text: 'Moderatoren: Fragen ohne oder mit unsicherer Antwort, und Antworten mit 👎.' },
    { title: '/corpus add | remove | list', text: 'Moderatoren: eine .txt- oder .md-Datei als Artikel hochladen, einen hochgeladenen Artikel entfernen, alle Artikel mit Herkunft auflisten.' },
  ],
  errorTitle: 'Das hat nicht geklappt',
  errorText: 'Beim Beantworten ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
  unknownActionTitle: 'Nicht mehr verfügbar',
  unknownActionText: 'Diese Schaltfläche oder dieser Befehl ist nicht (mehr) bekannt. Stellen Sie die Frage bitte neu mit /ask.',
  notYoursTitle: 'Nicht Ihre Antwort',
  notYoursText: 'Diese Schaltfläche gehört zu einer Antwort für jemand anderen. Stellen Sie Ihre eigene Frage mit /ask.',
  emptyMessage: 'Die Nachricht enthält keinen Text, nach dem ich suchen könnte.',
  semanticTitle: 'Semantische Suche',
  semanticStatus: (state, model, available) => `${state} (Modell ${model}).${available ? '' : ' Bis dahin beantworte ich Fragen allein nach ihren Wörtern.'}`,
  semanticVectors: (passages, embedded, reused, missing) =>
    `Vektoren der ${passages} Passagen: ${embedded} neu berechnet, ${reused} wiederverwendet, ${missing} fehlen.${missing > 0 ? ' Die fehlenden werden beim nächsten Neuladen oder Start berechnet.' : ''}`,
  semanticDimensionChanged: (from, to) => `Das Modell liefert jetzt ${to} statt ${from} Dimensionen: alle Passagen wurden neu berechnet.`,
};

const en: Messages = {
  askTitle: (q) => `Question: ${q}`,
  askFooter: (first, last, total) => (first === last ? `Result ${first} of ${total}` : `Results ${first}–${last} of ${total}`),
  paragraphOf: (file, n) => `${file} · paragraph ${n}`,
  bylineOf: (file) => `${file} · title, author, date`,
  partOf: (index, count) => `part ${index} of ${count}`,
  moreResults: 'More results',
  cite: (n) => `Cite ${n}`,
  publish: 'Post in channel',
  noTermsTitle: 'No search words found',
  noTermsText: 'The question has only filler words or symbols. Ask with names, places, numbers or subject terms, e.g. "trade between Russia and China 2024".',
  noMatchTitle: 'The corpus does not cover this',
  noMatchText: (q) => `No passage answers "${q}" well enough, so I would rather show nothing than something wrong. Try other or more specific words (names, places, numbers); the articles are in German.`,
  closestArticles: 'The closest articles',
  uncertainTitle: (q) => `Not sure: ${q}`,
  uncertainLead: (missing) => `Not sure this answers your question – these come closest.${missing.length === 0 ? '' : ` The corpus has nothing on ${missing.map((w) => `"${w}"`).join(', ')}.`}`,
  noMorePages: 'No more results.',
  questionTooLong: (max) => `The question is too long: ${max} characters at most.`,
  cooldown: (s) => `One moment please: you can ask again in ${s} s.`,
  sourceFooter: (n) => `${n} paragraphs`,
  byline: 'Author/date',
  firstParagraph: 'First paragraph',
  paragraphTitle: (n) => `Paragraph ${n}`,
  citeAs: 'Cite as',
  citation: (title, byline, paragraph, file) => `"${title}"${byline ? `, ${byline}` : ''}${paragraph === undefined ? '' : `, para. ${paragraph}`} (source: ${file})`,
  unknownArticleTitle: 'Article not found',
  unknownArticleText: (name) => `There is no article "${name}" in the corpus.`,
  didYouMean: 'Did you mean',
  paragraphNotFoundTitle: 'Paragraph not found',
  paragraphOutOfRange: (n, title, count) => `"${title}" has no paragraph ${n}; its paragraphs are 1 to ${count}.`,
  reloadTitle: 'Index reloaded',
  reloadSummary: (ab, aa, pb, pa, ms) => `Articles: ${ab} → ${aa} · paragraphs: ${pb} → ${pa} · took ${ms} ms`,
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  skipped: 'Skipped',
  unchanged: 'No article changed.',
  reloadFailedTitle: 'Reload failed',
  reloadFailedText: (reason, n) => `${reason}\nThe previous index (${n} articles) stays in service.`,
  reloadDenied: 'Only moderators (Manage Server or a moderator role) may reload the index.',
  helpTitle: 'Quelle – ask the corpus',
  helpText: (a, p) => `I answer questions with the matching passages of ${a} articles (${p} paragraphs) and name the source.`,
  helpSections: [
    { title: '/ask question', text: 'The three best passages with their source; "More results" pages on, "Cite" posts one passage as a quote. With private:true only you see the answer.' },
    { title: 'Answer, not sure, nothing', text: 'When a passage covers the question, I show it as the answer. When the corpus has only part of what you ask, I show the closest passages under "Not sure" and name what it has nothing on. When nothing is found, I say so.' },
    { title: '/source article [paragraph]', text: 'Cites an article (title, author, first paragraph, a citation line) or one paragraph.' },
    { title: 'Search the corpus', text: 'Right-click a message → Apps: uses its text as the question.' },
    { title: '/reload', text: 'Moderators: reloads the corpus without downtime.' },
    { title: '/report unanswered | feedback', text: 'Moderators: questions that got no answer or an uncertain one, and answers with a 👎.' },
    { title: '/corpus add | remove | list', text: 'Moderators: upload a .txt or .md file as an article, remove an uploaded article, list every article with where it comes from.' },
  ],
  errorTitle: 'That did not work',
  errorText: 'Something went wrong while answering. Please try again.',
  unknownActionTitle: 'No longer available',
  unknownActionText: 'This button or command is not (or no longer) known. Please ask again with /ask.',
  notYoursTitle: 'Not your answer',
  notYoursText: 'This button belongs to an answer for someone else. Please ask your own question with /ask.',
  emptyMessage: 'The message has no text to search for.',
  semanticTitle: 'Semantic search',
  semanticStatus: (state, model, available) => `${state} (model ${model}).${available ? '' : ' Until it is back, questions are answered by their words alone.'}`,
  semanticVectors: (passages, embedded, reused, missing) =>
    `Vectors of the ${passages} passages: ${embedded} embedded, ${reused} reused, ${missing} missing.${missing > 0 ? ' The missing ones are embedded at the next reload or start.' : ''}`,
  semanticDimensionChanged: (from, to) => `The model now sends ${to} dimensions instead of ${from}: every passage was embedded again.`,
};

const MESSAGES: Readonly<Record<Locale, Messages>> = { de, en };

export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}
