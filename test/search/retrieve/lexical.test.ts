import { describe, expect, it } from 'vitest';
import { lexicalRetriever, MATCH_QUALITY } from '../../../src/search/retrieve/lexical.js';
import type { Concept } from '../../../src/search/plan/plan.js';
import { Analyzer } from '../../../src/search/analysis/analyzer.js';
import { article, concept, indexed } from '../fixtures.js';

const OPTIONS = { compoundWeight: 0.7, stemWeight: 0.4, minPrefixLength: 5, commonDocFreq: 200 };
const indexes = indexed();
const retriever = lexicalRetriever(indexes, OPTIONS);
const analyzer = new Analyzer();
/** A question word with the index term the analyzer makes of it. */
const word = (surface: string, fields: Partial<Concept> = {}) => concept(surface, { term: analyzer.term(surface) ?? '', ...fields });

describe('lexicalRetriever', () => {
  it('finds each concept in the passages that say it, covering it fully as typed', () => {
    const [russland] = retriever.retrieve([word('Russland')]);
    // Passages 0 and 2 only sit under the title "Chinas Handel mit Russland".
    expect([...(russland?.matches.keys() ?? [])].sort()).toEqual([0, 1, 2, 4]);
    expect(russland?.matches.get(1)).toMatchObject({ covered: MATCH_QUALITY.exact, textual: true, local: true });
    expect(russland?.matches.get(0)).toMatchObject({ covered: MATCH_QUALITY.exact, textual: false, local: false, described: false });
    expect(russland?.direct.get(4)).toBe(MATCH_QUALITY.exact);
  });

  it("knows a match in a reference page's description, and which the question's own word made", () => {
    const rmdir = article('rmdir.1.txt', 'rmdir(1): rmdir - Leere Verzeichnisse entfernen', [['BESCHREIBUNG', 'VERZEICHNIS(se) entfernen, falls sie leer sind.'], ['OPTIONEN', '-v, --verbose Diagnose für jedes bearbeitete Verzeichnis ausgeben']]);
    const mbox = article('mbox.5.txt', 'mbox(5): mbox - Format für Mail-Ordner', [['BESCHREIBUNG', 'Eine leere Zeile trennt die Nachrichten.']]);
    const pages = lexicalRetriever(indexed({ dir: '/man', skipped: [], articles: [rmdir, mbox] }), OPTIONS);
    const ordner = word('Ordner', { alternatives: [{ terms: [analyzer.term('Verzeichnisse') ?? ''], weight: 0.6, via: 'synonym', contextOnly: true }] });
    const [leer, folder] = pages.retrieve([word('leer'), ordner]);
    // Both rmdir paragraphs sit under "Leere Verzeichnisse entfernen"; mbox says "leere" only in its text.
    expect(leer?.matches.get(0)).toMatchObject({ textual: true, described: true });
    expect(leer?.matches.get(1)).toMatchObject({ textual: false, local: false, described: true });
    expect(leer?.matches.get(2)).toMatchObject({ textual: true, described: false });
    expect([...(leer?.described ?? [])].sort()).toEqual([0, 1]);
    // "Ordner" is in mbox's description as asked; rmdir's says it only through the synonym.
    expect(folder?.matches.get(0)).toMatchObject({ described: true });
    expect([...(folder?.described ?? [])]).toEqual([2]);
  });

  it('knows a match in a heading or a title from one in the text', () => {
    // "Germanium" stands only in the heading over passages 1 and 2; "Wirtschaft" only in a title.
    const [germanium, wirtschaft] = retriever.retrieve([word('Germanium'), word('Wirtschaft')]);
    expect(germanium?.matches.get(2)).toMatchObject({ textual: false, local: true });
    expect(wirtschaft?.matches.get(3)).toMatchObject({ textual: false, local: false });
  });

  it('matches compounds below the word itself, and bridges apart from the direct match', () => {
    const invasion = word('Invasion', { compounds: [analyzer.term('Großinvasion') ?? ''], alternatives: [{ terms: [analyzer.term('Lieferungen') ?? ''], weight: 0.6, via: 'synonym' }] });
    const [found] = retriever.retrieve([invasion]);
    expect(found?.matches.get(3)?.covered).toBe(MATCH_QUALITY.compound);
    expect(found?.direct.get(3)).toBe(MATCH_QUALITY.compound);
    // Through the synonym only: covered at the bridge's weight, and not a direct match.
    expect(found?.matches.get(4)?.covered).toBe(0.6);
    expect(found?.direct.has(4)).toBe(false);
  });

  it('looks up a context-only bridge in titles and headings, not in the text', () => {
    // "Russland" is in the title over passages 0 to 2, and in the text of passages 1 and 4.
    const viaTitle = word('Moskau', { alternatives: [{ terms: [analyzer.term('Russland') ?? ''], weight: 0.6, via: 'synonym', contextOnly: true }] });
    const [found] = retriever.retrieve([viaTitle]);
    expect([...(found?.matches.keys() ?? [])].sort()).toEqual([0, 1, 2]);
    expect(found?.matches.get(1)).toMatchObject({ covered: 0.6, textual: false });
  });

  it('marks the matched index terms with their concept weight, except for frame words', () => {
    const [content, frame] = retriever.retrieve([word('Preise', { weight: 2 }), word('steigen', { frame: true })]);
    expect([...(content?.matches.get(2)?.terms ?? [])]).toEqual([[analyzer.term('Preise'), 2]]);
    expect(frame?.matches.get(2)?.terms.size).toBe(0);
  });

  it('does not look up a common measure word, and finds nothing for a word the corpus lacks', () => {
    const common = lexicalRetriever(indexes, { ...OPTIONS, commonDocFreq: 0 });
    const [weniger, jangtse] = common.retrieve([word('weniger', { frame: true, measure: true }), word('Jangtse')]);
    expect(weniger).toBeUndefined();
    expect(jangtse?.matches.size).toBe(0);
  });
});
