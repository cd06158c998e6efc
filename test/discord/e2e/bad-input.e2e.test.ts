import { describe, expect, it } from 'vitest';
import type { RecordedCallback } from '../../fake-discord/index.js';
import { buttonsOf, embedOf, int, isEphemeral, useHarness, str, textOf, type Harness } from './harness.js';

/**
 * A tour of bad input through the real bot: every case gets a clear reply (the right title
 * from i18n, mentions off, inside Discord's limits) and the bot stays up for the next one.
 */

let h: Harness;
useHarness((started) => (h = started));

const TITLES = {
  noTerms: 'No search words found',
  tooLong: 'The question is too long: 300 characters at most.',
  noMatch: 'The corpus does not cover this',
  unknownArticle: 'Article not found',
  paragraphNotFound: 'Paragraph not found',
  unknownAction: 'No longer available',
  error: 'That did not work',
  emptyMessage: 'The message has no text to search for.',
} as const;

/** A title the reply must have, or `answered`: the question's passages ("Question: …"). */
type Expected = (typeof TITLES)[keyof typeof TITLES] | 'answered';

const GALLIUM_FILE = '004_07e808b765e234ab.txt';

/** A question of exactly `length` characters made of real words; 300 is the longest accepted. */
function questionOfLength(length: number): string {
  let q = 'Welche Rolle spielen Gallium und Germanium bei den chinesischen Exportbeschränkungen für Rohstoffe';
  while (q.length < length) q += ' Gallium Germanium Export';
  // Cut so that it ends on a letter: ask() trims, which would shorten the question.
  return q.slice(0, length).replace(/ $/u, 'x');
}

/**
 * The rendered text cannot ping or link a mention, wherever the question is echoed (title,
 * description): `@everyone`/`@here` only with a zero-width space, `<@…>`, `<@&…>`, `<#…>`
 * only backslash-escaped.
 */
