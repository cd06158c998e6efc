import { describe, expect, it } from 'vitest';
import { cleanVariant, parseDingLine } from '../../scripts/lexicons/ding.js';
import { parseSynsetLine } from '../../scripts/lexicons/openthesaurus.js';

describe('parseDingLine', () => {
  it('pairs aligned sub-entries and drops annotations', () => {
    const pairs = parseDingLine('Streik {m}; Ausstand {m} | Streiks {pl} :: strike | strikes');
    expect(pairs).toEqual([
      { english: ['strike'], german: ['Streik', 'Ausstand'] },
      { english: ['strikes'], german: ['Streiks'] },
    ]);
  });

  it('keeps only short variants, without placeholders or the infinitive "to"', () => {
    expect(parseDingLine('etw. importieren | importierend :: to import sth. | importing')).toEqual([
      { english: ['import'], german: ['importieren'] },
      { english: ['importing'], german: ['importierend'] },
    ]);
    expect(cleanVariant('die Einfuhrbeschränkungen lockern / verschärfen', 2)).toBeUndefined();
    expect(cleanVariant('Aal in Aspik', 2)).toBeUndefined();
  });

  it('takes abbreviations between slashes as variants of their own', () => {
    expect(parseDingLine('künstliche Intelligenz {f} /KI/ :: artificial intelligence /AI/')).toEqual([
      { english: ['artificial', 'intelligence'], german: ['künstliche Intelligenz', 'KI'] },
      { english: ['AI'], german: ['künstliche Intelligenz', 'KI'] },
    ]);
  });

  it('trusts only the first sub-entry when the sides are not aligned', () => {
    expect(parseDingLine('Einfuhr {f} | Einfuhrrechte {pl} | x :: import | import rights')).toEqual([{ english: ['import'], german: ['Einfuhr'] }]);
  });

  it('skips comments and malformed lines', () => {
    expect(parseDingLine('# Version :: devel')).toEqual([]);
    expect(parseDingLine('no separator here')).toEqual([]);
  });
});

describe('parseSynsetLine', () => {
  it('cleans notes and keeps abbreviations with their expansions', () => {
    expect(parseSynsetLine('EU (Abkürzung);Europäische Union')).toEqual([['EU'], ['Europäische', 'Union']]);
    expect(parseSynsetLine('Deputat...;Konzessions...')).toEqual([]);
  });
});
