/** A bare node:http client for the endpoint tests: raw bodies, any method, chunked or not. */
import { request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface Sent {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  readonly chunked?: boolean;
}

/**
 * Resolves with the answer as soon as it is complete; an error after the answer (the server
 * closing a connection whose body it did not read) is ignored.
 */
export function send(port: number, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = sent.body === undefined ? undefined : Buffer.isBuffer(sent.body) ? sent.body : Buffer.from(sent.body);
    const headers: Record<string, string> = { ...sent.headers };
    if (body !== undefined && sent.chunked !== true) headers['content-length'] = String(body.length);
    let answered = false;
    const req = request({ host: '127.0.0.1', port, method: sent.method ?? 'POST', path: sent.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        answered = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => {
        if (!answered) reject(err);
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (body !== undefined && sent.chunked === true) {
      for (let i = 0; i < body.length; i += 8192) req.write(body.subarray(i, i + 8192));
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}
