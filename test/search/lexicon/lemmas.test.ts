import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeWord } from '../../../src/search/analysis/normalize.js';
import { cistem } from '../../../src/search/analysis/stem.js';
import { lexiconHeader } from '../../../src/search/lexicon/format.js';
import { LEMMA_FILE, LEMMA_HEADER, loadLemmas, parseLemmas } from '../../../src/search/lexicon/lemmas.js';

// Lines as the committed file has them.
const TEXT = `${LEMMA_HEADER}
abgesturzt\tabsturzen
brach\tbrechen
eingebrochen\teinbrechen
lagen\tlage\tliegen
museen\tmuseum
sank\tsinken
schalte\tschalen
schaltete\tschalten
~ab\tschalen\tabschalen
~ab\tschalten\tabschalten
~ab\tsturzen\tabsturzen
~ein\tbrechen\teinbrechen
`;

describe('parseLemmas', () => {
  const lemmas = parseLemmas(TEXT);

  it('gives the lemma of an irregular noun plural and of a strong verb preterite', () => {
    expect(lemmas.lemmasOf('museen')).toEqual(['museum']);
    expect(lemmas.lemmasOf('sank')).toEqual(['sinken']);
  });

  it('gives the separable verb of a participle', () => {
    expect(lemmas.lemmasOf(normalizeWord('abgestürzt'))).toEqual(['absturzen']);
    expect(lemmas.lemmasOf('eingebrochen')).toEqual(['einbrechen']);
  });

  it('keeps every lemma of an ambiguous form', () => {
    expect(lemmas.lemmasOf('lagen')).toEqual(['lage', 'liegen']);
  });

  it('knows nothing of lemmas, regular forms and unknown words', () => {
    expect(lemmas.lemmasOf('sinken')).toBeUndefined();
    expect(lemmas.lemmasOf('sinkt')).toBeUndefined();
    expect(lemmas.lemmasOf('huawei')).toBeUndefined();
    expect(lemmas.size).toBe(8);
  });

  it('joins a particle to the lemma of the verb form it belongs to', () => {
    // "Der Kurs brach ein": brach → brechen, ("ein", "brechen") → einbrechen.
    const [base] = lemmas.lemmasOf('brach') ?? [];
    expect(lemmas.separable('ein', base as string)).toBe('einbrechen');
    expect(lemmas.separable('aus', 'brechen')).toBeUndefined();
    expect(lemmas.separable('brechen', 'ein')).toBeUndefined();
  });

  it('joins a regular form without an entry by its stem, when the stem tells the verb', () => {
    // "Das Flugzeug stürzte ab": "sturzte" meets "sturzen" through CISTEM.
    expect(cistem('sturzte')).toBe(cistem('sturzen'));
    expect(lemmas.separable('ab', 'sturzte')).toBe('absturzen');
    // "schaltete" and "schalte" share the stem "schal": the form's own entry tells them apart.
    expect(lemmas.separable('ab', 'schalt')).toBeUndefined();
    expect(lemmas.separable('ab', lemmas.lemmasOf('schaltete')?.[0] as string)).toBe('abschalten');
    expect(lemmas.separable('ab', lemmas.lemmasOf('schalte')?.[0] as string)).toBe('abschalen');
  });

  it('fingerprints the content, for the index cache', () => {
    expect(parseLemmas(TEXT).fingerprint).toBe(lemmas.fingerprint);
    expect(parseLemmas(TEXT.replace('sank\tsinken', 'sank\tsenken')).fingerprint).not.toBe(lemmas.fingerprint);
  });

  it('refuses a file built for another analyzer, or of another kind, with the reason', () => {
    expect(LEMMA_HEADER).toBe(lexiconHeader('synonyms').replace(' synonyms ', ' lemmas '));
    expect(() => parseLemmas('# quelle lexicon lemmas analysis=cistem-0\nsank\tsinken\n')).toThrow(
      `Quelle: the lemma lexicon was built for another analyzer (expected "${LEMMA_HEADER}"); run npm run lexicons`,
    );
    expect(() => parseLemmas(`${lexiconHeader('synonyms')}\neu\teuropa union\n`, 'lexicons/x.tsv.gz')).toThrow(
      `Quelle: lexicons/x.tsv.gz is not a lemma lexicon (expected the header "${LEMMA_HEADER}"); run npm run lexicons`,
    );
    expect(() => parseLemmas('')).toThrow(`Quelle: the lemma lexicon is not a lemma lexicon (expected the header "${LEMMA_HEADER}"); run npm run lexicons`);
  });

  it('refuses malformed lines, naming the line', () => {
    expect(() => parseLemmas(`${LEMMA_HEADER}\nsank\tsinken\nsank\n`)).toThrow('Quelle: the lemma lexicon line 3 is malformed ("sank"); run npm run lexicons');
    expect(() => parseLemmas(`${LEMMA_HEADER}\n~ein\tbrechen\n`)).toThrow('Quelle: the lemma lexicon line 2 is malformed ("~ein\tbrechen"); run npm run lexicons');
  });
});

