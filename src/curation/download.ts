import { CurationError } from './errors.js';

export interface DownloadOptions {
  /** Only URLs under this base are fetched (DISCORD_CDN_URL). */
  readonly cdnUrl: string;
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The fetch to use; the global one in production. */
  readonly fetch?: typeof fetch;
}

/** Whether `url` lies under `base`: same origin, and a path at or below the base's. */
export function isUnder(url: string, base: string): boolean {
  let target: URL;
  let root: URL;
  try {
    target = new URL(url);
    root = new URL(base);
  } catch {
    return false;
  }
  if (target.origin !== root.origin || target.username !== '' || target.password !== '') return false;
  const prefix = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  // The URL parser has already resolved "..", so the path prefix is what is fetched.
  return target.pathname.startsWith(prefix);
}

/**
 * The bytes of an attachment. Refused before any request when the URL is not under the CDN
 * base or the declared size is over the limit; abandoned when the response declares or
 * streams more than the limit, or takes longer than the timeout. Redirects are not followed:
 * they could lead off the CDN.
 */
export async function downloadAttachment(url: string, declaredSize: number, options: DownloadOptions): Promise<Uint8Array> {
  if (!isUnder(url, options.cdnUrl)) throw new CurationError('not-cdn', `attachments are only fetched from ${options.cdnUrl}`);
  if (declaredSize > options.maxBytes) throw new CurationError('too-large', `the file has ${declaredSize} bytes, more than the limit of ${options.maxBytes}`);
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await doFetch(url, { signal, redirect: 'error' });
    if (!response.ok || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      throw new CurationError('download', `the download failed with HTTP ${response.status}`);
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (length > options.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new CurationError('too-large', `the file has ${length} bytes, more than the limit of ${options.maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // The declared size is the uploader's client's word; what arrives is what counts.
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new CurationError('too-large', `the file has more than the limit of ${options.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof CurationError) throw err;
    if (signal.aborted) throw new CurationError('timeout', `the download took longer than ${Math.round(options.timeoutMs / 1000)} s`);
    throw new CurationError('download', `the download failed (${err instanceof Error ? err.message : String(err)})`);
  }
}
