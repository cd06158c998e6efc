import type { IncomingMessage } from 'node:http';

export interface ParsedBody {
  body: unknown;
  rawBody?: Buffer;
  files?: string[];
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Keep malformed JSON visible to the test rather than failing the request.
    return text;
  }
}

/**
 * Pulls `payload_json` and the file names out of a multipart upload. @discordjs/rest sends
 * files this way (`files[0]`, ... plus `payload_json`); the fake only needs the JSON part to
 * check the message, so this is a minimal parser, not a general one.
 */
function parseMultipart(raw: Buffer, boundary: string): ParsedBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const files: string[] = [];
  let body: unknown = {};
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length, next);
    start = next;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.subarray(0, headerEnd).toString('utf8');
    // The part's content ends with the CRLF that precedes the next delimiter.
    const content = part.subarray(headerEnd + 4, Math.max(headerEnd + 4, part.length - 2));
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined) files.push(filename);
    else if (name === 'payload_json') body = parseJson(content.toString('utf8'));
  }
  return { body, rawBody: raw, files };
}

export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(request);
  if (raw.length === 0) return { body: undefined };
  const contentType = request.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (contentType.startsWith('multipart/form-data') && boundary) {
    return parseMultipart(raw, boundary[1] ?? boundary[2] ?? '');
  }
  return { body: parseJson(raw.toString('utf8')) };
}
