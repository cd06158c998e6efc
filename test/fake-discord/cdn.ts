import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIAttachment } from 'discord-api-types/v10';
import type { SnowflakeSequence } from './snowflake.js';

/** An attachment a test puts on the fake CDN, and how the CDN serves it. */
export interface FakeAttachmentSpec {
  readonly filename: string;
  readonly content: Buffer | string;
  /** The size Discord declares in the interaction; the content's length unless given (a lying client). */
  readonly size?: number;
  readonly contentType?: string;
  /** Send no Content-Length header (chunked), so only the streamed bytes tell the size. */
  readonly chunked?: boolean;
  /** Wait this long between chunks of 16 KiB (a slow download). */
  readonly chunkDelayMs?: number;
  /** Answer with this HTTP status instead of the file. */
  readonly status?: number;
}

const CHUNK = 16 * 1024;

/**
 * Discord's attachment CDN, on the fake's own origin: files under `/attachments/<channel>/<id>/<name>`,
 * as cdn.discordapp.com serves them. Records every download so a test can tell whether the
 * bot fetched anything.
 */
export class FakeCdn {
  readonly #files = new Map<string, FakeAttachmentSpec>();
  /** Paths requested, in order. */
  readonly downloads: string[] = [];

  constructor(
    private readonly ids: SnowflakeSequence,
    /** `http://127.0.0.1:<port>`: what DISCORD_CDN_URL is set to in tests. */
    readonly baseUrl: string,
  ) {}

  /** Puts a file on the CDN; the APIAttachment an interaction carries for it. */
  add(spec: FakeAttachmentSpec, channelId: string): APIAttachment {
    const id = this.ids.next();
    const pathname = `/attachments/${channelId}/${id}/${encodeURIComponent(spec.filename)}`;
    this.#files.set(pathname, spec);
    const size = spec.size ?? Buffer.byteLength(spec.content);
    const url = `${this.baseUrl}${pathname}?ex=0&is=0&hm=fake`;
    return { id, filename: spec.filename, size, url, proxy_url: url, ...(spec.contentType === undefined ? {} : { content_type: spec.contentType }) };
  }

  /** Whether the request is for the CDN; then it is answered. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', this.baseUrl);
    if (!url.pathname.startsWith('/attachments/')) return false;
    this.downloads.push(url.pathname);
    const spec = this.#files.get(url.pathname);
    if (spec === undefined || spec.status !== undefined) {
      response.writeHead(spec?.status ?? 404, { 'content-type': 'text/plain' }).end('Not found');
      return true;
    }
    const body = Buffer.isBuffer(spec.content) ? spec.content : Buffer.from(spec.content);
    response.writeHead(200, {
      'content-type': spec.contentType ?? 'application/octet-stream',
      ...(spec.chunked === true ? {} : { 'content-length': String(body.length) }),
    });
    const delay = spec.chunkDelayMs ?? 0;
    let offset = 0;
    const next = (): void => {
      if (response.destroyed) return;
      if (offset >= body.length) {
        response.end();
        return;
      }
      response.write(body.subarray(offset, offset + CHUNK));
      offset += CHUNK;
      if (delay > 0) setTimeout(next, delay).unref();
      else setImmediate(next);
    };
    next();
    return true;
  }
}
