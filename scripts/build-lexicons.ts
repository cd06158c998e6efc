/**
 * `npm run lexicons`: builds the compact files in lexicons/ from the installed Debian packages
 * (`apt-get install trans-de-en openthesaurus-de-text`). Only single words and short phrases
 * are kept, as the index terms the analyzer makes of them. The built files are committed, so
 * that running the bot needs nothing but `npm ci`.
 */
import { createReadStream } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Analyzer } from '../src/search/analysis/analyzer.js';
import { englishBase } from '../src/search/lexicon/english.js';
import { LEXICON_FILES, lexiconHeader } from '../src/search/lexicon/format.js';
import { parseDingLine } from './lexicons/ding.js';
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
  const out = [lexiconHeader('english')];
  for (const key of [...entries.keys()].sort()) {
    const list = entries.get(key) as string[];
    if (list.length > 0) out.push([key, ...list].join('\t'));
  }
  return `${out.join('\n')}\n`;
}

async function buildSynonyms(): Promise<string> {
  const out = [lexiconHeader('synonyms')];
  const seen = new Set<string>();
  for await (const line of lines(THESAURUS)) {
    const members = [...new Set(parseSynsetLine(line).flatMap((words) => germanTerms(words) ?? []))];
    if (members.length < 2) continue;
    const entry = members.join('\t');
    if (seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  for (const file of [DING, THESAURUS]) {
    try {
      await access(file);
    } catch {
      process.stderr.write(`${file} is missing: run apt-get install trans-de-en openthesaurus-de-text\n`);
      process.exit(2);
    }
  }
  for (const [kind, text] of [['english', await buildEnglish()], ['synonyms', await buildSynonyms()]] as const) {
    const file = path.join(OUT, LEXICON_FILES[kind]);
    const packed = gzipSync(text, { level: 9 });
    await writeFile(file, packed);
    process.stdout.write(`${file}: ${text.split('\n').length - 2} entries, ${(text.length / 1e6).toFixed(1)} MB text, ${(packed.length / 1e6).toFixed(2)} MB gzip\n`);
  }
}

await main();
