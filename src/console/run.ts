import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderText, type TextStyle } from './render.js';
import { QUIT, type ConsoleOptions, ConsoleSession } from './session.js';
import { wrapText } from './wrap.js';

export interface ConsoleIO {
  readonly input: Readable;
  readonly output: Writable;
  /** A person at a terminal: show a prompt. Otherwise (a pipe) answer each line silently. */
  readonly interactive: boolean;
  readonly style: TextStyle;
  /** Columns to wrap at (a terminal's width); undefined: no wrapping (a pipe). */
  readonly width?: number | undefined;
  /** Printed before the first prompt, in interactive mode. */
  readonly greeting?: string | undefined;
}

/**
 * The console: reads lines, answers each with the same replies the Discord commands give,
 * and resolves at the end of the input (or /quit). Lines are answered one after another.
 */
export async function runConsole(options: ConsoleOptions, io: ConsoleIO): Promise<void> {
  const session = new ConsoleSession(options);
  const lines = createInterface({ input: io.input, crlfDelay: Infinity, ...(io.interactive ? { output: io.output, prompt: 'quelle> ' } : {}) });
  if (io.interactive && io.greeting !== undefined) io.output.write(`${io.width === undefined ? io.greeting : wrapText(io.greeting, io.width)}\n`);
  if (io.interactive) lines.prompt();
  try {
    for await (const line of lines) {
      const reply = await session.handle(line);
      if (reply === QUIT) break;
      if (reply !== undefined) io.output.write(`${renderText(reply, io.style, io.width)}\n`);
      if (io.interactive) lines.prompt();
    }
  } finally {
    lines.close();
  }
}
