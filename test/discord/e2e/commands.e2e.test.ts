import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { deployCommands } from '../../../src/discord/deploy-commands.js';
import { bool, buttonsOf, embedOf, FAKE_TOKEN, int, isEphemeral, useHarness, str, textOf, type Harness } from './harness.js';

let h: Harness;

/** An id minted 2 s ago: the interaction sat in a queue (a burst, a blocking build). */
function twoSecondsAgo(): string {
  return (BigInt(Date.now() - 2000 - 1_420_070_400_000) << 22n).toString();
}
useHarness((started) => (h = started));

describe('registration', () => {
  it('deploys every command with options, localizations and the /reload permission', async () => {
    const result = await deployCommands({ ...loadConfig({ DISCORD_API_URL: h.fake.apiUrl, DISCORD_GUILD_ID: h.fake.guildId }), token: FAKE_TOKEN });
    expect(result).toEqual({ applicationId: h.fake.applicationId, guildId: h.fake.guildId, names: ['ask', 'source', 'reload', 'corpus', 'report', 'help', 'Search the corpus'] });
    const registered = h.fake.commands(h.fake.guildId) ?? [];
    expect(registered.find((c) => c.name === 'reload')).toMatchObject({ default_member_permissions: '32', description_localizations: { de: expect.any(String) } });
    expect(registered.find((c) => c.name === 'ask')).toMatchObject({ name_localizations: { de: 'frage' }, options: [{ name: 'question', max_length: 300 }, { name: 'private' }] });
    const global = await deployCommands({ ...loadConfig({ DISCORD_API_URL: h.fake.apiUrl }), token: FAKE_TOKEN });
    expect(global.guildId).toBeUndefined();
    expect(h.fake.commands()?.length).toBe(7);
  });
});

describe('/ask', () => {
  it('answers with the passage and names its source file', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(4);
    expect(isEphemeral(callback)).toBe(false);
    const text = textOf(callback);
    expect(text).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
    expect(text).toContain('Du **Xuliang**, Direktor der provinziellen Entwicklungs');
    expect((callback.data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('answers in German for a German client', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')], { locale: 'de' });
    const embed = embedOf(await h.fake.waitForCallback(i.id));
    expect(embed.title).toBe('Frage: Wer ist Du Xuliang?');
    expect(embed.footer?.text).toBe('Treffer 1 von 1');
  });

  it('defers an interaction that waited too long, then edits the answer in', async () => {
    const payload = h.fake.payloads.chatInput('ask', [str('question', 'Gallium Germanium Exportbeschränkungen')]);
    const i = h.fake.dispatchInteraction({ ...payload, id: twoSecondsAgo() });
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(5);
    const [edit] = await h.fake.waitForMessages(i.token, 1);
    expect(edit?.method).toBe('PATCH');
    expect(textOf(edit)).toContain('004\\_07e808b765e234ab.txt');
  });

  it('defers a button press and a context-menu search that waited too long', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China')]);
    const first = await h.fake.waitForCallback(i.id);
    const more = buttonsOf(first).find((b) => b.label === 'More results');
    const press = h.fake.dispatchInteraction({ ...h.fake.payloads.button(more?.custom_id ?? '', h.fake.originalMessage(i.token)), id: twoSecondsAgo() });
    expect((await h.fake.waitForCallback(press.id)).type).toBe(6); // DEFERRED_UPDATE_MESSAGE
    const [page] = await h.fake.waitForMessages(press.token, 1);
    expect(embedOf(page).footer?.text).toMatch(/^Results 4–6 of/u);

    const menu = h.fake.dispatchInteraction({ ...h.fake.payloads.messageContext('Search the corpus', { content: 'Gallium Germanium' }), id: twoSecondsAgo() });
    expect((await h.fake.waitForCallback(menu.id)).type).toBe(5);
    const [answer] = await h.fake.waitForMessages(menu.token, 1);
    expect(textOf(answer)).toContain('**Gallium**');
  });

  it('pages with "More results" in place, and "Cite" posts the passage with its source', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Abhaengigkeit von China')]);
    const first = await h.fake.waitForCallback(i.id);
    const buttons = buttonsOf(first);
    expect(buttons.map((b) => b.label ?? (b as { emoji?: { name: string } }).emoji?.name)).toEqual(['Cite 1', 'Cite 2', 'Cite 3', 'More results', '👍', '👎']);
    const message = h.fake.originalMessage(i.token);
    expect(message).toBeDefined();

    const more = h.fake.button(buttons[3]?.custom_id ?? '', message);
    const page = await h.fake.waitForCallback(more.id);
    expect(page.type).toBe(7); // UPDATE_MESSAGE: the answer pages in place
    expect(embedOf(page).footer?.text).toMatch(/^Results 4–6 of \d+$/u);

    const cite = h.fake.button(buttons[0]?.custom_id ?? '', message);
    const quote = await h.fake.waitForCallback(cite.id);
    expect(quote.type).toBe(4);
    const embed = embedOf(quote);
    expect(embed.fields?.[0]?.value).toMatch(/^-# 000\\_a5c1968631554abc\.txt · paragraph 1\n> Die technologische Abhängigkeit/u);
    expect(embed.fields?.[1]?.value).toContain('(source: 000_a5c1968631554abc.txt)');
  });

  it('answers privately on request, and "Post in channel" posts it for everyone', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Deepsek R1'), bool('private', true)]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(isEphemeral(callback)).toBe(true);
    const publish = buttonsOf(callback).find((b) => b.label === 'Post in channel');
    expect(publish).toBeDefined();
    const press = h.fake.button(publish?.custom_id ?? '', h.fake.originalMessage(i.token));
    const posted = await h.fake.waitForCallback(press.id);
    expect(posted.type).toBe(4);
    expect(isEphemeral(posted)).toBe(false);
    expect(textOf(posted)).toContain('DeepSeek');
    expect(buttonsOf(posted).some((b) => b.label === 'Post in channel')).toBe(false);
  });

  it('says honestly when the corpus has no answer, privately', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Rezept für Apfelstrudel')], { locale: 'de' });
    const callback = await h.fake.waitForCallback(i.id);
    expect(isEphemeral(callback)).toBe(true);
    expect(embedOf(callback).title).toBe('Dazu steht nichts im Korpus');
  });
});

