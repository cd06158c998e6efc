import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Button, Reply, RichText, Section } from '../../src/answers/reply.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CUSTOM_ID_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  MESSAGE_CONTENT_MAX,
} from '../../src/discord/limits.js';
import { ActionCodec } from '../../src/discord/custom-id.js';
import { embedLength, escapeMarkdown, render, richText } from '../../src/discord/render.js';

const codec = new ActionCodec();
const encode = (button: Button): string => codec.encode(button.action);

const rich = (text: string, ...words: string[]): RichText => ({
  text,
  bold: words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length })).sort((a, b) => a.start - b.start),
});

describe('render', () => {
  it('renders an answer as one embed with sources, bold matches and buttons, mentions off', () => {
    const reply: Reply = {
      private: false,
      tone: 'answer',
      title: 'Frage: Wer ist Du Xuliang?',
      sections: [{ title: '1. Chinas KI-Offensive', source: '001_e98a8a84176a97af.txt · Absatz 4', body: rich('Du Xuliang, Direktor der Kommission, kündigte an.', 'Xuliang') }],
      footer: 'Treffer 1 von 1',
      buttons: [{ label: 'Zitieren 1', action: { kind: 'cite', file: '001_e98a8a84176a97af.txt', paragraph: 4 } }],
    };
    const payload = render(reply, encode);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.flags).toBeUndefined();
    expect(payload.embeds[0]).toMatchObject({
      title: 'Frage: Wer ist Du Xuliang?',
      fields: [{ name: '1. Chinas KI-Offensive', value: '-# 001\\_e98a8a84176a97af.txt · Absatz 4\nDu **Xuliang**, Direktor der Kommission, kündigte an.' }],
      footer: { text: 'Treffer 1 von 1' },
    });
    expect(payload.components[0]?.components[0]).toMatchObject({ type: 2, style: 2, label: 'Zitieren 1', custom_id: 'c:4:001_e98a8a84176a97af.txt' });
  });

  it('shows no direction overrides, so a file name cannot read reversed', () => {
    const reply: Reply = {
      private: false,
      tone: 'answer',
      title: 'Frage: \u202egnirts',
      sections: [{ title: '1. Titel \u2066isoliert\u2069', source: 'abc\u202etxt.exe · Absatz 1', body: rich('Text \u200fmit Marke.') }],
      footer: 'Treffer\u202d 1',
      buttons: [],
    };
    const embed = render(reply, encode).embeds[0];
    expect(JSON.stringify(embed)).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    expect(embed?.fields?.[0]?.value).toContain('abctxt.exe');
  });

  it('marks private replies ephemeral', () => {
    const payload = render({ private: true, tone: 'info', title: 'Hinweis', sections: [], buttons: [] }, encode);
    expect(payload.flags).toBe(64);
  });

  it('quotes and code-blocks sections as asked', () => {
    const sections: Section[] = [
      { title: 'Absatz 2', body: rich('Zeile eins\nZeile zwei'), quote: true },
      { title: 'Zitieren als', body: rich('„Titel“ (Quelle: a.txt) ```'), verbatim: true },
    ];
    const embed = render({ private: false, tone: 'answer', title: 'T', sections, buttons: [] }, encode).embeds[0];
    expect(embed?.fields?.[0]?.value).toBe('> Zeile eins\n> Zeile zwei');
    expect(embed?.fields?.[1]?.value).toBe('```\n„Titel“ (Quelle: a.txt) ˋˋˋ\n```');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['**fett** _kursiv_ ~~weg~~ `code` ||spoiler||', '\\*\\*fett\\*\\* \\_kursiv\\_ \\~\\~weg\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|'],
    ['[klick](https://example.org)', '\\[klick\\](https://example.org)'],
    ['<@123> <@&456> <#789>', '\\<@123\\> \\<@&456\\> \\<#789\\>'],
    ['# Überschrift\n> Zitat\n- Punkt\n1. Eins', '\\# Überschrift\n\\> Zitat\n\\- Punkt\n1\\. Eins'],
    ['@everyone und @here', '@\u200beveryone und @\u200bhere'],
    ['128,99 US-Dollar', '128,99 US-Dollar'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('richText', () => {
  it('cuts at a word with an ellipsis and keeps bold markers whole', () => {
    const text = rich('Die technologische Abhängigkeit Russlands von China nimmt dramatische Ausmaße an.', 'Abhängigkeit', 'China');
    const out = richText(text, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toBe('Die technologische **Abhängigkeit** Russlands von…');
  });
});

// Any text a corpus, a question or a title may hold, including the awkward parts.
const nasty = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 1500 }),
  fc.stringMatching(/^[*_~`|<>@#\-\n [\]()\\a-z]{0,2500}$/u),
  fc.constantFrom('@everyone', '<@&123456789012345678>', '\u202eRTL', 'a\u200bb', '\x00\x07', '😀'.repeat(1200)),
);
const richArb = nasty.chain((text) =>
  fc.array(fc.tuple(fc.nat(text.length), fc.nat(40)), { maxLength: 20 }).map((pairs): RichText => {
    const spans = pairs.map(([start, len]) => ({ start, end: Math.min(text.length, start + len) })).sort((a, b) => a.start - b.start);
    const bold: { start: number; end: number }[] = [];
    for (const span of spans) if (span.end > span.start && (bold.at(-1)?.end ?? -1) <= span.start) bold.push(span);
    return { text, bold };
  }),
);
const action = fc.oneof(
  fc.record({ kind: fc.constant('page' as const), question: nasty, offset: fc.nat(1000), private: fc.boolean() }),
  fc.record({ kind: fc.constant('publish' as const), question: nasty, offset: fc.nat(1000) }),
  fc.record({ kind: fc.constant('cite' as const), file: nasty.filter((s) => s !== ''), paragraph: fc.integer({ min: 1, max: 9999 }) }),
  fc.record({ kind: fc.constant('remove' as const), file: nasty.filter((s) => s !== '') }),
  fc.record({ kind: fc.constant('vote' as const), answerId: fc.stringMatching(/^[\w-]{12}$/u), value: fc.constantFrom(1 as const, -1 as const) }),
  fc.record({ kind: fc.constant('report' as const), report: fc.constantFrom('unanswered' as const, 'feedback' as const), days: fc.integer({ min: 1, max: 3650 }), offset: fc.nat(100_000) }),
);
const replyArb: fc.Arbitrary<Reply> = fc.record({
  private: fc.boolean(),
  tone: fc.constantFrom('answer' as const, 'info' as const, 'warning' as const, 'error' as const),
  title: nasty,
  text: fc.option(richArb, { nil: undefined }),
  sections: fc.array(
    fc.record({ title: nasty, source: fc.option(nasty, { nil: undefined }), body: richArb, quote: fc.boolean(), verbatim: fc.boolean() }),
    { maxLength: 30 },
  ),
  footer: fc.option(nasty, { nil: undefined }),
  buttons: fc.array(fc.record({ label: nasty, action, primary: fc.boolean(), emoji: fc.option(fc.constantFrom('👍', '👎'), { nil: undefined }) }), { maxLength: 30 }).map((buttons) =>
    buttons.map(({ emoji, ...button }) => (emoji === undefined ? button : { ...button, emoji })),
  ),
}).map((r) => {
  const { text, footer, ...rest } = r;
  return { ...rest, ...(text === undefined ? {} : { text }), ...(footer === undefined ? {} : { footer }) } as Reply;
});

describe('render, for any reply', () => {
  it('stays within every Discord limit and never parses mentions', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const payload = render(reply, encode);
        expect(payload.allowedMentions).toEqual({ parse: [] });
        expect(payload.content?.length ?? 0).toBeLessThanOrEqual(MESSAGE_CONTENT_MAX);
        expect(payload.embeds.length).toBe(1);
        for (const embed of payload.embeds) {
          expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
          expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_FOOTER_MAX);
          expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
          for (const field of embed.fields ?? []) {
            expect(field.name.length).toBeGreaterThan(0);
            expect(field.name.length).toBeLessThanOrEqual(EMBED_FIELD_NAME_MAX);
            expect(field.value.length).toBeGreaterThan(0);
            expect(field.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
          }
          expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
        }
        expect(payload.components.length).toBeLessThanOrEqual(ACTION_ROWS_MAX);
        for (const row of payload.components) {
          expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW_MAX);
          for (const button of row.components) {
            // A label, or an emoji alone (👍/👎).
            expect(('label' in button && button.label !== undefined && button.label.length <= BUTTON_LABEL_MAX) || ('emoji' in button && button.emoji !== undefined)).toBe(true);
            expect('custom_id' in button && button.custom_id.length <= CUSTOM_ID_MAX).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
