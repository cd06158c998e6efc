/** The words of the feedback loop (votes, /report), in German and English. */
import type { Locale } from './i18n.js';

export interface ReportMessages {
  readonly thanks: string;
  readonly withdrawn: string;
  readonly voteFailed: string;
  readonly voteOff: string;
  readonly denied: string;
  readonly unavailableTitle: string;
  readonly unavailableText: string;
  readonly unansweredTitle: (days: number) => string;
  readonly feedbackTitle: (days: number) => string;
  readonly summary: (questions: number, abstained: number, uncertain: number, up: number, down: number) => string;
  /** Marks a question that got passages marked uncertain, not nothing. */
  readonly uncertainMark: string;
  readonly asked: (count: number, last: string) => string;
  readonly votes: (up: number, down: number) => string;
  readonly whereShown: (file: string, paragraph: number) => string;
  readonly notStored: string;
  readonly unknownAnswer: string;
  readonly nothingUnanswered: string;
  readonly nothingDownvoted: string;
  readonly page: (first: number, last: number, total: number) => string;
  readonly previous: string;
  readonly next: string;
  readonly privacyTitle: string;
  readonly privacy: (days: number, questions: boolean) => string;
}

const de: ReportMessages = {
  thanks: 'Danke!',
  withdrawn: 'Danke! Ihre Stimme ist zurückgenommen.',
  voteFailed: 'Ihre Stimme konnte nicht gespeichert werden. Bitte später noch einmal versuchen.',
  voteOff: 'Bewertungen sind auf diesem Bot ausgeschaltet.',
  denied: 'Nur Moderatoren (Server verwalten oder eine Moderatorenrolle) dürfen Berichte sehen.',
  unavailableTitle: 'Bericht nicht verfügbar',
  unavailableText: 'Der Speicher für Rückmeldungen ist gerade nicht erreichbar. Bitte später noch einmal versuchen.',
  unansweredTitle: (days) => `Unbeantwortete Fragen, letzte ${days} ${days === 1 ? 'Tag' : 'Tage'}`,
  feedbackTitle: (days) => `Antworten mit 👎, letzte ${days} ${days === 1 ? 'Tag' : 'Tage'}`,
  summary: (q, a, u, up, down) => `Fragen: ${q} · ohne Antwort: ${a} · unsicher: ${u} · 👍 ${up} · 👎 ${down}`,
  uncertainMark: 'unsicher',
  asked: (count, last) => `${count}× gefragt · zuletzt ${last}`,
  votes: (up, down) => `👍 ${up} · 👎 ${down}`,
  whereShown: (file, paragraph) => `${file} · Absatz ${paragraph}`,
  notStored: '(Fragetext nicht gespeichert)',
  unknownAnswer: '(Antwort nicht im Speicher)',
  nothingUnanswered: 'Keine unbeantworteten Fragen in diesem Zeitraum.',
  nothingDownvoted: 'Keine Antwort mit 👎 in diesem Zeitraum.',
  page: (first, last, total) => `${first}–${last} von ${total}`,
  previous: 'Zurück',
  next: 'Weiter',
  privacyTitle: 'Was gespeichert wird',
  privacy: (days, questions) =>
    `${questions ? 'Fragen in Discord (Text, Kanal, Sprache)' : 'Ob Fragen in Discord beantwortet wurden (ohne Fragetext)'} und der erste gezeigte Absatz; 👍/👎 pro Antwort, ohne Ihre Discord-ID (nur ein verschlüsselter Schlüssel, damit jede Person einmal abstimmt). Gelöscht nach ${days} Tagen. Berichte sehen nur Moderatoren.`,
};

const en: ReportMessages = {
  thanks: 'Thanks!',
  withdrawn: 'Thanks! Your vote is withdrawn.',
  voteFailed: "Couldn't save your vote. Please try again later.",
  voteOff: 'Votes are turned off on this bot.',
  denied: 'Only moderators (Manage Server or a moderator role) may see reports.',
  unavailableTitle: 'Report unavailable',
  unavailableText: 'The feedback store cannot be reached right now. Please try again later.',
  unansweredTitle: (days) => `Unanswered questions, last ${days} ${days === 1 ? 'day' : 'days'}`,
  feedbackTitle: (days) => `Answers with 👎, last ${days} ${days === 1 ? 'day' : 'days'}`,
  summary: (q, a, u, up, down) => `Questions: ${q} · unanswered: ${a} · uncertain: ${u} · 👍 ${up} · 👎 ${down}`,
  uncertainMark: 'uncertain',
  asked: (count, last) => `asked ${count}× · last ${last}`,
  votes: (up, down) => `👍 ${up} · 👎 ${down}`,
  whereShown: (file, paragraph) => `${file} · paragraph ${paragraph}`,
  notStored: '(question text not stored)',
  unknownAnswer: '(answer not in the store)',
  nothingUnanswered: 'No unanswered questions in this period.',
  nothingDownvoted: 'No answer got a 👎 in this period.',
  page: (first, last, total) => `${first}–${last} of ${total}`,
  previous: 'Previous',
  next: 'Next',
  privacyTitle: 'What is kept',
  privacy: (days, questions) =>
    `${questions ? 'Questions asked in Discord (text, channel, language)' : 'Whether questions asked in Discord were answered (not their text)'} and the first passage shown; 👍/👎 per answer, never your Discord id (only a keyed hash, so that each person votes once). Deleted after ${days} days. Only moderators see reports.`,
};

export function reportMessages(locale: Locale): ReportMessages {
  return locale === 'de' ? de : en;
}
