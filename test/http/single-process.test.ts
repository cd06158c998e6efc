import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSqliteForHttp } from '../../src/http/single-process.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

describe('claimSqliteForHttp', () => {
  const temp = useTempDirs('quelle-single-');
  const file = () => path.join(temp.make(), 'quelle.sqlite');
  const sink = () => {
    const warnings: { obj: object; msg: string }[] = [];
    return { warnings, logger: { warn: (obj: object, msg: string) => warnings.push({ obj, msg }) } };
  };

  it('marks the file and removes the mark at release', () => {
    const sqlite = file();
    const { warnings, logger } = sink();
    const release = claimSqliteForHttp(sqlite, logger);
    expect(readFileSync(`${sqlite}.http-pid`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${sqlite}.http-pid`)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('says so when another live process serves HTTP on the same file', () => {
    const sqlite = file();
    // The parent of this test runner is alive and is not this process.
    writeFileSync(`${sqlite}.http-pid`, String(process.ppid));
    const { warnings, logger } = sink();
    claimSqliteForHttp(sqlite, logger)();
    expect(warnings).toEqual([
      { obj: { otherPid: process.ppid, file: sqlite }, msg: 'another Quelle process serves HTTP interactions on this SQLite file: with SQLite, run one process; for several replicas set DATABASE_URL to PostgreSQL' },
    ]);
  });

  it('ignores the mark of a process that is gone', () => {
    const sqlite = file();
    writeFileSync(`${sqlite}.http-pid`, '999999999');
    const { warnings, logger } = sink();
    claimSqliteForHttp(sqlite, logger)();
    expect(warnings).toEqual([]);
  });
});
