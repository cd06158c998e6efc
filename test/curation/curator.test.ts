import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/answers/library.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { Curator } from '../../src/curation/curator.js';
import { MANIFEST_FILE } from '../../src/curation/manifest.js';
import { buildEngine } from '../../src/search/engine.js';

const CDN = 'https://cdn.discordapp.com';
const MOD = { id: '111111111111111111', name: 'mod' };
/** The CDN as a fetch: the file at the URL's last segment, from `files`. */
const files = new Map<string, string>();
const fakeFetch = (async (url: string | URL | Request) => {
  const name = decodeURIComponent(String(url).split('/').pop() ?? '');
  const body = files.get(name);
  return body === undefined ? new Response('gone', { status: 404 }) : new Response(body);
}) as typeof fetch;

let dir: string;
let curator: Curator;
let logs: { obj: object; msg: string }[];

async function setUp(): Promise<void> {
  dir = mkdtempSync(path.join(tmpdir(), 'quelle-curator-'));
  writeFileSync(path.join(dir, 'betreiber.txt'), 'Vom Betreiber\n\nDieser Artikel liegt seit jeher im Korpus und handelt von Gallium.\n');
  const build = async () => buildEngine(await loadCorpus(dir));
  const library = new Library(await build(), build);
  logs = [];
  const logger = { info: (obj: object, msg: string) => void logs.push({ obj, msg }), warn: (obj: object, msg: string) => void logs.push({ obj, msg }) };
  curator = new Curator({ corpusDir: dir, uploadDir: path.join(dir, 'uploads'), maxBytes: 10_000, timeoutMs: 1000, cdnUrl: CDN, library, logger, now: () => new Date('2026-11-29T12:00:00Z'), fetch: fakeFetch });
}
beforeEach(setUp);
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const upload = (name: string, text: string, replace = false) => {
  files.set(name, text);
  return curator.add({ name, url: `${CDN}/attachments/1/2/${encodeURIComponent(name)}`, size: Buffer.byteLength(text), replace, by: MOD });
};

describe('Curator', () => {
  it('adds an upload, records who uploaded it, and serves it from the new index', async () => {
    const result = await upload('Kürbis.txt', 'Kürbis im Herbst\n\nDer Hokkaido-Kürbis wird im Oktober geerntet.\n');
    expect(result).toMatchObject({ file: 'uploads/Kürbis.txt', replaced: false, problem: undefined, article: { title: 'Kürbis im Herbst' } });
    expect(curator.uploads().map((a) => a.file)).toEqual(['uploads/Kürbis.txt']);
    expect(JSON.parse(readFileSync(path.join(dir, 'uploads', MANIFEST_FILE), 'utf8'))).toEqual({
      version: 1,
      uploads: [{ name: 'Kürbis.txt', bytes: 66, uploaderId: MOD.id, uploaderName: 'mod', uploadedAt: '2026-11-29T12:00:00.000Z' }],
    });
    expect(logs).toContainEqual({ obj: { file: 'uploads/Kürbis.txt', bytes: 66, replaced: false, userId: MOD.id, user: 'mod' }, msg: 'corpus: article added' });
    // No temporary file left behind.
    expect(readdirSync(path.join(dir, 'uploads')).sort()).toEqual([MANIFEST_FILE, 'Kürbis.txt']);
  });

  it('replaces only when asked', async () => {
    await upload('a.txt', 'Eins\n\nErster Text über Äpfel.\n');
    await expect(upload('a.txt', 'Zwei\n\nZweiter Text über Birnen.\n')).rejects.toMatchObject({ problem: 'exists', file: 'uploads/a.txt' });
    expect(await upload('a.txt', 'Zwei\n\nZweiter Text über Birnen.\n', true)).toMatchObject({ replaced: true, article: { title: 'Zwei' } });
  });

  it('serializes uploads sent together: none lost, the manifest has each', async () => {
    const names = Array.from({ length: 12 }, (_, n) => `teil-${n}.txt`);
    const results = await Promise.all(names.map((name, n) => upload(name, `Teil ${n}\n\nAbsatz von Teil ${n} über Gallium.\n`)));
    expect(results.every((r) => r.article !== undefined)).toBe(true);
    expect(curator.uploads()).toHaveLength(12);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'uploads', MANIFEST_FILE), 'utf8')) as { uploads: unknown[] };
    expect(manifest.uploads).toHaveLength(12);
  });

  it('removes uploads only, and reloads', async () => {
    await upload('weg.txt', 'Weg\n\nDieser Text wird wieder entfernt.\n');
    await expect(curator.remove('betreiber.txt', MOD)).rejects.toMatchObject({ problem: 'not-uploaded', message: 'Quelle: betreiber.txt was placed by the operator; only uploads can be removed from Discord' });
    await expect(curator.remove('uploads/nie.txt', MOD)).rejects.toMatchObject({ problem: 'not-found' });
    await expect(curator.remove('uploads/../betreiber.txt', MOD)).rejects.toMatchObject({ problem: 'not-found' });
    expect(await curator.remove('uploads/weg.txt', MOD)).toEqual({ file: 'uploads/weg.txt', problem: undefined });
    expect(curator.uploads()).toEqual([]);
    expect(readdirSync(path.join(dir, 'uploads'))).toEqual([MANIFEST_FILE]);
  });

  it('lists articles with source, size and uploader, and survives a corrupt manifest', async () => {
    await upload('neu.txt', 'Neu\n\nEin neuer Text.\n');
    const listed = await curator.list();
    expect(listed).toEqual([
      { file: 'betreiber.txt', title: 'Vom Betreiber', paragraphs: 1, bytes: 82, upload: undefined },
      { file: 'uploads/neu.txt', title: 'Neu', paragraphs: 1, bytes: 21, upload: { uploaded: true, record: expect.objectContaining({ uploaderName: 'mod' }) } },
    ]);
    writeFileSync(path.join(dir, 'uploads', MANIFEST_FILE), '{ not json');
    expect((await curator.list())[1]?.upload).toEqual({ uploaded: true, record: undefined });
    expect(logs.some((l) => l.msg === 'corpus: the upload manifest is unreadable; uploaders are unknown')).toBe(true);
  });
});
