import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readManifest, writeManifest, type UploadRecord } from '../curation/manifest.js';
import type { StoredUpload } from '../store/shared-state.js';

/** What a sync changed in the upload folder. */
export interface SyncReport {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Makes the upload folder hold exactly the uploads in the store: writes what is missing or
 * different, removes uploads the store no longer has (only files the manifest lists as
 * uploads: anything an operator put there stays), and writes the manifest. Idempotent.
 */
export async function syncUploads(uploadDir: string, stored: readonly StoredUpload[], onCorrupt: (err: unknown) => void): Promise<SyncReport> {
  await mkdir(uploadDir, { recursive: true });
  const manifest = await readManifest(uploadDir, onCorrupt);
  const wanted = new Map(stored.map((upload) => [upload.name, upload]));
  const written: string[] = [];
  const removed: string[] = [];
  for (const upload of stored) {
    const target = path.join(uploadDir, upload.name);
    const current = await readFile(target).catch(() => undefined);
    if (current === undefined || !current.equals(upload.content)) {
      await writeFileAtomic(target, upload.content);
      written.push(upload.name);
    }
    const record = recordOf(upload);
    if (record !== undefined) manifest.set(upload.name, record);
  }
  const present = new Set(await readdir(uploadDir).catch(() => [] as string[]));
  for (const name of [...manifest.keys()]) {
    if (wanted.has(name)) continue;
    manifest.delete(name);
    if (present.has(name)) {
      await rm(path.join(uploadDir, name), { force: true });
      removed.push(name);
    }
  }
  if (written.length > 0 || removed.length > 0) await writeManifest(uploadDir, manifest);
  return { written, removed };
}

function recordOf(upload: StoredUpload): UploadRecord | undefined {
  try {
    return JSON.parse(upload.record) as UploadRecord;
  } catch {
    return undefined;
  }
}
