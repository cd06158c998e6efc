import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with `.env` beneath it: a variable set in the environment wins over the
 * file. The file is parsed, not loaded into process.env, so nothing changes globally. A
 * missing `.env` is normal (CI, containers).
 */
export function withDotEnv(env: Env, dir: string = process.cwd()): Env {
  let text: string;
  try {
    text = readFileSync(path.join(dir, '.env'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw err;
  }
  return { ...parse(text), ...definedOnly(env) };
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
