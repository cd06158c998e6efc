import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { embeddingProgress } from '../../src/console/progress.js';
import { FakeEmbeddings } from '../fake-embeddings/server.js';
import { tempCorpus } from '../helpers/temp-corpus.js';

const MAIN = path.resolve('dist', 'main.js');
const KEY = 'sk-console-test-0b1d-never-shown';
/** None of its words is in the seeds; the fake service joins it to "Nervosität der Investoren" (001, paragraph 3). */
const PARAPHRASE = 'Sind Aktionäre des Chipherstellers nervös?';

let emb: FakeEmbeddings;
let cacheDir: string;
beforeAll(async () => {
  emb = await FakeEmbeddings.start({ apiKey: KEY });
  cacheDir = mkdtempSync(path.join(tmpdir(), 'quelle-console-vectors-'));
});
afterAll(async () => {
  await emb.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** `npm start` without a token, stdin piped, as in console.test.ts. */
function start(input: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [MAIN], { cwd: path.resolve('test'), env: { PATH: process.env.PATH ?? '', CORPUS_DIR: path.resolve('seeds'), ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe('the console with semantic search', () => {
  it('answers as the bot does, says in /help where questions go, and logs the host but never the key', async () => {
    const run = await start(`${PARAPHRASE}\n/help\n/reload\n`, { EMBEDDINGS_URL: emb.url, EMBEDDINGS_MODEL: 'fake', EMBEDDINGS_API_KEY: KEY, INDEX_CACHE_DIR: cacheDir });
    expect(run.code).toBe(0);
    const [answer = '', rest = ''] = run.stdout.split('Quelle – Fragen an das Korpus');
    expect(answer).toMatch(/^Nicht sicher: Sind Aktionäre des Chipherstellers nervös\?\n[^\n]*\n\n1\. [^\n]*\n {3}001_e98a8a84176a97af\.txt · Absatz 3( · [^\n]*)?\n/u);
    expect(rest).toContain(`Semantische Suche\n   Semantische Suche über ${emb.host} aktiv (Modell fake).\n   Fragen und Passagen werden an ${emb.host} gesendet.`);
    expect(rest).toContain('Vektoren der 65 Passagen: 0 neu berechnet, 65 wiederverwendet, 0 fehlen.');
    expect(run.stderr).toContain(`"msg":"semantic search on: Questions and passages are sent to ${emb.host}"`);
    expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('without EMBEDDINGS_URL, logs and says nothing of it', async () => {
    const run = await start('/help\n', { EMBEDDINGS_MODEL: 'fake', EMBEDDINGS_API_KEY: KEY });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Semantische');
    expect(run.stderr.trim().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['index built', 'DISCORD_TOKEN is not set: running the local console instead of connecting to Discord']);
  });

  it('shows the embedding of a large corpus on a progress line at a terminal, then the greeting names the service', async () => {
    const paragraphs = Array.from({ length: 1100 }, (_, n) => `Absatz ${n}: Die Anleger der Firma ${n} beobachten den Markt ${n % 7}.`);
    const corpus = tempCorpus({ 'gross.txt': `Ein großer Artikel\n${paragraphs.join('\n\n')}\n` });
    const dir = mkdtempSync(path.join(tmpdir(), 'quelle-console-vectors-'));
    try {
      const stdin = Object.assign(new PassThrough(), { isTTY: true });
      let screen = '';
      const stdout = Object.assign(
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            screen += chunk.toString();
            done();
          },
        }),
        { isTTY: true, columns: 200 },
      );
      const config = loadConfig({ CORPUS_DIR: corpus.dir, EMBEDDINGS_URL: emb.url, EMBEDDINGS_MODEL: 'fake', EMBEDDINGS_API_KEY: KEY, INDEX_CACHE_DIR: dir, EMBEDDINGS_BATCH: '100' });
      const app = await startApp(config, { stdin, stdout, logStream: new PassThrough() });
      if (app.mode !== 'console') throw new Error('expected the console');
      stdin.end('/quit\n');
      await app.done;
      const greeting = screen.indexOf('Quelle (lokale Konsole');
      const progress = screen.slice(0, greeting);
      expect(progress).toContain('\r\x1b[KPassagen-Vektoren: 100 von 1.100 (9 %)');
      expect(progress).toContain('\r\x1b[KPassagen-Vektoren: 1.000 von 1.100 (90 %)');
      expect(progress.endsWith('\r\x1b[K')).toBe(true);
      expect(screen.slice(greeting)).toMatch(new RegExp(`^Quelle \\(lokale Konsole[^\\n]*\\nSemantische Suche über ${emb.host.replace(/\./gu, '\\.')} aktiv \\(Modell fake\\)\\. Fragen und Passagen werden an [^ ]+ gesendet\\.\\n`, 'u'));
    } finally {
      corpus.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('embeddingProgress', () => {
  it('stays silent for a small embedding, counts whole percents of a large one, and clears its line at the end', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const line = embeddingProgress(sink, 1000);
    line.update({ done: 64, total: 999 });
    line.end();
    expect(out).toBe('');
    for (const done of [10, 15, 20, 30, 2000]) line.update({ done, total: 2000 });
    expect(out).toBe('\r\x1b[KPassagen-Vektoren: 10 von 2.000 (0 %)\r\x1b[KPassagen-Vektoren: 20 von 2.000 (1 %)\r\x1b[K');
    // Stopped by a failing service before the end: end() clears the line.
    out = '';
    line.update({ done: 500, total: 2000 });
    line.end();
    line.end();
    expect(out).toBe('\r\x1b[KPassagen-Vektoren: 500 von 2.000 (25 %)\r\x1b[K');
  });
});
