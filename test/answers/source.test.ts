import { beforeAll, describe, expect, it } from 'vitest';
import { articleChoices, resolveArticle, source } from '../../src/answers/source.js';
import { build } from '../../src/search/build.js';
import type { Engine } from '../../src/search/types.js';

let engine: Engine;
beforeAll(async () => {
  engine = await build('seeds');
});

const KI = '001_e98a8a84176a97af.txt';

describe('source', () => {
  it('cites an article: title, byline, first paragraph as a quote, a citation line, the paragraph count', () => {
    const reply = source(engine, { article: '003_7a2cc86aa5fe0307.txt' }, 'de');
    expect(reply).toMatchObject({ private: false, tone: 'answer', title: 'Nur bei der Militärtechnologie kann China noch etwas von Russland lernen' });
    expect(reply.text?.text).toBe('Pavel Lokshin, Christina zur Nedden');
    expect(reply.sections[0]).toMatchObject({ title: 'Erster Absatz', quote: true });
    expect(reply.sections[1]).toMatchObject({ title: 'Zitieren als', verbatim: true });
    expect(reply.sections[1]?.body.text).toBe('„Nur bei der Militärtechnologie kann China noch etwas von Russland lernen“, Pavel Lokshin, Christina zur Nedden (Quelle: 003_7a2cc86aa5fe0307.txt)');
    expect(reply.footer).toBe('003_7a2cc86aa5fe0307.txt · 15 Absätze');
  });

  it('cites a single paragraph as a quote', () => {
    const reply = source(engine, { article: KI, paragraph: 4 }, 'en');
    expect(reply.sections[0]).toMatchObject({ title: 'Paragraph 4', source: `${KI} · paragraph 4`, quote: true });
    expect(reply.sections[0]?.body.text).toContain('Du Xuliang');
    expect(reply.sections[1]?.body.text).toMatch(/, para\. 4 \(source: 001_e98a8a84176a97af\.txt\)$/u);
  });

  it.each([0, -1, 999, 1.5])('refuses paragraph %d with the valid range', (paragraph) => {
    const reply = source(engine, { article: KI, paragraph }, 'en');
    expect(reply).toMatchObject({ tone: 'warning', private: true, title: 'Paragraph not found' });
    expect(reply.text?.text).toMatch(/its paragraphs are 1 to \d+\.$/u);
  });

  it('accepts a title, an autocomplete label, or free text one article matches best', () => {
    expect(resolveArticle(engine, 'Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus')?.file).toBe(KI);
    expect(resolveArticle(engine, `${KI} · Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus`)?.file).toBe(KI);
    expect(resolveArticle(engine, 'zhejiang')?.file).toBe(KI);
    expect(resolveArticle(engine, 'Militaertechnologie')?.file).toBe('003_7a2cc86aa5fe0307.txt');
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'seeds/001_e98a8a84176a97af.txt', 'nothing like it'])('treats %j as an unknown article and offers articles', (name) => {
    const reply = source(engine, { article: name }, 'en');
    expect(reply).toMatchObject({ tone: 'warning', private: true, title: 'Article not found' });
    expect(reply.sections[0]?.title).toBe('Did you mean');
    expect(reply.sections[0]?.body.text.split('\n').length).toBeGreaterThan(0);
  });
});

describe('articleChoices', () => {
  it('matches file names and titles, diacritics ignored', () => {
    expect(articleChoices(engine, 'Militaer', 25).map((c) => c.file)).toEqual(['003_7a2cc86aa5fe0307.txt']);
    expect(articleChoices(engine, '004', 25)[0]?.file).toBe('004_07e808b765e234ab.txt');
    expect(articleChoices(engine, '', 25)).toHaveLength(5);
    expect(articleChoices(engine, '', 2)).toHaveLength(2);
  });
});
