/**
 * Semantic search end to end (issue 22): the real bot against the fake Discord, with
 * EMBEDDINGS_URL pointing at the fake embedding service. A question whose words are in no
 * passage is answered through the service; the CLI gives the same passages; vectors are kept
 * across a restart; when the service stops, questions are answered lexically and /help says so.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/search/build.js';
import { FakeEmbeddings } from '../../fake-embeddings/server.js';
import { buttonsOf, embedOf, startHarness, str, textOf, type Harness } from './harness.js';

/** Sent to the service only: it must appear in no log line, no Discord message and no CLI output. */
const KEY = 'sk-quelle-test-7f3a9c2e-never-shown';
const MANAGE_GUILD = '32';
/** None of its words is in the seeds; the fake's concepts join "Aktionäre" to "Investoren", "Chiphersteller" to "Halbleiter", "nervös" to "Nervosität". */
const PARAPHRASE = 'Sind Aktionäre des Chipherstellers nervös?';
/** Where the seeds say it: "… ein deutliches Zeichen für die Nervosität der Investoren." */
const MEANT = { file: '001_e98a8a84176a97af.txt', paragraph: 3 };

let emb: FakeEmbeddings;
let h: Harness;
let cacheDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emb = await FakeEmbeddings.start({ apiKey: KEY });
  cacheDir = mkdtempSync(path.join(tmpdir(), 'quelle-e2e-vectors-'));
  env = { EMBEDDINGS_URL: emb.url, EMBEDDINGS_MODEL: 'fake', EMBEDDINGS_API_KEY: KEY, INDEX_CACHE_DIR: cacheDir };
  h = await startHarness(env);
});
afterAll(async () => {
  await h?.stop();
  await emb?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});
afterEach(() => {
  expect(h.fake.violations).toEqual([]);
});

type Sent = Parameters<typeof embedOf>[0];

/** The file and paragraph of each passage of an answer, from the source line of its fields. */
function passagesOf(reply: Sent): { file: string; paragraph: number }[] {
  return (embedOf(reply).fields ?? []).map((field) => {
    const source = /^-# (.+)$/mu.exec(field.value)?.[1]?.replace(/\\(.)/gu, '$1') ?? '';
    const [file = '', where = ''] = source.split(' · ');
    return { file, paragraph: Number(/paragraph (\d+)/u.exec(where)?.[1] ?? 0) };
  });
}

async function ask(question: string) {
  const i = h.fake.chatInput('ask', [str('question', question)]);
  const callback = await h.fake.waitForCallback(i.id);
  return { i, callback };
}

async function helpText(): Promise<string> {
  const i = h.fake.chatInput('help');
  return textOf(await h.fake.waitForCallback(i.id));
}

async function reload() {
  const i = h.fake.chatInput('reload', [], { permissions: MANAGE_GUILD });
  const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
  return embedOf(edit);
}

