import { execFile } from 'node:child_process';
import { access, copyFile, cp, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Shares of manpages-de added to the seeds for the scaling figures; 2 = every file twice. */
export const SCALE_SHARES: readonly number[] = [0.1, 0.25, 0.5, 1, 2];

export interface BenchCorpus {
  /** Short id for JSON and logs: `seeds`, `seeds+manpages`, `scale-10`, … */
  readonly id: string;
  readonly label: string;
  readonly dir: string;
  /** Share of manpages-de in it (0 for the seeds alone). */
  readonly manpagesShare: number;
}

export interface PreparedCorpora {
  readonly seeds: BenchCorpus;
  /** Seeds + all of manpages-de; undefined when the archive is missing. */
  readonly full: BenchCorpus | undefined;
  /** Seeds + each share of SCALE_SHARES (the 100% entry is `full`); empty without the archive. */
  readonly scaled: readonly BenchCorpus[];
  /** Why the man pages are not part of this run, if they are not. */
  readonly manpagesSkipped: string | undefined;
  /** Deletes the temp dir. */
  cleanup(): Promise<void>;
}

export interface CorporaOptions {
  readonly seedsDir: string;
  readonly manpagesArchive: string;
  /** Whether to lay out the scaled copies too. */
  readonly scaling: boolean;
}

/**
 * Lays the corpora out in one temp dir: `<tmp>/full/{seeds,manpages-de}` and one such dir per
 * scale share. Every corpus is then read by Quelle's own loader, so all systems index exactly
 * the paragraphs the bot would serve.
 */
export async function prepareCorpora(options: CorporaOptions): Promise<PreparedCorpora> {
  const seeds: BenchCorpus = { id: 'seeds', label: 'seeds', dir: path.resolve(options.seedsDir), manpagesShare: 0 };
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'quelle-bench-'));
  const cleanup = () => rm(tmp, { recursive: true, force: true });

  try {
    await access(options.manpagesArchive);
  } catch {
    return { seeds, full: undefined, scaled: [], manpagesSkipped: `${options.manpagesArchive} not found`, cleanup };
  }

  try {
    const unpacked = path.join(tmp, 'unpacked');
    await mkdir(unpacked);
    await run('tar', ['-xzf', options.manpagesArchive, '-C', unpacked]);
    const manDir = await singleSubdir(unpacked);
    const manFiles = (await readdir(manDir)).filter((name) => name.endsWith('.txt')).sort();

    const full = await layOut(tmp, 'full', seeds.dir, manDir, manFiles, 1);
    const scaled: BenchCorpus[] = [];
    if (options.scaling) {
      for (const share of SCALE_SHARES) {
        scaled.push(share === 1 ? full : await layOut(tmp, `scale-${share * 100}`, seeds.dir, manDir, manFiles, share));
      }
    }
    return { seeds, full, scaled, manpagesSkipped: undefined, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function singleSubdir(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory());
  const only = dirs[0];
  if (dirs.length !== 1 || !only) throw new Error(`Quelle bench: expected one folder in the man page archive, found ${dirs.length}`);
  return path.join(dir, only.name);
}

/**
 * `<tmp>/<name>/seeds` + `<tmp>/<name>/manpages-de` holding `share` of the man pages. A
 * share below 1 keeps files spread evenly over the sorted list; a share of 2 adds every file
 * a second time as `<name>.copy.txt`.
 */
async function layOut(
  tmp: string,
  name: string,
  seedsDir: string,
  manDir: string,
  manFiles: readonly string[],
  share: number,
): Promise<BenchCorpus> {
  const root = path.join(tmp, name);
  const target = path.join(root, 'manpages-de');
  await mkdir(target, { recursive: true });
  await cp(seedsDir, path.join(root, 'seeds'), { recursive: true });
  for (const file of selectShare(manFiles, Math.min(share, 1))) {
    await linkOrCopy(path.join(manDir, file), path.join(target, file));
  }
  for (let copy = 2; copy <= share; copy++) {
    for (const file of manFiles) {
      await linkOrCopy(path.join(manDir, file), path.join(target, file.replace(/\.txt$/, `.copy${copy === 2 ? '' : copy}.txt`)));
    }
  }
  const percent = Math.round(share * 100);
  return {
    id: share === 1 ? 'seeds+manpages' : `scale-${percent}`,
    label: share === 1 ? 'seeds + manpages-de' : `seeds + ${percent}% manpages-de`,
    dir: root,
    manpagesShare: share,
  };
}

/** An evenly spread `share` (0..1] of `items`, in their order. */
export function selectShare<T>(items: readonly T[], share: number): T[] {
  return items.filter((_, i) => Math.floor((i + 1) * share) > Math.floor(i * share));
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

