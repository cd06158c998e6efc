import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/answers/reply.js';
import { renderText, TERMINAL_STYLE } from '../../src/console/render.js';
import { runConsole } from '../../src/console/run.js';
import { consoleGreeting } from '../../src/console/greeting.js';
import { visibleLength, wrapText } from '../../src/console/wrap.js';

const PASSAGE = 'Die Provinzregierung von Zhejiang macht keinen Hehl aus ihren Ambitionen. Du Xuliang, Direktor der provinziellen Entwicklungs- und Reformkommission, kündigte vergangene Woche an, die Unterstützung für KI-Industrien weiter zu verstärken.';
const REPLY: Reply = {
  private: false,
  tone: 'answer',
  title: 'Frage: Wer ist Du Xuliang?',
  sections: [{ title: '1. Chinas KI-Offensive: Zhejiang fordert Silicon Valley heraus', source: '001_e98a8a84176a97af.txt · Absatz 4', body: { text: PASSAGE, bold: [{ start: 79, end: 86 }] } }],
  footer: 'Treffer 1 von 1',
  buttons: [],
};

describe('wrapping to the terminal', () => {
  it('breaks at word boundaries within the width and keeps the hanging indent', () => {
    const text = renderText(REPLY, TERMINAL_STYLE, 80);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(visibleLength(line)).toBeLessThanOrEqual(80);
    const body = lines.filter((line) => line.startsWith('   ') && !line.includes('.txt'));
    expect(body.length).toBeGreaterThan(1);
    // Every word whole: joining the body lines gives the passage back (bold marks aside).
    expect(body.map((line) => line.trim()).join(' ').replaceAll(TERMINAL_STYLE.bold[0], '').replaceAll(TERMINAL_STYLE.bold[1], '')).toBe(PASSAGE);
  });

  it('counts no columns for ANSI bold and keeps quote marks on continued lines', () => {
    expect(visibleLength('\x1b[1mXuliang\x1b[22m')).toBe(7);
    expect(wrapText('   > eins zwei drei vier fünf sechs sieben acht', 20).split('\n')).toEqual(['   > eins zwei drei', '   > vier fünf sechs', '   > sieben acht']);
  });

  it('continues a numbered title under its text, past the number', () => {
    expect(wrapText('3. sane-gt68xx(5): sane-gt68xx - SANE-Backend für GT-68XX-basierte USB-Flachbett-Scanner', 40).split('\n')).toEqual([
      '3. sane-gt68xx(5): sane-gt68xx -',
      '   SANE-Backend für GT-68XX-basierte',
      '   USB-Flachbett-Scanner',
    ]);
  });

  it('leaves piped output as it is', () => {
    expect(renderText(REPLY).split('\n').some((line) => line.length > 80)).toBe(true);
  });
});

describe('the interactive console', () => {
  it('greets with one line, wrapped, before the first prompt', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const greeting = consoleGreeting('./seeds', 5, 63);
    const library = { engine: undefined } as never;
    const done = runConsole({ library, locale: 'de', limit: 3, logger: { info: () => undefined, error: () => undefined } }, { input, output, interactive: true, style: TERMINAL_STYLE, width: 79, greeting });
    input.end('/quit\n');
    await done;
    expect(greeting).toBe('Quelle (lokale Konsole, ohne DISCORD_TOKEN): 5 Artikel, 63 Absätze aus ./seeds. Stellen Sie einfach eine Frage; /help zeigt die Befehle, /quit oder Strg-D beendet.');
    expect(written.startsWith(wrapText(greeting, 79))).toBe(true);
    expect(written.split('quelle> ')[0]?.split('\n').every((line) => visibleLength(line) <= 79)).toBe(true);
  });
});
