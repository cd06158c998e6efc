import { describe, expect, it } from 'vitest';
import { diffArticles, Library } from '../../src/answers/library.js';
import { reload } from '../../src/answers/reload.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { buildEngine } from '../../src/search/engine.js';
import type { Engine } from '../../src/search/types.js';

function article(file: string, ...paragraphs: string[]): Article {
  return { file, title: file, titleDerived: false, byline: undefined, date: undefined, paragraphs: paragraphs.map((text, i) => ({ number: i + 1, heading: undefined, text })) };
}
function engineOf(...articles: Article[]): Engine {
  const corpus: Corpus = { dir: '/corpus', articles, skipped: [] };
  return buildEngine(corpus);
}
const silentLogger = { info: () => undefined, error: () => undefined };

const V1 = engineOf(article('handel.txt', 'Der Handel mit China wuchs 2024.'), article('alt.txt', 'Ein alter Artikel über Gallium.'));
const V2 = engineOf(article('handel.txt', 'Der Handel mit China schrumpfte 2025.'), article('neu.txt', 'Ein neuer Artikel über Germanium.'));

describe('Library', () => {
  it('swaps in the new engine only when the build is done', async () => {
    let finish: (engine: Engine) => void = () => undefined;
    const library = new Library(V1, () => new Promise((resolve) => (finish = resolve)));
    const reloading = library.reload();
    expect(library.reloading).toBe(true);
    expect(library.engine).toBe(V1); // questions during the build meet the old index
    finish(V2);
    const report = await reloading;
    expect(library.engine).toBe(V2);
    expect(library.reloading).toBe(false);
    expect(report).toMatchObject({ before: V1, after: V2, added: ['neu.txt'], removed: ['alt.txt'], changed: ['handel.txt'] });
  });

  it('keeps the old engine when the build fails', async () => {
    const library = new Library(V1, () => Promise.reject(new Error('Quelle: corpus dir "/gone" does not exist')));
    await expect(library.reload()).rejects.toThrow('does not exist');
    expect(library.engine).toBe(V1);
    expect(library.reloading).toBe(false);
  });

  it('shares one build between overlapping reloads', async () => {
    let builds = 0;
    const library = new Library(V1, async () => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return V2;
    });
    const [a, b, c] = await Promise.all([library.reload(), library.reload(), library.reload()]);
    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    await library.reload();
    expect(builds).toBe(2);
  });

  it('refreshes with a build that starts after the call, shared by the calls made during a build', async () => {
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const library = new Library(V1, () => {
      started.push(started.length + 1);
      return new Promise<Engine>((resolve) => releases.push(() => resolve(V2)));
    });
    const first = library.reload();
    // Two uploads written while the first build reads the dir: one more build, after it.
    const [a, b] = [library.refresh(), library.refresh()];
    expect(started).toEqual([1]);
    releases[0]?.();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2]);
    releases[1]?.();
    expect(await a).toBe(await b);
    // With no build running, a refresh is a reload.
    const c = library.refresh();
    expect(started).toEqual([1, 2, 3]);
    releases[2]?.();
    await c;
  });

  it('refreshes even when the build before it failed', async () => {
    let calls = 0;
    const library = new Library(V1, async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (calls === 1) throw new Error('Quelle: corpus dir "/gone" does not exist');
      return V2;
    });
    const first = library.reload();
    const refreshed = library.refresh();
    await expect(first).rejects.toThrow('does not exist');
    await expect(refreshed).resolves.toMatchObject({ after: V2 });
  });
});

describe('reload reply', () => {
  it('reports the change: counts, files, time', async () => {
    const library = new Library(V1, () => Promise.resolve(V2), (() => { let t = 0; return () => (t += 7); })());
    const reply = await reload(library, 'en', silentLogger);
    expect(reply).toMatchObject({ private: true, tone: 'info', title: 'Index reloaded' });
    expect(reply.text?.text).toBe('Articles: 2 → 2 · paragraphs: 2 → 2 · took 7 ms');
    expect(reply.sections.map((s) => [s.title, s.body.text])).toEqual([
      ['Added (1)', 'neu.txt'],
      ['Removed (1)', 'alt.txt'],
      ['Changed (1)', 'handel.txt'],
    ]);
  });

  it('says why a reload failed and that the old index stays', async () => {
    const errors: object[] = [];
    const library = new Library(V1, () => Promise.reject(new Error('Quelle: corpus dir "/gone" does not exist')));
    const reply = await reload(library, 'de', { info: () => undefined, error: (obj) => void errors.push(obj) });
    expect(reply).toMatchObject({ tone: 'error', private: true, title: 'Neu laden fehlgeschlagen' });
    expect(reply.text?.text).toBe('Quelle: corpus dir "/gone" does not exist\nDer bisherige Index (2 Artikel) bleibt in Betrieb.');
    expect(errors).toHaveLength(1);
    expect(library.engine).toBe(V1);
  });
});

describe('diffArticles', () => {
  it('finds nothing between equal corpora', () => {
    expect(diffArticles(V1.articles(), V1.articles())).toEqual({ added: [], removed: [], changed: [] });
  });
});
