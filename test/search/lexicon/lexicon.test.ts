import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareKeys, LEXICON_FILES, lexiconHeader, type LexiconKind } from '../../../src/search/lexicon/format.js';
import { compactLexicon, indexLexicon, MAX_PARAPHRASE_FANOUT, openLexicon, type Lexicon, type LexiconSource } from '../../../src/search/lexicon/lexicon.js';
import { defaultLexiconDir, loadLexicons } from '../../../src/search/lexicon/load.js';

/**
 * The lexicon as it was indexed at start-up before the compact files (Maps over every line):
 * the reference the files must answer like.
 */
function referenceLexicon(source: LexiconSource): Lexicon {
  const { english } = source;
  const starts: number[] = [];
  for (let at = 0; at < english.length; ) {
    const end = english.indexOf('\n', at);
    if (english.indexOf('\t', at) !== -1 && (end === -1 || english.indexOf('\t', at) < end)) starts.push(at);
    at = end === -1 ? english.length : end + 1;
  }
  const lines = Int32Array.from(starts);
  const keyAt = (i: number): string => {
    const start = lines[i] as number;
    return english.slice(start, english.indexOf('\t', start));
  };
  const sets: string[][] = [];
  const setsOf = new Map<string, number[]>();
  for (const line of source.synonyms.split('\n')) {
    if (line === '') continue;
    const members = line.split('\t');
    for (const member of members) {
      const list = setsOf.get(member);
      if (list === undefined) setsOf.set(member, [sets.length]);
      else list.push(sets.length);
    }
    sets.push(members);
  }
  const reverse = new Map<string, number | number[]>();
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i] as number;
    const end = english.indexOf('\n', start);
    const fields = english.slice(english.indexOf('\t', start) + 1, end === -1 ? english.length : end).split('\t');
    if (fields.length > MAX_PARAPHRASE_FANOUT) continue;
    for (const german of fields) {
      if (german.includes(' ')) continue;
      const known = reverse.get(german);
      if (known === undefined) reverse.set(german, i);
      else if (typeof known === 'number') {
        if (known !== i) reverse.set(german, [known, i]);
      } else if (known[known.length - 1] !== i) known.push(i);
    }
  }
  return {
    englishFor(term) {
      const found = reverse.get(term);
      return found === undefined ? [] : typeof found === 'number' ? [keyAt(found)] : found.map(keyAt);
    },
    translations(key) {
      let lo = 0;
      let hi = lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keyAt(mid) < key) lo = mid + 1;
        else hi = mid;
      }
      if (lo === lines.length || keyAt(lo) !== key) return [];
      const start = lines[lo] as number;
      const end = english.indexOf('\n', start);
      return english.slice(start, end === -1 ? english.length : end).split('\t').slice(1);
    },
    synsets: (member) => (setsOf.get(member) ?? []).map((i) => sets[i] as string[]),
  };
}

/** Asks both lexicons the same, over words that are in the files and words that are not. */
function expectSameAnswers(actual: Lexicon, expected: Lexicon, words: readonly string[]): void {
  for (const word of words) {
    expect(actual.translations(word), `translations(${JSON.stringify(word)})`).toEqual(expected.translations(word));
    expect(actual.englishFor(word), `englishFor(${JSON.stringify(word)})`).toEqual(expected.englishFor(word));
    expect(actual.synsets(word), `synsets(${JSON.stringify(word)})`).toEqual(expected.synsets(word));
  }
}

