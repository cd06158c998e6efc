import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A corpus dir in the OS temp dir, made of inline files; `remove()` deletes it. */
export function tempCorpus(files: Record<string, string | Uint8Array>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Collects log calls, like a pino destination would. */
export function logSink() {
  const entries: { level: 'debug' | 'info' | 'warn'; obj: object; msg: string }[] = [];
  return {
    entries,
    logger: {
      debug: (obj: object, msg: string) => void entries.push({ level: 'debug', obj, msg }),
      info: (obj: object, msg: string) => void entries.push({ level: 'info', obj, msg }),
      warn: (obj: object, msg: string) => void entries.push({ level: 'warn', obj, msg }),
    },
  };
}