describe('the message context menu', () => {
  it('searches with the message text', async () => {
    const i = h.fake.messageContext('Search the corpus', { content: 'Wie hoch war der Aktienkurs von Nvidia?' });
    const callback = await h.fake.waitForCallback(i.id);
    expect(textOf(callback)).toContain('128,99');
  });
});

describe('/source', () => {
  it('autocompletes at most 25 valid choices, diacritics ignored', async () => {
    const i = h.fake.autocomplete('source', [{ name: 'article', type: 3, value: 'Militaer', focused: true }]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices).toEqual([{ name: '003_7a2cc86aa5fe0307.txt · Nur bei der Militärtechnologie kann China noch etwas von Russland lernen', value: '003_7a2cc86aa5fe0307.txt' }]);
    const all = h.fake.autocomplete('source', [{ name: 'article', type: 3, value: '', focused: true }]);
    const allChoices = ((await h.fake.waitForCallback(all.id)).data as { choices: unknown[] }).choices;
    expect(allChoices.length).toBe(5);
  });

  it('cites an article with byline, paragraph count and a citation line', async () => {
    const i = h.fake.chatInput('source', [str('article', '003_7a2cc86aa5fe0307.txt')]);
    const embed = embedOf(await h.fake.waitForCallback(i.id));
    expect(embed.title).toBe('Nur bei der Militärtechnologie kann China noch etwas von Russland lernen');
    expect(embed.description).toBe('Pavel Lokshin, Christina zur Nedden');
    expect(embed.footer?.text).toBe('003_7a2cc86aa5fe0307.txt · 15 paragraphs');
    expect(embed.fields?.[1]?.value).toBe('```\n"Nur bei der Militärtechnologie kann China noch etwas von Russland lernen", Pavel Lokshin, Christina zur Nedden (source: 003_7a2cc86aa5fe0307.txt)\n```');
  });

  it('cites one paragraph as a quote', async () => {
    const i = h.fake.chatInput('source', [str('article', '001_e98a8a84176a97af.txt'), int('paragraph', 4)], { locale: 'de' });
    const embed = embedOf(await h.fake.waitForCallback(i.id));
    expect(embed.fields?.[0]).toMatchObject({ name: 'Absatz 4' });
    expect(embed.fields?.[0]?.value).toContain('> Die Provinzregierung von Zhejiang');
  });

  it('answers an unknown article privately with the closest matches', async () => {
    const i = h.fake.chatInput('source', [str('article', 'Zhejiang KI')]);
    const ok = await h.fake.waitForCallback(i.id);
    expect(embedOf(ok).title).toBe('Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus');
    const unknown = h.fake.chatInput('source', [str('article', '../../etc/passwd')]);
    const callback = await h.fake.waitForCallback(unknown.id);
    expect(isEphemeral(callback)).toBe(true);
    expect(embedOf(callback).title).toBe('Article not found');
    expect(textOf(callback)).toContain('Did you mean');
  });
});

describe('/help', () => {
  it('explains the commands privately', async () => {
    const i = h.fake.chatInput('help', [], { locale: 'de' });
    const callback = await h.fake.waitForCallback(i.id);
    expect(isEphemeral(callback)).toBe(true);
    expect(embedOf(callback).title).toBe('Quelle – Fragen an das Korpus');
  });
});

describe('logging', () => {
  it('logs one line per interaction with its context, never a token', () => {
    const handled = h.logs.filter((l) => l.msg === 'interaction handled');
    expect(handled.length).toBeGreaterThan(5);
    expect(handled[0]).toMatchObject({ interactionId: expect.any(String), command: expect.any(String), guildId: h.fake.guildId, userId: expect.any(String), latencyMs: expect.any(Number), outcome: expect.any(String) });
    expect(JSON.stringify(h.logs)).not.toContain(FAKE_TOKEN);
    expect(JSON.stringify(h.logs)).not.toContain('fake-interaction-token');
  });
});
