import { describe, expect, it } from 'vitest';
import { buildBridges } from '../../../src/search/lexicon/bridges.js';
import { indexLexicon } from '../../../src/search/lexicon/lexicon.js';
import { loadLexicons } from '../../../src/search/lexicon/load.js';

const OPTIONS = { maxTranslations: 3, maxSynonyms: 3, maxParaphrases: 2, maxParaphraseFanout: 4, maxBridgeDocFreq: 100 };

// Inline fixtures in the committed format: terms as the analyzer makes them.
const SOURCE = {
  english: ['chip\tkartoffelchip\tchip', 'import\teinfuhr\timpor\tfehlt', 'rare earth\tselt erd\tseltenerd'].join('\n'),
  synonyms: ['einfuhr\timpor', 'eu\teuropaisch unio', 'anfang\teinfuhr\tstar\tbegin\teroff\tlancier'].join('\n'),
};
const CORPUS_DF: Record<string, number> = { impor: 5, einfuhr: 1, selt: 2, erd: 3, chip: 4, europaisch: 2, unio: 2, star: 9 };
const df = (term: string) => CORPUS_DF[term] ?? 0;

describe('buildBridges', () => {
  const bridges = buildBridges(indexLexicon(SOURCE), { documentFrequency: df, compoundsWith: () => [] }, OPTIONS);

  it('keeps only German phrases the corpus has, most frequent first', () => {
    expect(bridges.translations('import')).toEqual([['impor'], ['einfuhr']]);
    expect(bridges.translations('chip')).toEqual([['chip']]);
  });

  it('translates two-word English phrases to phrases whose every term the corpus has', () => {
    expect(bridges.translations('rare earth')).toEqual([['selt', 'erd']]);
  });

  it('maps synonyms and abbreviations both ways, the most specific set first', () => {
    expect(bridges.synonyms('eu')).toEqual([['europaisch', 'unio']]);
    expect(bridges.synonyms('einfuhr')[0]).toEqual(['impor']);
    // A word the corpus lacks still reaches the members it has.
    expect(bridges.synonyms('lancier')).toEqual([['einfuhr'], ['star']]);
  });

  it('reaches the corpus through compounds whose head is a word it lacks', () => {
    const withCompounds = buildBridges(
      indexLexicon({ english: 'war\tkrieg', synonyms: 'streit\tkrieg\tkonflikt' }),
      { documentFrequency: (term) => (term === 'handelskrieg' ? 2 : 0), compoundsWith: (term) => (term === 'krieg' ? ['handelskrieg'] : []) },
      OPTIONS,
    );
    expect(withCompounds.synonyms('streit')).toEqual([['handelskrieg']]);
    expect(withCompounds.translations('war')).toEqual([['handelskrieg']]);
  });

  it('bridges to no word too common to tell anything', () => {
    const common = buildBridges(indexLexicon(SOURCE), { documentFrequency: (term) => (term === 'impor' ? 500 : df(term)), compoundsWith: () => [] }, OPTIONS);
    expect(common.translations('import')).toEqual([['einfuhr']]);
  });

  it('keeps the words too common to bridge to apart, for titles and headings', () => {
    // "Ordner" ~ "Verzeichnis", in 2,000 man-page paragraphs: "cp - Dateien und Verzeichnisse kopieren".
    const manPages = buildBridges(
      indexLexicon({ english: 'directory\tverzeichni\tordn\tdirektorium', synonyms: 'dateiverzeichni\tverzeichni\tord' }),
      { documentFrequency: (term) => ({ verzeichni: 2000, ord: 3, direktorium: 1 })[term] ?? 0, compoundsWith: () => [] },
      OPTIONS,
    );
    expect(manPages.synonyms('ord')).toEqual([]);
    expect(manPages.commonSynonyms('ord')).toEqual([['verzeichni']]);
    expect(manPages.translations('directory')).toEqual([['direktorium']]);
    expect(manPages.commonTranslations('directory')).toEqual([['verzeichni']]);
    // A word the corpus lacks is no common word.
    expect(manPages.commonSynonyms('verzeichni')).toEqual([]);
  });

  it('paraphrases a German word through the English words it shares with others, the most shared and specific first', () => {
    const pivots = buildBridges(
      indexLexicon({
        // "talk" has few senses; "run" has too many to say anything (fanout 4).
        english: ['conversation\tgesprach\tunterhaltung', 'run\tlauf\tleit\tbetreib\tgesprach\tfuhr', 'talk\tgesprach\tunterredung\tunterhaltung'].join('\n'),
        synonyms: '',
      }),
      { documentFrequency: (term) => (['unterredung', 'unterhaltung', 'leit'].includes(term) ? 1 : 0), compoundsWith: () => [] },
      OPTIONS,
    );
    expect(pivots.paraphrases('gesprach')).toEqual([['unterhaltung'], ['unterredung']]);
    expect(pivots.paraphrases('lauf')).toEqual([]);
  });

  it('answers nothing for unknown keys', () => {
    expect(bridges.translations('banana')).toEqual([]);
    expect(bridges.synonyms('kasekuch')).toEqual([]);
  });
});

describe('indexLexicon', () => {
  it('refuses an English lexicon that is not sorted by key', () => {
    expect(() => indexLexicon({ english: 'import\timpor\nchip\tchip', synonyms: '' })).toThrow('Quelle: the English lexicon is not sorted by key at "chip"; run npm run lexicons');
  });
});

describe('the committed lexicons', () => {
  it('load, and bridge real words', async () => {
    const source = await loadLexicons();
    const real = buildBridges(source, { documentFrequency: (term) => (['einfuhr', 'impor', 'lieferung', 'schuld', 'verschuldung'].includes(term) ? 1 : 0), compoundsWith: () => [] }, { maxTranslations: 6, maxSynonyms: 6, maxParaphrases: 3, maxParaphraseFanout: 12, maxBridgeDocFreq: 100 });
    expect(real.translations('import').map((p) => p.join(' '))).toEqual(expect.arrayContaining(['einfuhr', 'impor']));
    expect(real.translations('debt').map((p) => p.join(' '))).toEqual(expect.arrayContaining(['schuld', 'verschuldung']));
    expect(real.synonyms('einfuhr').map((p) => p.join(' '))).toContain('impor');
    expect(real.paraphrases('impor').map((p) => p.join(' '))).toContain('einfuhr');
  });

  it('refuses a directory without them, naming the file', async () => {
    await expect(loadLexicons('/nonexistent-quelle-lexicons')).rejects.toThrow(/en-de\.tsv\.gz|de-synonyms\.tsv\.gz/);
  });
});
