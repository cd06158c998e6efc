import { Events, InteractionResponseType, InteractionType, Routes, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { localeOf, messages } from '../answers/i18n.js';
import { notice } from '../answers/reply.js';
import { render } from './render.js';

/** The dispatch a refused interaction is renamed to: an event discord.js has no handler for. */
const REFUSED = 'QUELLE_REFUSED_INTERACTION_CREATE';

/**
 * Why an INTERACTION_CREATE payload cannot be handled, or undefined when it can. discord.js
 * builds its interaction objects without checking the payload: a command without `data`, a
 * locale that is no string, a button without `custom_id` throw inside discord.js, before any
 * handler of ours runs, and the user waits in vain.
 */
export function malformed(d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return 'no payload';
  const p = d as Record<string, unknown>;
  const data = p.data as Record<string, unknown> | undefined | null;
  const member = p.member as Record<string, unknown> | undefined | null;
  const user = (member?.user ?? p.user) as Record<string, unknown> | undefined | null;
  if (typeof user?.id !== 'string') return 'no user';
  for (const field of ['locale', 'guild_locale'] as const) {
    if (p[field] !== undefined && typeof p[field] !== 'string') return `${field} is not a string`;
  }
  if (p.type === InteractionType.Ping) return undefined;
  if (typeof data !== 'object' || data === null) return 'no data';
  if ((p.type === InteractionType.ApplicationCommand || p.type === InteractionType.ApplicationCommandAutocomplete) && typeof data.name !== 'string') return 'no command name';
  if ((p.type === InteractionType.MessageComponent || p.type === InteractionType.ModalSubmit) && typeof data.custom_id !== 'string') return 'no custom_id';
  if (p.type === InteractionType.MessageComponent && typeof data.component_type !== 'number') return 'no component_type';
  return undefined;
}

/**
 * The error boundary from the gateway event on: a malformed interaction is answered here,
 * over REST, with the private apology (autocomplete: no choices), and hidden from discord.js,
 * which would throw on it. Relies on discord.js emitting `raw` with the packet it is about to
 * handle, synchronously, before handling it (14.x, pinned in package-lock.json).
 */
export function guardRawInteractions(client: Client, logger: Logger): void {
  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    const problem = malformed(packet.d);
    if (problem === undefined) return;
    packet.t = REFUSED;
    const d = (packet.d ?? {}) as Record<string, unknown>;
    const id = typeof d.id === 'string' ? d.id : undefined;
    const token = typeof d.token === 'string' ? d.token : undefined;
    logger.warn({ interactionId: id, problem }, 'malformed interaction');
    if (id === undefined || token === undefined) return;
    client.rest.post(Routes.interactionCallback(id, token), { body: refusal(d), auth: false }).catch((err: unknown) => logger.error({ err, interactionId: id }, 'could not answer a malformed interaction'));
  });
}

/** What a malformed interaction is answered with: the private apology (autocomplete: no choices). Also HTTP mode's answer. */
export function refusal(d: Record<string, unknown>): object {
  return d.type === InteractionType.ApplicationCommandAutocomplete
    ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
    : { type: InteractionResponseType.ChannelMessageWithSource, data: apology(typeof d.locale === 'string' ? d.locale : undefined) };
}

/** The private apology, in the wire format (snake_case), since it bypasses discord.js. */
function apology(locale: string | undefined) {
  const t = messages(localeOf(locale));
  const { allowedMentions: _mentions, ...payload } = render(notice('error', t.errorTitle, t.errorText), () => '');
  return { ...payload, allowed_mentions: { parse: [] } };
}