describe('indexLexicon', () => {
  it('answers small texts as the index built at start-up did, lines without a tab and empty sets dropped', () => {
    const source = {
      english: ['', 'chip\tkartoffelchip\tchip', 'no tab here', 'import\teinfuhr\timpor\tfehlt\timpor', 'rare earth\tselt erd\tseltenerd', 'zoll\t'].join('\n'),
      synonyms: ['einfuhr\timpor', '', 'eu\teuropaisch unio', 'anfang\teinfuhr\tstar\t\tbegin'].join('\n'),
    };
    const words = ['', 'chip', 'import', 'impor', 'einfuhr', 'rare earth', 'selt erd', 'seltenerd', 'zoll', 'eu', 'europaisch unio', 'no tab here', 'a\tb', 'zzz', 'aaa', 'impo', 'imports'];
    expectSameAnswers(indexLexicon(source), referenceLexicon(source), words);
    expect(indexLexicon(source).synsets('einfuhr')).toEqual([['einfuhr', 'impor'], ['anfang', 'einfuhr', 'star', '', 'begin']]);
  });

  it('leaves English keys with more than MAX_PARAPHRASE_FANOUT translations out of englishFor', () => {
    const many = Array.from({ length: MAX_PARAPHRASE_FANOUT + 1 }, (_, i) => `wort${i}`);
    const lexicon = indexLexicon({ english: [`run\t${many.join('\t')}`, 'walk\twort1\tgeh'].join('\n'), synonyms: '' });
    expect(lexicon.englishFor('wort1')).toEqual(['walk']);
    expect(lexicon.englishFor('wort2')).toEqual([]);
    expect(lexicon.translations('run')).toHaveLength(MAX_PARAPHRASE_FANOUT + 1);
  });

  it('points each member at the byte where its sets start, and refuses an index that points elsewhere', () => {
    const compact = compactLexicon({ english: '', synonyms: 'größe\tumfang\numfang\tausmass' });
    // Bytes, not characters: "größe" is 7 bytes of UTF-8.
    expect(compact.members).toBe('ausmass\t15\ngröße\t0\numfang\t0\t15\n');
    const files = { english: Buffer.from(''), reverse: Buffer.from(''), synonyms: Buffer.from(compact.synonyms) };
    expect(openLexicon({ ...files, members: Buffer.from(compact.members) }).synsets('umfang')).toEqual([['größe', 'umfang'], ['umfang', 'ausmass']]);
    expect(() => openLexicon({ ...files, members: Buffer.from('umfang\t3\n') }).synsets('umfang')).toThrow('Quelle: the synonym index points at byte 3, where no synonym set starts; run npm run lexicons');
  });

  it('is empty for empty texts', () => {
    const empty = indexLexicon({ english: '', synonyms: '' });
    expect([empty.translations(''), empty.englishFor('x'), empty.synsets('x')]).toEqual([[], [], []]);
  });

  it('answers arbitrary small texts as the index built at start-up did', () => {
    const word = fc.stringMatching(/^[a-zäöüß ]{0,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 12 }), fc.array(fc.array(word, { maxLength: 24 }), { maxLength: 12 }), fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.array(word, { maxLength: 10 }), (keys, translations, sets, probes) => {
        const english = [...keys]
          .sort(compareKeys)
          .map((key, i) => [key, ...(translations[i] ?? ['x'])].join('\t'))
          .join('\n');
        const source = { english, synonyms: sets.map((set) => set.join('\t')).join('\n') };
        const all = [...keys, ...translations.flat(), ...sets.flat(), ...probes];
        expectSameAnswers(indexLexicon(source), referenceLexicon(source), all);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the committed lexicon files', () => {
  const dir = defaultLexiconDir();
  /** A committed file, unpacked, without its header. */
  const body = (kind: LexiconKind): string => {
    const text = gunzipSync(readFileSync(path.join(dir, LEXICON_FILES[kind]))).toString('utf8');
    const header = `${lexiconHeader(kind)}\n`;
    expect(text.startsWith(header)).toBe(true);
    return text.slice(header.length);
  };
  let bodies: Record<LexiconKind, string>;
  let loaded: Lexicon;
  let reference: Lexicon;
  beforeAll(async () => {
    bodies = { english: body('english'), reverse: body('reverse'), synonyms: body('synonyms'), members: body('members') };
    loaded = await loadLexicons(dir);
    reference = referenceLexicon({ english: bodies.english, synonyms: bodies.synonyms });
  });

  it('are sorted by their first field, strictly, and every line has one beside the rest', () => {
    for (const kind of ['english', 'reverse', 'members'] as const) {
      const lines = bodies[kind].split('\n');
      expect(lines.pop(), kind).toBe('');
      let previous: string | undefined;
      for (const line of lines) {
        const tab = line.indexOf('\t');
        if (tab === -1) throw new Error(`${kind}: a line without a tab: "${line}"`);
        const first = line.slice(0, tab);
        if (previous !== undefined && compareKeys(previous, first) >= 0) throw new Error(`${kind}: "${first}" after "${previous}"`);
        if (previous !== undefined && Buffer.compare(Buffer.from(previous), Buffer.from(first)) >= 0) throw new Error(`${kind}: "${first}" after "${previous}" in byte order`);
        previous = first;
      }
    }
  });

  it('hold the indexes derived from the dictionary and the synonym sets, and nothing else (npm run lexicons)', () => {
    const derived = compactLexicon({ english: bodies.english, synonyms: bodies.synonyms });
    expect(derived.english === bodies.english).toBe(true);
    expect(derived.synonyms === bodies.synonyms).toBe(true);
    expect(derived.reverse === bodies.reverse).toBe(true);
    expect(derived.members === bodies.members).toBe(true);
  });

  it('answer as the index built at start-up did, for 2,000 random keys, terms and members', () => {
    const keys = bodies.english.split('\n').slice(0, -1).map((line) => line.split('\t'));
    const sets = bodies.synonyms.split('\n').slice(0, -1).map((line) => line.split('\t'));
    const pick = <T>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map((i) => list[i] as T);
    // A word of the files (a key, a translation: a term or a phrase, a synonym), or one cut or lengthened: near misses.
    const word = fc.oneof(
      pick(keys).map((line) => line[0] as string),
      fc.tuple(pick(keys), fc.nat()).map(([line, i]) => line[1 + (i % (line.length - 1))] as string),
      fc.tuple(pick(sets), fc.nat()).map(([set, i]) => set[i % set.length] as string),
    );
    const probe = fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 1, arbitrary: fc.tuple(word, fc.nat()).map(([w, cut]) => w.slice(0, cut % (w.length + 1))) },
      { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom('e', 's', ' ', 'zz', '\t', 'ä')).map(([w, tail]) => w + tail) },
    );
    fc.assert(
      fc.property(probe, (w) => expectSameAnswers(loaded, reference, [w])),
      { numRuns: 2000 },
    );
    // The first and last entries of each file, and around them.
    const edges = [keys[0]?.[0], keys.at(-1)?.[0], sets[0]?.[0], sets.at(-1)?.[0], bodies.reverse.slice(0, bodies.reverse.indexOf('\t')), bodies.members.slice(0, bodies.members.indexOf('\t')), '', ' ', '~', '\u{10ffff}'];
    expectSameAnswers(loaded, reference, edges.filter((e): e is string => e !== undefined));
  });
});
