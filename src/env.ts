import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with `.env` beneath it: a variable set in the environment wins over the
 * file. The file is parsed, not loaded into process.env, so nothing changes globally. A
 * missing `.env` is normal (CI, containers).
 */
export function withDotEnv(env: Env, dir: string = process.cwd()): Env {
  const file = path.join(dir, '.env');
  let text: string;
  try {
    // Checked first: reading a FIFO would wait forever, a directory throws a bare EISDIR.
    if (!statSync(file).isFile()) throw new EnvFileError(`Quelle: ${file} is not a regular file; make it one (KEY=value lines) or remove it`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof EnvFileError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new EnvFileError(`Quelle: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { cause: err });
  }
  return { ...parse(text), ...definedOnly(env) };
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A `.env` that exists but cannot be used: a message for the operator, exit 2. */
export class EnvFileError extends Error {
  override readonly name = 'EnvFileError';
}
