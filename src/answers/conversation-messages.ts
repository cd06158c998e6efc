/** The words of asking without /ask (issue 24): mentions, forum posts, follow-ups, the remove button; in German and English. */
import type { Locale } from './i18n.js';

export interface ConversationMessages {
  /** The answer to a mention without a question. */
  readonly mentionHelpTitle: string;
  readonly mentionHelp: (botName: string) => string;
  /** The button under an answer given unasked. */
  readonly dismiss: string;
  readonly dismissed: string;
  readonly dismissDenied: string;
  /** /help: where the bot answers unasked, and the other ways to ask. */
  readonly unaskedTitle: string;
  readonly unasked: (channels: readonly string[]) => string;
}

const de: ConversationMessages = {
  mentionHelpTitle: 'Fragen Sie mich etwas',
  mentionHelp: (bot) => `Schreiben Sie Ihre Frage hinter die Erwähnung, z. B. „@${bot} Wer ist Du Xuliang?“, oder nutzen Sie /ask. In einem Thread, in dem ich geantwortet habe, verstehe ich auch kurze Nachfragen („und wann?“).`,
  dismiss: 'Nicht hilfreich – entfernen',
  dismissed: 'Die Antwort ist entfernt und als 👎 gezählt. Danke!',
  dismissDenied: 'Nur wer den Beitrag geschrieben hat, oder ein Moderator, kann diese Antwort entfernen.',
  unaskedTitle: 'Ohne /ask fragen',
  unasked: (channels) =>
    [
      channels.length === 0 ? undefined : `Neue Beiträge und Fragen in ${channels.join(', ')} beantworte ich von selbst, wenn ich eine passende Stelle finde (sonst schweige ich). Autor oder Moderatoren können die Antwort mit „Nicht hilfreich – entfernen“ löschen.`,
      'Erwähnen Sie mich mit einer Frage in einem Kanal, den ich lesen kann.',
      'In einem Thread, in dem ich geantwortet habe, beantworte ich Nachfragen (/ask, Erwähnung oder Antwort auf meine Nachricht) mit der früheren Frage als Kontext.',
    ]
      .filter((line) => line !== undefined)
      .join('\n'),
};

const en: ConversationMessages = {
  mentionHelpTitle: 'Ask me something',
  mentionHelp: (bot) => `Write your question after the mention, e.g. "@${bot} Wer ist Du Xuliang?", or use /ask. In a thread where I answered, I also understand short follow-ups ("and when?").`,
  dismiss: 'Not helpful – remove',
  dismissed: 'The answer is removed and counted as 👎. Thanks!',
  dismissDenied: 'Only the author of the post or a moderator can remove this answer.',
  unaskedTitle: 'Asking without /ask',
  unasked: (channels) =>
    [
      channels.length === 0 ? undefined : `I answer new posts and questions in ${channels.join(', ')} on my own when I find a passage that answers them (otherwise I stay silent). The author or a moderator can delete the answer with "Not helpful – remove".`,
      'Mention me with a question in any channel I can read.',
      'In a thread where I answered, I answer follow-ups (/ask, a mention, or a reply to my message) with the earlier question as context.',
    ]
      .filter((line) => line !== undefined)
      .join('\n'),
};

export function conversationMessages(locale: Locale): ConversationMessages {
  return locale === 'de' ? de : en;
}
