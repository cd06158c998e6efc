import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { build } from '../../src/search/build.js';
import { SqliteStore } from '../../src/store/sqlite.js';

// The real build, counted: the in-process test below checks how often the CLI builds the index.
// The other tests run the built CLI in a child process, which this does not touch.
vi.mock('../../src/search/build.js', async (importOriginal) => {
  const actual = await importOriginal<{ build: typeof build }>();
  return { ...actual, build: vi.fn(actual.build) };
});

const CLI = path.resolve('dist', 'cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as users do; `input` is piped to stdin. */
function quelle(args: string[], input?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/** A stream that keeps what is written to it, for runCli in-process. */
function collected(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('quelle ask', () => {
  it('prints title, file, paragraph number and a highlighted excerpt', async () => {
    const run = await quelle(['ask', 'Wer ist Du Xuliang?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('001_e98a8a84176a97af.txt, paragraph 4');
    expect(run.stdout).toContain('Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus');
    expect(run.stdout).toContain('**Xuliang**');
  });

  it('prints one JSON object with --json and honours --limit', async () => {
    const run = await quelle(['ask', '--json', '--limit', '2', 'Gazprombank Vizechef']);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { query: string; hits: Record<string, unknown>[] };
    expect(answer.query).toBe('Gazprombank Vizechef');
    expect(answer.hits).toHaveLength(2);
    expect(Object.keys(answer.hits[0] ?? {})).toEqual(['file', 'title', 'heading', 'paragraph', 'text', 'score']);
    expect(answer.hits[0]?.file).toBe('002_d4ae846f5caee85a.txt');
  });

  it('answers each line of stdin with one JSON line', async () => {
    const run = await quelle(['ask', '--json'], 'Deepsek\n\nRezept für Apfelstrudel\nAbhaengigkeit\n');
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { query: string; confidence: string; missing: string[]; hits: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(['Deepsek', 'Rezept für Apfelstrudel', 'Abhaengigkeit']);
    expect(lines.map((l) => l.hits.length > 0)).toEqual([true, false, true]);
    expect(lines.map((l) => l.confidence)).toEqual(['answer', 'none', 'answer']);
    expect(lines[1]?.missing).toEqual(['Rezept', 'Apfelstrudel']);
  });

  it('builds the index once for all the lines of stdin', async () => {
    vi.mocked(build).mockClear();
    const stdout = collected();
    const stderr = collected();
    const stdin = Readable.from(['Deepsek\n\nRezept für Apfelstrudel\n', 'Abhaengigkeit\n']);
    expect(await runCli(['ask', '--json'], 'seeds', { stdin, stdout: stdout.stream, stderr: stderr.stream, color: false })).toBe(0);
    expect(stderr.text()).toBe('');
    expect(build).toHaveBeenCalledTimes(1);
    expect(vi.mocked(build).mock.calls[0]?.[0]).toBe('seeds');
    const lines = stdout.text().trim().split('\n').map((line) => JSON.parse(line) as { query: string; hits: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(['Deepsek', 'Rezept für Apfelstrudel', 'Abhaengigkeit']);
    expect(lines.map((l) => l.hits.length > 0)).toEqual([true, false, true]);
  });

  it('reads the corpus from --corpus and from CORPUS_DIR', async () => {
    expect((await quelle(['ask', '--corpus', 'seeds', 'Alibaba'])).stdout).toContain('001_e98a8a84176a97af.txt');
    expect((await quelle(['stats'], undefined, { CORPUS_DIR: 'seeds' })).stdout).toContain('articles:   5');
  });
});

describe('quelle source and stats', () => {
  it('prints an article with title, byline and numbered paragraphs', async () => {
    const run = await quelle(['source', '004_07e808b765e234ab.txt']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Warum die Handels- und Technikkarten in China hergestellt werden\n004_07e808b765e234ab.txt\nby Pepe Escobar, 14. November 2025\n/);
    expect(run.stdout).toContain('[1] Das Zielen auf Verbündete');
  });

  it('says which article was meant when the file is unknown', async () => {
    const run = await quelle(['source', '004']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('quelle: no article "004" in the corpus; did you mean 004_07e808b765e234ab.txt?\n');
  });

  it('prints stats as JSON', async () => {
    const stats = JSON.parse((await quelle(['stats', '--json'])).stdout) as { articles: number; paragraphs: number; skipped: unknown[] };
    expect(stats.articles).toBe(5);
    expect(stats.paragraphs).toBeGreaterThan(50);
    expect(stats.skipped).toEqual([]);
  });
});

describe('quelle help and language', () => {
  it.each([['--help'], ['-h'], ['ask', '--help'], ['source', '-h'], ['stats', '--help'], ['ask', '--json', '-h', 'x']])('%j prints the usage and exits 0', async (...args) => {
    const run = await quelle(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n/u);
    expect(run.stderr).toBe('');
  });

  it('speaks German with --lang de or a German LANG, English otherwise', async () => {
    expect((await quelle(['ask', '--lang', 'de', 'Wer ist Du Xuliang?'])).stdout).toContain('001_e98a8a84176a97af.txt, Absatz 4');
    expect((await quelle(['ask', 'Wer ist Du Xuliang?'], undefined, { LANG: 'de_DE.UTF-8' })).stdout).toContain('001_e98a8a84176a97af.txt, Absatz 4');
    expect((await quelle(['ask', 'Wer ist Du Xuliang?'], undefined, { LANG: 'C.UTF-8' })).stdout).toContain('001_e98a8a84176a97af.txt, paragraph 4');
    expect((await quelle(['ask', '--lang', 'de', 'Rezept für Apfelstrudel'])).stdout).toBe('Nichts im Korpus beantwortet „Rezept für Apfelstrudel“.\n\n');
  });

  it('the quelle command says how to build the CLI when it is not built', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quelle-bin-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      copyFileSync(path.resolve('bin', 'quelle.js'), path.join(dir, 'bin', 'quelle.js'));
      writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
      const run = await new Promise<Run>((resolve) => {
        execFile(process.execPath, [path.join(dir, 'bin', 'quelle.js'), 'stats'], (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }));
      });
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'quelle: the CLI is not built yet; run `npm run build` in the project first\n' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('quelle errors', () => {
  it.each([
    [['ask', '--limit', '0', 'x'], 'quelle: --limit must be a whole number from 1 to 50, got "0"'],
    [['ask', '--frobnicate'], 'quelle: unknown option "--frobnicate" for ask'],
    [['translate'], 'quelle: unknown command "translate"; use ask, source, stats or report'],
    [['report', '--days', '0'], 'quelle: --days must be a whole number from 1 to 3650, got "0"'],
    [['report', 'extra'], 'quelle: report takes no arguments, got "extra"'],
    [['source'], 'quelle: source needs exactly one FILE'],
    [['ask', '--lang', 'fr', 'x'], 'quelle: --lang must be de or en, got "fr"'],
    [['ask', '--corpus', '/no/such/dir', 'x'], 'Quelle: corpus dir "/no/such/dir" does not exist'],
  ])('%j → stderr and exit code 2', async (args, message) => {
    const run = await quelle(args);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(run.stdout).toBe('');
  });
});

describe('quelle report', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-report-'));
  const file = path.join(dir, 'quelle.sqlite');
  const env = { DATABASE_URL: `file:${file}`, HOME: dir };
  const now = Date.now();

  it('prints exactly one JSON object from the store DATABASE_URL names', async () => {
    const store = new SqliteStore(file);
    await store.recordQuestions([
      { id: 'aaaaaaaaaaaa', at: now - 1000, guildId: '1', channelId: '2', locale: 'de', question: 'Rezept für Käsekuchen?', abstained: true, top: null, private: false },
      { id: 'bbbbbbbbbbbb', at: now - 500, guildId: '1', channelId: '2', locale: 'de', question: 'rezept fuer kaesekuchen', abstained: true, top: null, private: true },
      { id: 'cccccccccccc', at: now, guildId: '1', channelId: '2', locale: 'en', question: 'How far did Nvidia fall?', abstained: false, top: { file: '001_e98a8a84176a97af.txt', paragraph: 9, score: 3.2 }, private: false },
    ]);
    await store.vote({ answerId: 'cccccccccccc', voter: 'h1', value: -1, at: now });
    await store.vote({ answerId: 'cccccccccccc', voter: 'h2', value: 1, at: now });
    await store.close();
    const run = await quelle(['report', '--json', '--days', '7'], undefined, env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['since', 'questions', 'abstained', 'uncertain', 'votes', 'unanswered', 'downvoted']);
    expect(report).toMatchObject({
      questions: 3,
      abstained: 2,
      votes: { up: 1, down: 1 },
      unanswered: [{ question: expect.stringMatching(/^(Rezept für Käsekuchen\?|rezept fuer kaesekuchen)$/u), count: 2, lastAsked: new Date(now - 500).toISOString() }],
      downvoted: [{ question: 'How far did Nvidia fall?', file: '001_e98a8a84176a97af.txt', paragraph: 9, up: 1, down: 1 }],
    });
    expect(Date.parse(report['since'] as string)).toBeGreaterThan(now - 8 * 24 * 3600 * 1000);
  });

  it('prints tables that fit 80 columns', async () => {
    const run = await quelle(['report'], undefined, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Unanswered questions');
    expect(run.stdout).toContain('Answers voted down');
    expect(run.stdout).toMatch(/How far did Nvidia fall\?\s+001_e98a8a84176a97af\.txt ¶9\s+1\s+1/u);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says so when the store is off, and names a bad DATABASE_URL', async () => {
    expect(await quelle(['report'], undefined, { DATABASE_URL: 'off', HOME: dir })).toMatchObject({ code: 2, stderr: 'quelle: the feedback store is off (DATABASE_URL=off); there is nothing to report\n' });
    const bad = await quelle(['report'], undefined, { DATABASE_URL: 'mysql://x', HOME: dir });
    expect(bad).toMatchObject({ code: 2, stderr: 'Quelle: DATABASE_URL must be file:<path>, postgres://… or off, got "mysql://x"\n' });
  });
});
