import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What the SQLite check logs; a pino logger fits. */
export interface SingleProcessLogger {
  warn(obj: object, msg: string): void;
}

/**
 * HTTP mode on a SQLite store is one process: replicas need PostgreSQL (buttons, cooldowns and
 * uploads would otherwise be one process's). A marker beside the SQLite file names the process
 * serving HTTP on it; a second one that finds a live process there says so at start. Returns
 * the function that removes the marker at stop.
 */
export function claimSqliteForHttp(sqliteFile: string, logger: SingleProcessLogger, pid: number = process.pid): () => void {
  const marker = `${sqliteFile}.http-pid`;
  const other = Number.parseInt(readText(marker) ?? '', 10);
  if (Number.isInteger(other) && other !== pid && alive(other)) {
    logger.warn({ otherPid: other, file: sqliteFile }, 'another Quelle process serves HTTP interactions on this SQLite file: with SQLite, run one process; for several replicas set DATABASE_URL to PostgreSQL');
  }
  try {
    writeFileSync(marker, String(pid));
  } catch {
    // A read-only data dir: the store itself will say so; the marker is only a courtesy.
    return () => undefined;
  }
  return () => {
    if (readText(marker) === String(pid)) rmSync(marker, { force: true });
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
