import { execFile } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/answers/library.js';
import { QUIT, ConsoleSession } from '../../src/console/session.js';
import { renderText } from '../../src/console/render.js';
import { build } from '../../src/search/build.js';

const MAIN = path.resolve('dist', 'main.js');

/** `npm start` as users run it, without a token: stdin piped, stdout and stderr collected. */
function start(input: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // cwd: a dir without .env, so that a developer's token can never turn this into a bot.
    const child = execFile(process.execPath, [MAIN], { cwd: path.resolve('test'), env: { PATH: process.env.PATH ?? '', CORPUS_DIR: path.resolve('seeds'), ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe('npm start without a token (the console)', () => {
  it('answers piped questions and exits 0 at the end of the input', async () => {
    const run = await start('/ask Wer ist Du Xuliang?\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('001_e98a8a84176a97af.txt · Absatz 4');
    expect(run.stdout).toContain('Du **Xuliang**');
    // One log line says why there is no Discord; logs stay off stdout.
    expect(run.stderr).toContain('DISCORD_TOKEN is not set');
    expect(run.stdout).not.toContain('"level"');
  });

  it('takes a bare line as a question and runs every command', async () => {
    const run = await start('Abhaengigkeit von China\n/more\n/cite 1\n/source 003_7a2cc86aa5fe0307.txt 10\n/help\n/reload\n/nonsense\n\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Treffer 1–3 von');
    expect(run.stdout).toContain('Treffer 4–6 von');
    expect(run.stdout).toContain('Zitieren als');
    expect(run.stdout).toContain('Abs. 10 (Quelle: 003_7a2cc86aa5fe0307.txt)');
    expect(run.stdout).toContain('Quelle – Fragen an das Korpus');
    expect(run.stdout).toContain('Index neu geladen');
    expect(run.stdout).toContain('Unbekannter Befehl /nonsense');
  });

  it('stops with exit 2 and a message naming the variable on bad configuration', async () => {
    const run = await start('', { LOG_LEVEL: 'loud' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('Quelle: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
  });

  it('stops with exit 2 and a message naming the path when the corpus is missing', async () => {
    const run = await start('', { CORPUS_DIR: '/nonexistent/corpus' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/corpus');
  });
});

describe('ConsoleSession', () => {
  let session: ConsoleSession;
  beforeAll(async () => {
    const engine = await build('seeds');
    session = new ConsoleSession({ library: new Library(engine, () => build('seeds')), locale: 'de', limit: 3, logger: { info: () => undefined, error: () => undefined } });
  });

  it('ignores blank lines and ends on /quit', async () => {
    expect(await session.handle('   ')).toBeUndefined();
    expect(await session.handle('/quit')).toBe(QUIT);
  });

  it('says when there is nothing to press', async () => {
    const fresh = new ConsoleSession({ library: new Library(await build('seeds'), () => build('seeds')), locale: 'de', limit: 3, logger: { info: () => undefined, error: () => undefined } });
    const reply = await fresh.handle('/more');
    // Console words, not Discord's: there are no buttons here (issue 11).
    expect(reply !== QUIT && reply?.title).toBe('Keine weiteren Treffer zur letzten Frage.');
    const cite = await fresh.handle('/cite 4');
    expect(cite !== QUIT && cite?.title).toBe('Die letzte Antwort hat keinen Treffer 4.');
  });

  it('explains the console\'s own commands in /help, not buttons or menus', async () => {
    const reply = await session.handle('/help');
    if (reply === undefined || reply === QUIT) throw new Error('expected a reply');
    const text = renderText(reply);
    expect(text).toContain('/quit');
    expect(text).toContain('Strg-D');
    expect(text).not.toMatch(/Rechtsklick|privat:true|Schaltfläche/u);
  });

  it('names a cited paragraph once', async () => {
    await session.handle('Wer ist Du Xuliang?');
    const reply = await session.handle('/cite 1');
    if (reply === undefined || reply === QUIT) throw new Error('expected a reply');
    expect(renderText(reply).match(/Absatz 4/gu)).toHaveLength(1);
  });

  it('renders replies as text with the console actions', async () => {
    const reply = await session.handle('Deepsek R1');
    if (reply === undefined || reply === QUIT) throw new Error('expected a reply');
    const text = renderText(reply);
    expect(text).toMatch(/^Frage: Deepsek R1\n/u);
    expect(text).toContain('(/cite 1');
  });
});