function expectCannotPing(callback: RecordedCallback): void {
  const text = textOf(callback);
  expect(text.replace(/@\u200b(?:everyone|here)/gu, '')).not.toMatch(/@(?:everyone|here)/u);
  expect(text).not.toMatch(/(?<!\\)<[@#]/u);
}

/** The checks every reply to a command or button must pass. */
function expectClearReply(callback: RecordedCallback, expected: Expected): void {
  expect(callback.type).toBe(4);
  const embed = embedOf(callback);
  if (expected === 'answered') {
    expect(embed.title).toMatch(/^Question: /u);
    expect(embed.fields?.length ?? 0).toBeGreaterThan(0);
    expect(buttonsOf(callback).some((b) => b.label === 'Cite 1')).toBe(true);
    expect(isEphemeral(callback)).toBe(false);
  } else {
    expect(embed.title).toBe(expected);
    // Refusals, notices and apologies only bother the one who asked.
    expect(isEphemeral(callback)).toBe(true);
  }
  expect(callback.data?.allowed_mentions?.parse).toEqual([]);
  expectCannotPing(callback);
}

async function ask(question: string): Promise<RecordedCallback> {
  const i = h.fake.chatInput('ask', [str('question', question)]);
  return h.fake.waitForCallback(i.id);
}

/** Errors the router caught and apologised for; only the cases expecting an apology may add one. */
function failures(): number {
  return h.logs.filter((l) => l.msg === 'interaction failed').length;
}

describe('/ask with bad questions', () => {
  const cases: [string, string, Expected][] = [
    ['an empty string', '', TITLES.noTerms],
    ['white space only', ' \t\n  ', TITLES.noTerms],
    ['punctuation only', '?!…;:', TITLES.noTerms],
    ['German stopwords only', 'und die der das', TITLES.noTerms],
    ['English stopwords only', 'the and of what is', TITLES.noTerms],
    ['exactly 300 characters', questionOfLength(300), 'answered'],
    ['301 characters', questionOfLength(301), TITLES.tooLong],
    ['2000 characters', questionOfLength(2000), TITLES.tooLong],
    ['emoji only', '😀🎉🔥👍🏽', TITLES.noTerms],
    ['emoji inside a real question', '🇨🇳 Gallium 🔥', 'answered'],
    ['a zero-width space inside a word', 'Gal\u200blium', 'answered'],
    ['Arabic', 'ما هو الغاليوم', TITLES.noMatch],
    ['Hebrew', 'מה זה גליום', TITLES.noMatch],
    ['a right-to-left override', '\u202eGallium', 'answered'],
    ['control characters', '\u0000\u0007Gallium\u001b[31m', 'answered'],
    ['Markdown', '**Gallium** _Germanium_ `code` ||spoiler|| [link](https://x.y)', 'answered'],
    ['@everyone', '@everyone Gallium', 'answered'],
    ['a role mention', '<@&123456789012345678> Gallium', 'answered'],
    // Mentions say whom a message addresses, not what it asks: nothing is left to search.
    ['a user mention only', '<@123456789012345678>', TITLES.noTerms],
    ['SQL injection (DROP TABLE)', "'; DROP TABLE articles; --", TITLES.noMatch],
    ['SQL injection (OR 1=1)', "1' OR '1'='1", TITLES.noTerms],
    ['a Unix path', '../../etc/passwd', TITLES.noMatch],
    ['a Windows path', 'C:\\Windows\\system32', TITLES.noMatch],
    ['German without umlauts', 'Abhaengigkeit Russlands', 'answered'],
  ];

  it.each(cases)('%s gets a clear reply', async (_label, question, expected) => {
    const before = failures();
    const callback = await ask(question);
    expectClearReply(callback, expected);
    expect(failures()).toBe(before);
  });

  it('answers a 300-character question with its passages, and the title stays inside 256 characters', async () => {
    const callback = await ask(questionOfLength(300));
    const embed = embedOf(callback);
    expect(embed.title?.length).toBeLessThanOrEqual(256);
    expect(embed.title?.endsWith('…')).toBe(true);
    expect(textOf(callback)).toContain(GALLIUM_FILE.replace('_', '\\_'));
  });

  it('finds Gallium through a zero-width space and around emoji', async () => {
    for (const question of ['Gal\u200blium', '🇨🇳 Gallium 🔥']) {
      expect(embedOf(await ask(question)).fields?.map((f) => f.value).join('\n')).toContain('**Gallium**');
    }
  });

  it.each(['@here Gallium', '<#123456789012345678> Gallium', '<@123456789012345678> Gallium', '<@!123456789012345678> Gallium'])(
    'echoes %s only in a form that cannot ping',
    async (question) => {
      const callback = await ask(question);
      expect(callback.type).toBe(4);
      expectCannotPing(callback);
    },
  );

  it('echoes a user mention escaped in the "not covered" text', async () => {
    const callback = await ask('<@123456789012345678> Zwiebelkuchen Rezept');
    expect(embedOf(callback).description).toContain('\\<@123456789012345678\\>');
  });
});

describe('malformed interactions', () => {
  it('answers an unknown command with "No longer available"', async () => {
    const i = h.fake.chatInput('nonexistent', []);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.unknownAction);
  });

  it('answers /ask without its question option as a question without search words', async () => {
    const i = h.fake.chatInput('ask', []);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.noTerms);
  });

  it('ignores an extra unknown option on /ask', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?'), str('bogus', 'x'), int('limit', 999)]);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, 'answered');
    expect(textOf(callback)).toContain('Xuliang');
  });

  it('apologises when an option has the wrong type (a number as the question)', async () => {
    const before = failures();
    const i = h.fake.chatInput('ask', [int('question', 42)]);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.error);
    expect(failures()).toBe(before + 1);
  });

  it('answers /source without its article option with "Article not found" and suggestions', async () => {
    const i = h.fake.chatInput('source', []);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, TITLES.unknownArticle);
    expect(textOf(callback)).toContain('Did you mean');
  });

  it.each([0, -5, 9999])('answers /source paragraph %i with "Paragraph not found" and the valid range', async (paragraph) => {
    const i = h.fake.chatInput('source', [str('article', '001_e98a8a84176a97af.txt'), int('paragraph', paragraph)]);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, TITLES.paragraphNotFound);
    expect(embedOf(callback).description).toBe(`"Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus" has no paragraph ${paragraph}; its paragraphs are 1 to 8.`);
  });

  it('echoes an article name with mentions escaped', async () => {
    const i = h.fake.chatInput('source', [str('article', '@everyone <@&123456789012345678>')]);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, TITLES.unknownArticle);
    expect(embedOf(callback).description).toBe('There is no article "@\u200beveryone \\<@&123456789012345678\\>" in the corpus.');
  });

  it('answers a paragraph of an unknown article with "Article not found"', async () => {
    const i = h.fake.chatInput('source', [str('article', 'nonexistent-article'), int('paragraph', 2)]);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.unknownArticle);
  });

  it('apologises when /source paragraph is not an integer', async () => {
    const before = failures();
    const i = h.fake.chatInput('source', [str('article', '001_e98a8a84176a97af.txt'), str('paragraph', 'drei')]);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.error);
    expect(failures()).toBe(before + 1);
  });

  it.each(['../../etc/passwd', '/etc/passwd', '../seeds/001_e98a8a84176a97af.txt'])('never reads %s as a path', async (article) => {
    const i = h.fake.chatInput('source', [str('article', article)]);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, TITLES.unknownArticle);
    expect(textOf(callback)).not.toContain('root:');
  });
});

