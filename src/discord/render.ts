import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Button, Reply, RichText, Section, Tone } from '../answers/reply.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
} from './limits.js';
import { cutAtWord, ELLIPSIS, truncate } from './truncate.js';

/** A message payload as discord.js takes it for reply, editReply, followUp and update. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Never parse mentions: corpus or question text must not ping anyone. */
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
}

/** Turns a button's action into a custom_id (see custom-id.ts). */
export type EncodeAction = (button: Button) => string;

const TONE_COLOURS: Readonly<Record<Tone, number>> = { answer: 0x2b6cb0, info: 0x718096, warning: 0xd69e2e, error: 0xc53030 };

/** The reply as one embed with buttons, inside every Discord limit, mentions off. */
export function render(reply: Reply, encode: EncodeAction): MessagePayload {
  const fields = reply.sections.slice(0, EMBED_FIELDS_MAX).map(field);
  const embed: APIEmbed = {
    title: truncate(escapeInline(oneLine(reply.title)), EMBED_TITLE_MAX),
    color: TONE_COLOURS[reply.tone],
    ...(reply.text === undefined ? {} : { description: richText(reply.text, EMBED_DESCRIPTION_MAX) }),
    ...(fields.length === 0 ? {} : { fields }),
    ...(reply.footer === undefined ? {} : { footer: { text: truncate(reply.footer, EMBED_FOOTER_MAX) } }),
  };
  withoutDirectionControls(embed);
  fitEmbedTotal(embed);
  const payload: MessagePayload = { embeds: [embed], components: buttonRows(reply.buttons, encode), allowedMentions: { parse: [] } };
  if (reply.private) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

function field(section: Section): APIEmbedField {
  const source = section.source === undefined ? '' : `-# ${escapeMarkdown(oneLine(section.source))}\n`;
  const room = EMBED_FIELD_VALUE_MAX - source.length;
  let body: string;
  if (section.verbatim) body = codeBlock(section.body.text, room);
  else if (section.quote) body = quoteLines(richText(section.body, room - 2 * Math.max(1, lineCount(section.body.text))));
  else body = richText(section.body, room);
  return { name: truncate(escapeInline(oneLine(section.title)), EMBED_FIELD_NAME_MAX) || ELLIPSIS, value: (source + body).slice(0, EMBED_FIELD_VALUE_MAX) || ELLIPSIS };
}

/**
 * Buttons in rows of five, 👍/👎 (and "Not helpful – remove") on a row of their own below the others; more than Discord
 * allows are dropped.
 */
function buttonRows(buttons: readonly Button[], encode: EncodeAction): APIActionRowComponent<APIButtonComponent>[] {
  const chunks: Button[][] = [];
  const feedback = (b: Button) => b.action.kind === 'vote' || b.action.kind === 'dismiss';
  for (const group of [buttons.filter((b) => !feedback(b)), buttons.filter(feedback)]) {
    for (let i = 0; i < group.length; i += BUTTONS_PER_ROW_MAX) chunks.push(group.slice(i, i + BUTTONS_PER_ROW_MAX));
  }
  return chunks.slice(0, ACTION_ROWS_MAX).map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((button) => ({
      type: ComponentType.Button,
      style: button.primary ? ButtonStyle.Primary : button.action.kind === 'publish' ? ButtonStyle.Success : ButtonStyle.Secondary,
      // Discord needs a label or an emoji: an emoji button may go without a label.
      ...(button.label === '' && button.emoji !== undefined ? {} : { label: truncate(button.label, BUTTON_LABEL_MAX) || ELLIPSIS }),
      ...(button.emoji === undefined ? {} : { emoji: { name: button.emoji } }),
      custom_id: encode(button),
    })),
  }));
}

/**
 * Rich text as Markdown of at most `max` characters: corpus text escaped so that it can
 * never format, link or mention, bold spans wrapped in `**`. Cut at a word when too long.
 */
export function richText(rich: RichText, max: number): string {
  const full = markdown(rich, rich.text.length);
  if (full.length <= max) return full;
  // The rendered length grows with the source length: find the longest cut that fits.
  let lo = 0;
  let hi = rich.text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (markdown(rich, mid).length + ELLIPSIS.length <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? ELLIPSIS.slice(0, max) : markdown(rich, lo) + ELLIPSIS;
}

/** Markdown of the first `length` characters of `rich.text`, cut back to a word end. */
function markdown(rich: RichText, length: number): string {
  const text = length >= rich.text.length ? rich.text : cutAtWord(rich.text, length);
  let out = '';
  let at = 0;
  for (const span of rich.bold) {
    if (span.start < at || span.start >= text.length) continue;
    const end = Math.min(span.end, text.length);
    const inner = escapeMarkdown(text.slice(span.start, end));
    out += escapeMarkdown(text.slice(at, span.start)) + (inner.trim() === '' ? inner : `**${inner}**`);
    at = end;
  }
  return out + escapeMarkdown(text.slice(at));
}

// Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks: a file named
// "abc\u202Etxt.exe" would show reversed. Nothing Quelle shows needs them.
const DIRECTION_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Removes direction controls from every text of the embed (titles, file names, passages). */
function withoutDirectionControls(embed: APIEmbed): void {
  const clean = (text: string) => text.replace(DIRECTION_CONTROLS, '');
  if (embed.title !== undefined) embed.title = clean(embed.title);
  if (embed.description !== undefined) embed.description = clean(embed.description);
  if (embed.footer !== undefined) embed.footer = { ...embed.footer, text: clean(embed.footer.text) };
  if (embed.fields !== undefined) embed.fields = embed.fields.map((f) => ({ ...f, name: clean(f.name), value: clean(f.value) }));
}

/**
 * Backslash-escapes everything Discord Markdown would interpret: emphasis, code, spoilers,
 * quotes, headings, lists, masked links (escaping the brackets is enough) and mention
 * syntax (`<@…>`, `<#…>`).
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)([#-])(?=\s)/gmu, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gmu, '$1\\.');
}

/**
 * The inline part of escapeMarkdown, for one-line texts where Discord renders no blocks
 * (embed titles, field names): there a backslash before "1." would show.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\*_~`|<>[\]]/gu, '\\$&').replace(/@(everyone|here)/gu, '@\u200b$1');
}

/** Verbatim text in a code block, ready to copy; backtick runs cannot close it early. */
function codeBlock(text: string, max: number): string {
  const safe = text.replace(/`/gu, 'ˋ');
  return `\`\`\`\n${truncate(safe, Math.max(1, max - 8))}\n\`\`\``;
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Shrinks the longest field values until the embed's characters fit Discord's total. */
function fitEmbedTotal(embed: APIEmbed): void {
  for (;;) {
    const over = embedLength(embed) - EMBED_TOTAL_MAX;
    if (over <= 0) return;
    const longest = (embed.fields ?? []).reduce<APIEmbedField | undefined>((a, f) => (a === undefined || f.value.length > a.value.length ? f : a), undefined);
    if (longest !== undefined && longest.value.length > 1) {
      longest.value = truncate(longest.value, Math.max(1, longest.value.length - over));
      continue;
    }
    embed.description = truncate(embed.description ?? '', Math.max(0, (embed.description ?? '').length - over));
    return;
  }
}

/** What Discord counts towards the 6000 characters of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}