/** The built CLI as users run it, with the bot's corpus and semantic settings. */
function quelle(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.resolve('dist', 'cli.js'), ...args], { env: { PATH: process.env.PATH ?? '', CORPUS_DIR: h.corpusDir, ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('semantic search through the fake Discord', () => {
  it('says at start-up where questions and passages go, and embeds every passage once', () => {
    const notice = h.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('semantic search on'));
    expect(notice).toMatchObject({ level: 30, host: emb.host, model: 'fake', msg: `semantic search on: Questions and passages are sent to ${emb.host}` });
    expect(h.logs.find((l) => l.msg === 'passage vectors attached')).toMatchObject({ host: emb.host, passages: 65, embedded: 65, reused: 0, missing: 0 });
    expect(emb.inputs).toHaveLength(65);
    expect(new Set(emb.authorizations)).toEqual(new Set([`Bearer ${KEY}`]));
  });

  it('answers a question whose words are in no passage with the passage that means it', async () => {
    const seeds = readdirSync('seeds').map((file) => readFileSync(path.join('seeds', file), 'utf8').toLowerCase());
    for (const word of ['aktionär', 'chiphersteller', 'nervös']) expect(seeds.filter((text) => text.includes(word))).toEqual([]);
    // Lexically, nothing answers it.
    expect((await build(h.corpusDir)).search(PARAPHRASE).confidence).toBe('none');

    const { callback } = await ask(PARAPHRASE);
    expect(callback.type).toBe(4);
    expect(passagesOf(callback)[0]).toEqual(MEANT);
    expect(emb.inputs.at(-1)).toBe(PARAPHRASE);
  });

  it('pages through the same ranking without asking the service again, and quelle ask --json gives the same passages', async () => {
    const { i, callback } = await ask(PARAPHRASE);
    const first = passagesOf(callback);
    const requests = emb.requests;
    const more = buttonsOf(callback).find((b) => b.label === 'More results');
    expect(more).toBeDefined();
    const press = h.fake.button(more?.custom_id ?? '', h.fake.originalMessage(i.token));
    const page = await h.fake.waitForCallback(press.id);
    expect(embedOf(page).footer?.text).toMatch(/^Results 4–6 of \d+$/u);
    const second = passagesOf(page);
    expect(emb.requests).toBe(requests);

    const cli = await quelle(['ask', '--json', '--limit', '6', PARAPHRASE]);
    expect(cli.code).toBe(0);
    const answer = JSON.parse(cli.stdout) as { confidence: string; hits: { file: string; paragraph: number }[] };
    expect(answer.hits.map((hit) => ({ file: hit.file, paragraph: hit.paragraph }))).toEqual([...first, ...second]);
    // The CLI reused the bot's vectors: it sent only the question.
    expect(emb.inputs.slice(-1)).toEqual([PARAPHRASE]);
    expect(emb.requests).toBe(requests + 1);
    expect(cli.stdout + cli.stderr).not.toContain(KEY);
  });

  it('/help says that semantic search is on, through which host and model, and what is sent there', async () => {
    const text = await helpText();
    expect(text).toContain(`Semantic search\n`);
    expect(text).toContain(`Semantic search via ${emb.host} active (model fake).\nQuestions and passages are sent to ${emb.host}.`);
  });

  it('quelle stats shows the service and the vectors, as text and JSON, and sends nothing', async () => {
    const requests = emb.requests;
    const text = await quelle(['stats']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `semantic:   Semantic search via ${emb.host} active (model fake).\n` +
        '            Vectors of the 65 passages: 0 embedded, 65 reused, 0 missing.\n' +
        `            Questions and passages are sent to ${emb.host}.\n`,
    );
    const json = await quelle(['stats', '--json']);
    expect((JSON.parse(json.stdout) as { semantic: unknown }).semantic).toEqual({ host: emb.host, available: true, model: 'fake', passages: 65, embedded: 0, reused: 65, missing: 0 });
    expect(emb.requests).toBe(requests);
    expect(text.stdout + text.stderr + json.stdout + json.stderr).not.toContain(KEY);
  });

  it('sends nothing after a restart on the unchanged corpus, and only the new passages after an upload', async () => {
    const requests = emb.requests;
    await h.restart();
    expect(emb.requests).toBe(requests);
    expect(h.logs.filter((l) => l.msg === 'passage vectors attached').at(-1)).toMatchObject({ embedded: 0, reused: 65, missing: 0 });

    writeFileSync(path.join(h.corpusDir, 'anleger.txt'), 'Kleinanleger an der Börse\nViele Kleinanleger kaufen Aktien über Sparpläne.\n\nDie Börse in Frankfurt meldet Rekordumsätze.\n');
    emb.reset();
    const reply = await reload();
    const field = reply.fields?.find((f) => f.name === 'Semantic search');
    const added = emb.inputs.length;
    expect(added).toBeGreaterThan(0);
    expect(emb.inputs.every((text) => text.includes('Kleinanleger an der Börse'))).toBe(true);
    expect(field?.value).toBe(`Vectors of the ${65 + added} passages: ${added} embedded, 65 reused, 0 missing.\nSemantic search via ${emb.host} active (model fake).`);
    // The restarted bot embeds the question again (question vectors live in memory only).
    expect(passagesOf((await ask(PARAPHRASE)).callback)[0]).toEqual(MEANT);
    expect(emb.inputs.at(-1)).toBe(PARAPHRASE);
  });

  it('defers an answer whose question vector is slow to come, and edits it in when it comes', async () => {
    emb.setMode({ kind: 'slow', delayMs: 1800 }, { times: 1 });
    const question = 'Wie nervös sind die Aktionäre des Chipherstellers?';
    const { i, callback } = await ask(question);
    expect(callback.type).toBe(5);
    const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 5000 });
    expect(passagesOf(edit)[0]).toEqual(MEANT);
    expect(emb.inputs.at(-1)).toBe(question);
  });

  it('answers lexically when the service stops mid-run, /help says since when, and a reload embeds what it missed once it is back', async () => {
    await emb.down();
    const lexical = await ask('Wer ist Du Xuliang?');
    expect(lexical.callback.type).toBe(4);
    expect(textOf(lexical.callback)).toContain('Du **Xuliang**, Direktor der provinziellen Entwicklungs');
    // A paraphrase not asked before: only the service could have found it.
    const nothing = await ask('Waren Aktionäre des Chipherstellers nervös?');
    expect(embedOf(nothing.callback).title).toBe('The corpus does not cover this');
    // A paraphrase asked before keeps its vector, and its ranking.
    expect(passagesOf((await ask(PARAPHRASE)).callback)[0]).toEqual(MEANT);

    const text = await helpText();
    expect(text).toMatch(/Semantic search unavailable since \d\d:\d\d \(service unreachable\) \(model fake\)\. Until it is back, questions are answered by their words alone\.\nQuestions and passages are sent to /u);
    expect(h.logs.filter((l) => l.msg === 'embedding service unavailable: questions are answered without semantic search')).toHaveLength(1);

    writeFileSync(path.join(h.corpusDir, 'rohstoffe.txt'), 'Rohstoffe im Überblick\nKupfer und Zinn werden knapp.\n');
    const down = await reload();
    expect(down.title).toBe('Index reloaded');
    const missing = down.fields?.find((f) => f.name === 'Semantic search')?.value ?? '';
    expect(missing).toMatch(/^Vectors of the \d+ passages: 0 embedded, \d+ reused, [1-9]\d* missing\. The missing ones are embedded at the next reload or start\.\nSemantic search unavailable since \d\d:\d\d \(service unreachable\)/u);
    // The new index is in service, lexically.
    expect(textOf((await ask('Kupfer Zinn knapp')).callback)).toContain('rohstoffe.txt');

    await emb.up();
    emb.reset();
    const back = await reload();
    expect(back.fields?.find((f) => f.name === 'Semantic search')?.value).toMatch(new RegExp(`^Vectors of the \\d+ passages: [1-9]\\d* embedded, \\d+ reused, 0 missing\\.\\nSemantic search via ${emb.host.replace(/\./gu, '\\.')} active`, 'u'));
    expect(emb.inputs.every((t) => t.includes('Rohstoffe im Überblick'))).toBe(true);
    expect(await helpText()).toContain(`Semantic search via ${emb.host} active (model fake).`);
  });

  it('never shows the API key: not in a log line, not in a message to Discord', () => {
    expect(JSON.stringify(h.logs)).not.toContain(KEY);
    expect(JSON.stringify(h.fake.requests.map((r) => r.body))).not.toContain(KEY);
  });
});
