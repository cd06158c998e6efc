import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { FaultQueue } from './faults.js';
import type { RecordedRequest } from './recorded.js';
import { readBody } from './request-body.js';
import { discordError, notFound } from './rest-reply.js';
import type { RestReply, RouteContext } from './rest-reply.js';

/** Where @discordjs/rest puts the version: `${rest.api}/v10/...`, with rest.api = `${origin}/api`. */
const API_PREFIX = ['api', 'v10'];

function decodeSegment(segment: string): string {
  try {
    // @discordjs/rest percent-encodes `@original` as %40original.
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The HTTP side: records every request, applies scripted faults, then asks each route in turn.
 * Anything no route claims gets Discord's JSON 404 at once; a hanging request would stall the
 * client until its 15 s timeout.
 */
export class RestServer {
  constructor(
    private readonly routes: Array<(context: RouteContext) => RestReply | undefined>,
    private readonly faults: FaultQueue,
    private readonly requests: RecordedRequest[],
    private readonly correlate: (segments: string[]) => string | undefined,
    private readonly onChange: () => void,
    /** Waits, before routing, for what a request depends on (a posted interaction's HTTP response). */
    private readonly settle: (segments: string[]) => Promise<void> | undefined = () => undefined,
  ) {}

  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    this.serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) this.send(response, discordError(500, 0, `FakeDiscord error: ${String(error)}`));
    });
  };

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const parsed = await readBody(request);
    const allSegments = url.pathname.split('/').filter((segment) => segment.length > 0).map(decodeSegment);
    const versioned = API_PREFIX.every((part, index) => allSegments[index] === part);
    const segments = versioned ? allSegments.slice(API_PREFIX.length) : allSegments;
    await this.settle(segments);
    const record: RecordedRequest = {
      method,
      path: `/${segments.join('/')}`,
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      receivedAt,
      status: 0,
    };
    if (parsed.rawBody) record.rawBody = parsed.rawBody;
    if (parsed.files) record.files = parsed.files;
    this.requests.push(record);

    const fault = this.faults.take(method, record.path);
    let reply: RestReply;
    if (fault) {
      const interactionId = this.correlate(segments);
      if (interactionId !== undefined) record.interactionId = interactionId;
      reply = { ...fault, body: fault.body ?? { message: `FakeDiscord fault ${fault.status}`, code: 0 } };
    } else if (!versioned) {
      reply = notFound();
    } else {
      const context: RouteContext = { method, segments, query: record.query, body: parsed.body, record };
      reply = this.firstAnswer(context) ?? notFound();
    }
    record.status = reply.status;
    this.send(response, reply);
    this.onChange();
  }

  private firstAnswer(context: RouteContext): RestReply | undefined {
    for (const route of this.routes) {
      const reply = route(context);
      if (reply) return reply;
    }
    return undefined;
  }

  private send(response: ServerResponse, reply: RestReply): void {
    const headers: Record<string, string> = { ...reply.headers };
    // No content-type on bodiless answers: @discordjs/rest would try to parse "" as JSON.
    if (reply.body !== undefined) headers['content-type'] = 'application/json';
    response.writeHead(reply.status, headers);
    response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }
}
