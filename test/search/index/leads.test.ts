import { describe, expect, it } from 'vitest';
import { passagesOf } from '../../../src/search/index/documents.js';
import { leadPassages } from '../../../src/search/index/leads.js';
import { article } from '../fixtures.js';

describe('leadPassages', () => {
  it('takes the first passage under BESCHREIBUNG of a page with a description, and none of a news article', () => {
    const nl = article('nl.1.txt', 'nl(1): nl - Zeilennummern von Dateien ausgeben', [
      ['ÜBERSICHT', 'nl [OPTION]… [DATEI]…'],
      ['BESCHREIBUNG', 'Jede DATEI mit Zeilennummern in die Standardausgabe schreiben.'],
      ['BESCHREIBUNG', '-b, --body-numbering=STIL Stil für die Nummerierung der Textkörperzeilen verwenden'],
    ]);
    const news = article('000.txt', 'Chinas KI-Offensive', [[undefined, 'Die Provinz Zhejiang fordert das Silicon Valley heraus.']]);
    const named = article('file.1.txt', 'file(1)', [['BESCHREIBUNG', 'file testet jedes Argument.']]);
    const docs = passagesOf({ dir: '/c', skipped: [], articles: [nl, news, named] });
    expect([...leadPassages(docs)].map((id) => docs[id]?.text)).toEqual(['Jede DATEI mit Zeilennummern in die Standardausgabe schreiben.']);
  });
});
