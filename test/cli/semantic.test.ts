import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeEmbeddings } from '../fake-embeddings/server.js';

const CLI = path.resolve('dist', 'cli.js');
const KEY = 'sk-cli-test-5e8d-never-shown';
/** None of its words is in the seeds; the fake service joins it to "Nervosität der Investoren" (001, paragraph 3). */
const PARAPHRASE = 'Sind Aktionäre des Chipherstellers nervös?';

let emb: FakeEmbeddings;
let corpusDir: string;
let cacheDir: string;
beforeAll(async () => {
  emb = await FakeEmbeddings.start({ apiKey: KEY });
});
afterAll(() => emb.stop());
beforeEach(() => {
  corpusDir = mkdtempSync(path.join(tmpdir(), 'quelle-cli-corpus-'));
  cpSync(path.resolve('seeds'), corpusDir, { recursive: true });
  cacheDir = mkdtempSync(path.join(tmpdir(), 'quelle-cli-vectors-'));
  emb.reset();
  return () => {
    rmSync(corpusDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  };
});

/** The built CLI with the semantic settings (and `env` over them), in a dir without .env. */
function quelle(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const semantic = { EMBEDDINGS_URL: emb.url, EMBEDDINGS_MODEL: 'fake', EMBEDDINGS_API_KEY: KEY, INDEX_CACHE_DIR: cacheDir };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: path.resolve('test'), env: { PATH: process.env.PATH ?? '', CORPUS_DIR: corpusDir, ...semantic, ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

type Hits = { confidence: string; hits: { file: string; paragraph: number }[] };

describe('quelle ask and stats with semantic search', () => {
  it('answers a question whose words are in no passage through the service; without it, nothing answers', async () => {
    const run = await quelle(['ask', '--json', PARAPHRASE]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as Hits;
    expect(answer.confidence).toBe('uncertain');
    expect(answer.hits[0]).toMatchObject({ file: '001_e98a8a84176a97af.txt', paragraph: 3 });
    expect(emb.inputs.at(-1)).toBe(PARAPHRASE);
    expect(new Set(emb.authorizations)).toEqual(new Set([`Bearer ${KEY}`]));

    const lexical = await quelle(['ask', '--json', PARAPHRASE], { EMBEDDINGS_URL: '' });
    expect((JSON.parse(lexical.stdout) as Hits).confidence).toBe('none');
  });

  it('sends nothing for a second build of the unchanged corpus, and only an added file’s passages', async () => {
    expect((await quelle(['stats'])).code).toBe(0);
    expect(emb.inputs).toHaveLength(65);
    emb.reset();
    const again = await quelle(['stats', '--json']);
    expect(emb.requests).toBe(0);
    expect((JSON.parse(again.stdout) as { semantic: unknown }).semantic).toMatchObject({ passages: 65, embedded: 0, reused: 65, missing: 0 });

    writeFileSync(path.join(corpusDir, 'neu.txt'), 'Kleinanleger an der Börse\nViele Kleinanleger kaufen Aktien über Sparpläne.\n');
    const added = await quelle(['stats', '--json']);
    expect(emb.inputs.length).toBeGreaterThan(0);
    expect(emb.inputs.every((text) => text.includes('Kleinanleger an der Börse'))).toBe(true);
    expect((JSON.parse(added.stdout) as { semantic: unknown }).semantic).toMatchObject({ passages: 65 + emb.inputs.length, embedded: emb.inputs.length, reused: 65, missing: 0 });
  });

  it('answers lexically, as without the service, when it is unreachable, and says so on stderr and in the stats', async () => {
    await emb.down();
    try {
      const down = await quelle(['ask', '--json', 'Wer ist Du Xuliang?']);
      const off = await quelle(['ask', '--json', 'Wer ist Du Xuliang?'], { EMBEDDINGS_URL: '' });
      expect(down.code).toBe(0);
      expect(down.stdout).toBe(off.stdout);
      expect(down.stderr).toBe(`quelle: embedding service unavailable: questions are answered without semantic search (Quelle: the embedding service at ${emb.host} cannot be reached (ECONNREFUSED))\n`);

      const stats = await quelle(['stats']);
      const host = emb.host.replace(/\./gu, '\\.');
      expect(stats.stdout).toMatch(
        new RegExp(
          `\\nsemantic: {3}Semantic search unavailable since \\d\\d:\\d\\d \\(service unreachable\\) \\(model fake\\)\\. Until it is back, questions are answered by their words alone\\.\\n` +
            ` {12}Vectors of the 65 passages: 0 embedded, 0 reused, 65 missing\\. The missing ones are embedded at the next reload or start\\.\\n` +
            ` {12}Questions and passages are sent to ${host}\\.\\nskipped: {4}0\\n$`,
          'u',
        ),
      );
      const json = JSON.parse((await quelle(['stats', '--json'])).stdout) as { semantic: Record<string, unknown> };
      expect(json.semantic).toMatchObject({ host: emb.host, available: false, lastError: 'unreachable', model: 'fake', missing: 65 });
      expect(json.semantic.unavailableSince).toMatch(/^\d{4}-\d\d-\d\dT/u);
    } finally {
      await emb.up();
    }
  });

  it('never shows the API key: not in answers, stats, JSON or warnings, even when the service repeats a refused key', async () => {
    const outputs = await Promise.all([quelle(['ask', PARAPHRASE]), quelle(['ask', '--json', PARAPHRASE]), quelle(['stats']), quelle(['stats', '--json'])]);
    // The fake answers a wrong key with 401 and a body that repeats it, as OpenAI does.
    const wrong = 'sk-wrong-key-1c4b-never-shown';
    const refused = await quelle(['ask', '--json', PARAPHRASE], { EMBEDDINGS_API_KEY: wrong });
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/^quelle: embedding service unavailable/u);
    expect(refused.stderr).toContain('401');
    const shown = [...outputs, refused].map((run) => run.stdout + run.stderr).join('\n');
    expect(shown).not.toContain(KEY);
    expect(shown).not.toContain(wrong);
  });

  it('stops with exit 2 naming the variable when an EMBEDDINGS_ setting is invalid', async () => {
    const run = await quelle(['ask', 'Handel'], { EMBEDDINGS_BATCH: 'many' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Quelle: EMBEDDINGS_BATCH must be a whole number from 1 to 2048, got "many"\n');
  });

  it('without EMBEDDINGS_URL, prints the stats as before: no semantic line, no semantic key', async () => {
    const run = await quelle(['stats'], { EMBEDDINGS_URL: '' });
    expect(run.stdout.split('\n').map((line) => line.split(':')[0])).toEqual(['corpus', 'articles', 'paragraphs', 'terms', 'build', 'skipped', '']);
    const json = JSON.parse((await quelle(['stats', '--json'], { EMBEDDINGS_URL: '' })).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain('semantic');
    expect(emb.requests).toBe(0);
  });
});