describe('loadLemmas', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'quelle-lemmas-'));
    dirs.push(dir);
    return dir;
  };

  it('reads the committed file: irregular forms, participles and separable verbs', async () => {
    const lemmas = await loadLemmas();
    expect(lemmas.size).toBeGreaterThan(20_000);
    const lemmaOf = (word: string) => lemmas.lemmasOf(normalizeWord(word));
    expect(lemmaOf('verließ')).toEqual(['verlassen']);
    expect(lemmaOf('sank')).toEqual(['sinken']);
    expect(lemmaOf('stieg')).toEqual(['steigen']);
    expect(lemmaOf('brach')).toEqual(['brechen']);
    expect(lemmaOf('eingebrochen')).toEqual(['einbrechen']);
    expect(lemmaOf('abgestürzt')).toEqual(['absturzen']);
    expect(lemmaOf('Museen')).toEqual(['museum']);
    expect(lemmaOf('gesagt')).toEqual(['sagen']);
    expect(lemmaOf('waren')).toEqual(['ware', 'sein']);
    // Regular under folding and CISTEM, so not listed: "Männer" → "manner" → "mann", "stürzte" → "sturz".
    expect(lemmaOf('Männer')).toBeUndefined();
    expect(lemmaOf('stürzte')).toBeUndefined();
    // Lemmas stand for themselves.
    expect(lemmaOf('sein')).toBeUndefined();
    expect(lemmaOf('Weg')).toBeUndefined();
    expect(lemmas.separable('ein', 'brechen')).toBe('einbrechen');
    expect(lemmas.separable('ab', 'hauen')).toBe('abhauen');
    expect(lemmas.separable('ab', normalizeWord('stürzte'))).toBe('absturzen');
    expect(lemmas.separable('statt', 'finden')).toBe('stattfinden');
    expect(lemmas.separable('ab', lemmas.lemmasOf('schaltete')?.[0] as string)).toBe('abschalten');
    // Loaded once per process.
    expect(await loadLemmas()).toBe(lemmas);
  });

  it('names the file that is missing or was built for another analyzer', async () => {
    const dir = await tempDir();
    const file = path.join(dir, LEMMA_FILE);
    await expect(loadLemmas(dir)).rejects.toThrow(`Quelle: ${file} is missing; run npm run lexicons`);
    await writeFile(file, gzipSync('# quelle lexicon lemmas analysis=cistem-0\nsank\tsinken\n'));
    await expect(loadLemmas(dir)).rejects.toThrow(`Quelle: ${file} was built for another analyzer (expected "${LEMMA_HEADER}"); run npm run lexicons`);
    // A failed read is not kept: the rebuilt file is read.
    await writeFile(file, gzipSync(TEXT));
    expect((await loadLemmas(dir)).lemmasOf('sank')).toEqual(['sinken']);
  });
});