describe('bad buttons', () => {
  it.each<[string, string, Expected]>([
    ['a custom_id this bot never made', 'nonsense', TITLES.unknownAction],
    ['a page of a forgotten question', 'p:zzzz:3:0', TITLES.unknownAction],
    ['"Post in channel" of a forgotten question', 'b:zzzz:0', TITLES.unknownAction],
    ['a citation of an unknown article', 'c:1:missing.txt', TITLES.unknownArticle],
    ['a citation of a paragraph out of range', `c:99999:${GALLIUM_FILE}`, TITLES.paragraphNotFound],
    ['a citation of paragraph 0', `c:0:${GALLIUM_FILE}`, TITLES.unknownAction],
    ['a citation with a path', 'c:1:../../etc/passwd', TITLES.unknownArticle],
    ['an empty custom_id', '', TITLES.unknownAction],
  ])('answers %s clearly', async (_label, customId, expected) => {
    const i = h.fake.button(customId);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, expected);
    expect(textOf(callback)).not.toContain('root:');
  });
});

describe('bad autocomplete', () => {
  type Choice = { name: string; value: string };
  const choicesOf = (callback: RecordedCallback): Choice[] => (callback.data as { choices?: Choice[] } | undefined)?.choices ?? [];

  it('offers valid choices for an empty value', async () => {
    const i = h.fake.autocomplete('source', [{ name: 'article', type: 3, value: '', focused: true }]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(8);
    const choices = choicesOf(callback);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it.each([
    ['200 characters of junk', '#&%$§ä'.repeat(34).slice(0, 200)],
    ['200 x', 'x'.repeat(200)],
    ['a path', '../../etc/passwd'],
  ])('answers %s with choices inside the limits (maybe none)', async (_label, value) => {
    const i = h.fake.autocomplete('source', [{ name: 'article', type: 3, value, focused: true }]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(8);
    const choices = choicesOf(callback);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('answers autocomplete for an unknown command with no choices', async () => {
    const i = h.fake.autocomplete('nonexistent', [{ name: 'article', type: 3, value: 'Gallium', focused: true }]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(8);
    expect(choicesOf(callback)).toEqual([]);
  });

  it('answers autocomplete on a command without autocomplete with no choices', async () => {
    const i = h.fake.autocomplete('ask', [{ name: 'question', type: 3, value: 'Gallium', focused: true }]);
    const callback = await h.fake.waitForCallback(i.id);
    expect(callback.type).toBe(8);
    expect(choicesOf(callback)).toEqual([]);
  });
});

describe('the message context menu with bad messages', () => {
  it('says so when the message has no text', async () => {
    const i = h.fake.messageContext('Search the corpus', { content: '' });
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.emptyMessage);
  });

  it('says so when the message is white space only', async () => {
    const i = h.fake.messageContext('Search the corpus', { content: '  \n\t ' });
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.emptyMessage);
  });

  it('refuses a 5000-character message as too long', async () => {
    const i = h.fake.messageContext('Search the corpus', { content: questionOfLength(5000) });
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.tooLong);
  });

  it('does not let a message with @everyone ping', async () => {
    const i = h.fake.messageContext('Search the corpus', { content: '@everyone was ist mit Gallium?' });
    expectClearReply(await h.fake.waitForCallback(i.id), 'answered');
  });

  it('answers "Search the corpus" used as a slash command with "No longer available"', async () => {
    const i = h.fake.chatInput('Search the corpus', []);
    expectClearReply(await h.fake.waitForCallback(i.id), TITLES.unknownAction);
  });
});

describe('after all that', () => {
  it('still answers a normal question, and every interaction got exactly one answer', async () => {
    const i = h.fake.chatInput('ask', [str('question', 'Wer ist Du Xuliang?')]);
    const callback = await h.fake.waitForCallback(i.id);
    expectClearReply(callback, 'answered');
    expect(textOf(callback)).toContain('001\\_e98a8a84176a97af.txt · paragraph 4');
    // Only the two wrong-type options were apologised for.
    expect(failures()).toBe(2);
    expect(h.logs.filter((l) => l.msg === 'could not send the apology')).toEqual([]);
    const callbacks = h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/callback'));
    expect(callbacks.every((r) => r.status === 204 || r.status === 200)).toBe(true);
  });
});
