import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/search/build.js';
import { LEMMA_FILE } from '../../src/search/lexicon/lemmas.js';
import { defaultLexiconDir } from '../../src/search/lexicon/load.js';
import { logSink, tempCorpus } from '../helpers/temp-corpus.js';

const TEXT = 'Gallium\nWann der Handel mit Gallium wieder anfangen kann, ist offen.\nPeking beschränkt die Ausfuhr.\n';
const QUESTION = 'Wann fängt der Handel mit Gallium an?';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lexicon dir holding only these of the committed files. */
function lexiconsWith(...files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-lexicons-'));
  dirs.push(dir);
  for (const file of files) copyFileSync(path.join(defaultLexiconDir(), file), path.join(dir, file));
  return dir;
}

describe('build', () => {
  it('joins separable verbs with the committed lemma lexicon ("fängt … an" is anfangen)', async () => {
    const corpus = tempCorpus({ 'handel.txt': TEXT });
    dirs.push(corpus.dir);
    const engine = await build(corpus.dir, { lexiconDir: lexiconsWith(LEMMA_FILE) });
    expect(engine.search(QUESTION).passages[0]?.matched).toEqual(expect.arrayContaining(['Handel', 'anfangen']));
  });

  it('answers without the lemma lexicon when it cannot be read, and says so', async () => {
    const corpus = tempCorpus({ 'handel.txt': TEXT });
    dirs.push(corpus.dir);
    const sink = logSink();
    const engine = await build(corpus.dir, { lexiconDir: lexiconsWith(), logger: sink.logger });
    expect(sink.entries.some((e) => e.level === 'warn' && e.msg === 'lemma lexicon unreadable; separable verbs are not joined')).toBe(true);
    const passage = engine.search(QUESTION).passages[0];
    expect(passage?.matched).toContain('Handel');
    expect(passage?.matched).not.toContain('anfangen');
  });
});
