import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** A file's bytes, or why they were not read. */
export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: string };

export interface ReadLimits {
  /** Larger files are not read at all; reading stops at this many bytes whatever `stat` said. */
  readonly maxBytes: number;
  /** A read that takes longer is abandoned (a disk that hangs, a file that never ends). */
  readonly timeoutMs: number;
}

const CHUNK = 64 * 1024;

/**
 * Reads one corpus file without trusting it. Opened non-blocking (a FIFO swapped in after the
 * directory was listed cannot hang the open); only a regular file is read, checked on the
 * open handle; its size is checked before reading and enforced while reading (a file that
 * grows, or a /dev/zero, never costs more than the limit); and the whole read is abandoned
 * after `timeoutMs`.
 */
export async function readArticleFile(file: string, limits: ReadLimits): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: `unreadable (${errorCode(err)})` };
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `read took longer than ${limits.timeoutMs / 1000} s` }), limits.timeoutMs);
  });
  try {
    return await Promise.race([readAll(handle, limits.maxBytes), timeout]);
  } catch (err) {
    return { ok: false, reason: `unreadable (${errorCode(err)})` };
  } finally {
    clearTimeout(timer);
    // A read still pending on a hung file keeps its handle until the OS answers; closing
    // here releases it as soon as it can be.
    void handle.close().catch(() => undefined);
  }
}

async function readAll(handle: FileHandle, maxBytes: number): Promise<ReadResult> {
  const info = await handle.stat();
  if (!info.isFile()) return { ok: false, reason: 'not a regular file (a FIFO, socket or device)' };
  const tooLarge: ReadResult = { ok: false, reason: `larger than ${formatBytes(maxBytes)}` };
  if (info.size > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buffer = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > maxBytes) return tooLarge;
    chunks.push(buffer.subarray(0, bytesRead));
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
}

export function errorCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : String(err);
}
