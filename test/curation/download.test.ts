import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment, isUnder } from '../../src/curation/download.js';

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/attachments/1/2/ok.txt') response.writeHead(200, { 'content-length': '5' }).end('Hallo');
    else if (url.pathname === '/attachments/1/2/big.txt') response.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    else if (url.pathname === '/attachments/1/2/lying.txt') {
      response.writeHead(200); // chunked: no length to check up front
      response.end('y'.repeat(5000));
    } else if (url.pathname === '/attachments/1/2/slow.txt') {
      response.writeHead(200);
      response.write('z');
      setTimeout(() => response.end('z'), 2000).unref();
    } else if (url.pathname === '/attachments/1/2/moved.txt') response.writeHead(302, { location: 'http://127.0.0.2/evil' }).end();
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = () => ({ cdnUrl: base, maxBytes: 1000, timeoutMs: 500 });

describe('isUnder', () => {
  it.each([
    ['https://cdn.discordapp.com/attachments/1/2/a.txt?ex=1', 'https://cdn.discordapp.com', true],
    ['https://cdn.discordapp.com.evil.org/attachments/a.txt', 'https://cdn.discordapp.com', false],
    ['https://user@cdn.discordapp.com/a.txt', 'https://cdn.discordapp.com', false],
    ['http://cdn.discordapp.com/a.txt', 'https://cdn.discordapp.com', false],
    ['https://proxy.example/cdn/a.txt', 'https://proxy.example/cdn', true],
    ['https://proxy.example/cdn/../admin', 'https://proxy.example/cdn', false],
    ['https://proxy.example/cdnx/a.txt', 'https://proxy.example/cdn', false],
    ['not a url', 'https://cdn.discordapp.com', false],
  ])('%s under %s: %s', (url, root, expected) => {
    expect(isUnder(url, root)).toBe(expected);
  });
});

describe('downloadAttachment', () => {
  it('returns the bytes', async () => {
    expect(Buffer.from(await downloadAttachment(`${base}/attachments/1/2/ok.txt?ex=0`, 5, options())).toString()).toBe('Hallo');
  });

  it.each([
    ['outside the CDN', 'http://127.0.0.2:9/attachments/1/2/ok.txt', 5, 'Quelle: attachments are only fetched from BASE', 'not-cdn'],
    ['declared too large', '/attachments/1/2/ok.txt', 5000, 'Quelle: the file has 5000 bytes, more than the limit of 1000', 'too-large'],
    ['sent with a length over the limit', '/attachments/1/2/big.txt', 5, 'Quelle: the file has 5000 bytes, more than the limit of 1000', 'too-large'],
    ['streamed over the limit', '/attachments/1/2/lying.txt', 5, 'Quelle: the file has more than the limit of 1000 bytes', 'too-large'],
    ['slow', '/attachments/1/2/slow.txt', 2, 'Quelle: the download took longer than 1 s', 'timeout'],
    ['redirected', '/attachments/1/2/moved.txt', 2, /^Quelle: the download failed \(/u, 'download'],
    ['missing', '/attachments/1/2/gone.txt', 2, 'Quelle: the download failed with HTTP 404', 'download'],
  ])('refuses a file %s', async (_kind, url, size, message, problem) => {
    const before = requested.length;
    const full = url.startsWith('/') ? base + url : url;
    const expected = typeof message === 'string' ? message.replace('BASE', base) : message;
    await expect(downloadAttachment(full, size, options())).rejects.toThrow(expected);
    await expect(downloadAttachment(full, size, options())).rejects.toMatchObject({ problem });
    // Nothing is requested for a URL off the CDN or a declared size over the limit.
    if (problem === 'not-cdn' || size > 1000) expect(requested.length).toBe(before);
  });
});
