import { beforeAll, describe, expect, it } from 'vitest';
import { ask, cleanQuestion, MAX_QUESTION_LENGTH, searchedText } from '../../src/answers/ask.js';
import { build } from '../../src/search/build.js';
import type { Engine } from '../../src/search/types.js';

let engine: Engine;
beforeAll(async () => {
  engine = await build('seeds');
});

describe('ask', () => {
  it('answers with passages: title, source file and paragraph, excerpt with the matched words bold', () => {
    const reply = ask(engine, { question: 'Wer ist Du Xuliang?', limit: 3 }, 'de');
    expect(reply).toMatchObject({ private: false, tone: 'answer', title: 'Frage: Wer ist Du Xuliang?' });
    const [first] = reply.sections;
    expect(first?.title).toBe('1. Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus');
    expect(first?.source).toMatch(/^001_e98a8a84176a97af\.txt · Absatz 4/u);
    const bold = first?.body.bold.map((s) => first.body.text.slice(s.start, s.end));
    expect(bold).toContain('Xuliang');
  });

  it('shows the closest passages under a heading that says it is not sure, naming what the corpus lacks', () => {
    const de = ask(engine, { question: 'Wer ist Du Xuliang und was hat er mit Huawei zu tun?', limit: 3 }, 'de');
    expect(de).toMatchObject({ tone: 'answer', title: 'Nicht sicher: Wer ist Du Xuliang und was hat er mit Huawei zu tun?' });
    expect(de.text?.text).toBe('Nicht sicher, ob das Ihre Frage beantwortet – am nächsten kommen diese Stellen. Zu „Huawei“ steht nichts im Korpus.');
    expect(de.sections[0]?.source).toMatch(/^001_e98a8a84176a97af\.txt · Absatz 4/u);
    const en = ask(engine, { question: 'Wer ist Du Xuliang und was hat er mit Huawei zu tun?', limit: 3, answerId: 'a1' }, 'en');
    expect(en.text?.text).toBe('Not sure this answers your question – these come closest. The corpus has nothing on "Huawei".');
    expect(en.buttons.map((b) => b.emoji).filter(Boolean)).toEqual(['👍', '👎']);
  });

  it('offers a cite button per passage and "more results" while there are more', () => {
    const reply = ask(engine, { question: 'Abhaengigkeit von China', limit: 3 }, 'en');
    expect(reply.sections).toHaveLength(3);
    expect(reply.footer).toMatch(/^Results 1–3 of \d+$/u);
    expect(reply.buttons.map((b) => b.action.kind)).toEqual(['cite', 'cite', 'cite', 'page']);
    expect(reply.buttons[3]).toMatchObject({ label: 'More results', action: { kind: 'page', question: 'Abhaengigkeit von China', offset: 3, private: false } });
    const [cite] = reply.buttons;
    expect(cite?.action).toEqual({ kind: 'cite', file: '000_a5c1968631554abc.txt', paragraph: 1 });
  });

  it('pages on with the offset, numbering on', () => {
    const page2 = ask(engine, { question: 'Abhaengigkeit von China', limit: 3, offset: 3 }, 'en');
    expect(page2.sections[0]?.title).toMatch(/^4\. /u);
    expect(page2.footer).toMatch(/^Results 4–6 of/u);
    const beyond = ask(engine, { question: 'Abhaengigkeit von China', limit: 3, offset: 999 }, 'en');
    expect(beyond).toMatchObject({ tone: 'info', title: 'No more results.', private: true });
  });

  it('answers privately on request, with a button to post it in the channel', () => {
    const reply = ask(engine, { question: 'Deepsek R1', limit: 3, private: true }, 'de');
    expect(reply.private).toBe(true);
    expect(reply.buttons.at(-1)).toEqual({ label: 'Im Kanal posten', action: { kind: 'publish', question: 'Deepsek R1', offset: 0 } });
  });

  it('says honestly when the corpus does not cover a question', () => {
    const reply = ask(engine, { question: 'Rezept für Apfelstrudel', limit: 3 }, 'de');
    expect(reply).toMatchObject({ tone: 'info', private: true, title: 'Dazu steht nichts im Korpus', buttons: [] });
    expect(reply.text?.text).toContain('„Rezept für Apfelstrudel“');
  });

  it('names the closest articles when the question matches a title but no passage', () => {
    // Whether the real engine finds a passage for this question depends on its tuning; here no
    // passage answers, always, and the closest titles come from the real engine's findArticles.
    const noPassage: Engine = {
      ...engine,
      search: (question) => ({ query: question, confidence: 'none', passages: [], missing: [], total: 0, abstained: 'no-match' }),
      findArticles: (text, limit) => engine.findArticles(text, limit),
    };
    const reply = ask(noPassage, { question: 'Silicon Valley Kochrezepte Strudel Wetter', limit: 3 }, 'en');
    expect(reply).toMatchObject({ tone: 'info', private: true, title: 'The corpus does not cover this', buttons: [] });
    expect(reply.sections).toHaveLength(1);
    expect(reply.sections[0]?.title).toBe('The closest articles');
    expect(reply.sections[0]?.body.text).toContain('001_e98a8a84176a97af.txt');
  });

  it.each(['', '   ', '?!…', 'und die der', 'the and of'])('asks for search words when the question has none: %j', (question) => {
    expect(ask(engine, { question, limit: 3 }, 'en')).toMatchObject({ tone: 'info', title: 'No search words found' });
  });

  it('refuses a question over the maximum length, and accepts one at it', () => {
    const atMax = `${'Handel '.repeat(60)}`.slice(0, MAX_QUESTION_LENGTH);
    expect(ask(engine, { question: atMax, limit: 3 }, 'en').title).not.toMatch(/too long/u);
    expect(ask(engine, { question: 'x'.repeat(MAX_QUESTION_LENGTH + 1), limit: 3 }, 'en')).toMatchObject({ tone: 'warning', title: 'The question is too long: 300 characters at most.' });
  });
});

describe('cleanQuestion', () => {
  it.each([
    ['  Wer   ist\tDu\nXuliang? ', 'Wer ist Du Xuliang?'],
    ['\u0000\u0007Gallium\u001b[31m', 'Gallium [31m'],
    ['\u202eGallium\u202c und \u2066Germanium\u2069', 'Gallium und Germanium'],
    ['Gal\u200blium', 'Gal\u200blium'],
  ])('%j → %j', (input, expected) => {
    expect(cleanQuestion(input)).toBe(expected);
  });
});

describe('searchedText', () => {
  it.each([
    ['@everyone Gallium', 'Gallium'],
    ['<@&123456789012345678> Gallium <#123456789012345678>', 'Gallium'],
    ['<@!123456789012345678>: wer ist Du Xuliang?', ': wer ist Du Xuliang?'],
    ['\u001b[31mGallium\u001b[0m', 'Gallium'],
    // Not a mention: an address, a word that merely starts like one.
    ['kontakt@here.org und @everyones Liebling', 'kontakt@here.org und @everyones Liebling'],
  ])('%j → %j', (question, searched) => {
    expect(searchedText(question)).toBe(searched);
  });
});

