/**
 * What HTTP mode answers to commands, buttons and the rest until they are wired to the same
 * handlers as the gateway (issue 23 continues): a private note saying so, in the asker's
 * language. Autocomplete gets an empty list, since it cannot carry a message.
 */

/** Discord's interaction and response types used here (no Discord package below src/discord/). */
const APPLICATION_COMMAND_AUTOCOMPLETE = 4;
const CHANNEL_MESSAGE_WITH_SOURCE = 4;
const APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
/** Message flag: only the user who invoked the interaction sees it. */
export const EPHEMERAL = 64;

export const PENDING_TEXT = {
  en: 'Quelle runs in HTTP interactions mode, which does not answer commands yet. Ask the operator to run it in gateway mode for now.',
  de: 'Quelle läuft im HTTP-Interaktionsmodus, der Befehle noch nicht beantwortet. Bitte den Betreiber, ihn vorerst im Gateway-Modus zu betreiben.',
} as const;

export function pendingAnswer(interaction: unknown): Promise<object> {
  const { type, locale } = interaction as { type?: unknown; locale?: unknown };
  if (type === APPLICATION_COMMAND_AUTOCOMPLETE) return Promise.resolve({ type: APPLICATION_COMMAND_AUTOCOMPLETE_RESULT, data: { choices: [] } });
  const content = typeof locale === 'string' && locale.startsWith('de') ? PENDING_TEXT.de : PENDING_TEXT.en;
  return Promise.resolve({ type: CHANNEL_MESSAGE_WITH_SOURCE, data: { content, flags: EPHEMERAL, allowed_mentions: { parse: [] } } });
}
