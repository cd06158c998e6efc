import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

/** Beside the uploads, hidden so that the loader never reads it as an article. */
export const MANIFEST_FILE = '.quelle-uploads.json';

/** Who uploaded an article, and when. */
export interface UploadRecord {
  /** The file name inside the upload folder. */
  readonly name: string;
  readonly bytes: number;
  /** Discord user id and name of the moderator who uploaded it. */
  readonly uploaderId: string;
  readonly uploaderName: string;
  /** ISO time of the upload. */
  readonly uploadedAt: string;
}

interface ManifestFile {
  readonly version: 1;
  readonly uploads: readonly UploadRecord[];
}

/**
 * The manifest of the upload folder, by file name. A missing file is an empty manifest; an
 * unreadable one too, reported through `onCorrupt` (the uploads themselves are still on disk
 * and indexed; only who uploaded them is lost).
 */
export async function readManifest(dir: string, onCorrupt: (err: unknown) => void): Promise<Map<string, UploadRecord>> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') onCorrupt(err);
    return new Map();
  }
  try {
    const parsed = JSON.parse(text) as Partial<ManifestFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.uploads)) throw new Error(`unknown manifest format in ${MANIFEST_FILE}`);
    return new Map(parsed.uploads.filter((r) => typeof r?.name === 'string').map((r) => [r.name, r]));
  } catch (err) {
    onCorrupt(err);
    return new Map();
  }
}

/** Writes the manifest atomically, sorted by name. */
export async function writeManifest(dir: string, records: ReadonlyMap<string, UploadRecord>): Promise<void> {
  const file: ManifestFile = { version: 1, uploads: [...records.values()].sort((a, b) => a.name.localeCompare(b.name)) };
  await writeFileAtomic(path.join(dir, MANIFEST_FILE), `${JSON.stringify(file, null, 2)}\n`);
}
