import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/free-port.js';

/** A PostgreSQL server for tests: TEST_DATABASE_URL, or a throwaway cluster; or why there is none. */
export type TestServer = { readonly url: string; readonly stop: () => void } | { readonly skip: string };

/** The bin dir of an installed PostgreSQL (Debian: /usr/lib/postgresql/<n>/bin), newest first. */
function postgresBin(): string | undefined {
  const found = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const fromConfig = found.status === 0 ? found.stdout.trim() : undefined;
  if (fromConfig !== undefined && existsSync(path.join(fromConfig, 'initdb'))) return fromConfig;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')));
}

/**
 * Starts a throwaway cluster in a temp dir, listening on 127.0.0.1 only, trust auth, no
 * fsync. initdb and postgres refuse to run as root: as root they run as the `postgres` user.
 */
export async function startTestServer(): Promise<TestServer> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: () => undefined };
  const bin = postgresBin();
  if (bin === undefined) return { skip: 'no PostgreSQL binaries (Debian package postgresql) and no TEST_DATABASE_URL' };
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'quelle-pg-'));
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const port = await freePort();
    run('pg_ctl', ['-D', data, '-w', '-l', path.join(dir, 'log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off`, 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `could not start a PostgreSQL cluster: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}
