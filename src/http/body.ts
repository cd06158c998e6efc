/** A request body read whole into memory, up to a limit: never more than the limit is kept. */
import type { IncomingMessage } from 'node:http';

/** The body is larger than allowed; nothing more of it is buffered. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * Reads the body. A declared Content-Length over the limit is refused before any byte is read;
 * a body that grows past the limit while streaming is refused at that point. Rejects with
 * BodyTooLargeError then, or with the stream's error when the client goes away.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLargeError(`declared ${declared} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: Error | undefined): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (err === undefined) resolve(Buffer.concat(chunks, size));
      else reject(err);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(new BodyTooLargeError(`more than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(undefined));
    req.once('error', (err) => finish(err));
    req.once('close', () => finish(req.complete ? undefined : new Error('the client closed the request before its end')));
  });
}
