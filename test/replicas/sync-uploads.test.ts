import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/curation/manifest.js';
import { syncUploads } from '../../src/replicas/sync-uploads.js';
import type { StoredUpload } from '../../src/store/shared-state.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const record = (name: string) => JSON.stringify({ name, bytes: 10, uploaderId: '1', uploaderName: 'mod', uploadedAt: '2026-12-04T10:00:00.000Z' });
const upload = (name: string, text: string): StoredUpload => ({ name, content: Buffer.from(text), record: record(name), at: 0 });

describe('syncUploads', () => {
  const temp = useTempDirs('quelle-sync-');
  const uploadDir = () => path.join(temp.make(), 'uploads');

  it('writes what the store has, with the manifest, and is idempotent', async () => {
    const dir = uploadDir();
    const stored = [upload('a.txt', 'Titel A\nText A\n'), upload('b.txt', 'Titel B\nText B\n')];
    expect(await syncUploads(dir, stored, () => undefined)).toEqual({ written: ['a.txt', 'b.txt'], removed: [] });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Titel A\nText A\n');
    expect(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')).toContain('"b.txt"');
    expect(await syncUploads(dir, stored, () => undefined)).toEqual({ written: [], removed: [] });
  });

  it('replaces a changed upload and removes one the store no longer has, but never an operator file', async () => {
    const dir = uploadDir();
    await syncUploads(dir, [upload('a.txt', 'alt\n'), upload('b.txt', 'B\n')], () => undefined);
    // An operator put a file into the upload folder by hand: not in the manifest, not ours.
    writeFileSync(path.join(dir, 'operator.txt'), 'Operator\nText\n');
    expect(await syncUploads(dir, [upload('a.txt', 'neu\n')], () => undefined)).toEqual({ written: ['a.txt'], removed: ['b.txt'] });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('neu\n');
    expect(existsSync(path.join(dir, 'b.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'operator.txt'))).toBe(true);
  });
});
