/** Which requests a fault applies to: `path` is tested against the decoded path without `/api/v10`. */
export interface FaultMatch {
  method?: string;
  path: RegExp;
}

export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PendingFault {
  match: FaultMatch;
  responses: FaultResponse[];
}

/**
 * Scripted failures: the next matching requests get these answers, in order, instead of the
 * normal behaviour. Rules are consulted in the order they were added; a rule is dropped once
 * its answers are used up, so normal behaviour resumes by itself.
 */
export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  add(match: FaultMatch, responses: FaultResponse[]): void {
    if (responses.length > 0) this.pending.push({ match, responses: [...responses] });
  }

  take(method: string, path: string): FaultResponse | undefined {
    for (const [index, fault] of this.pending.entries()) {
      if (fault.match.method !== undefined && fault.match.method.toUpperCase() !== method) continue;
      fault.match.path.lastIndex = 0; // a /g or /y RegExp keeps state between test() calls
      if (!fault.match.path.test(path)) continue;
      const response = fault.responses.shift();
      if (fault.responses.length === 0) this.pending.splice(index, 1);
      return response;
    }
    return undefined;
  }
}

/**
 * A 429 shaped like Discord's: body with `retry_after` in seconds plus the headers
 * @discordjs/rest reads (it waits `Retry-After` seconds, plus its 50 ms offset, then retries).
 */
export function rateLimitedResponse(retryAfterSeconds = 0.05, options: { global?: boolean } = {}): FaultResponse {
  const global = options.global ?? false;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfterSeconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retryAfterSeconds),
    'x-ratelimit-bucket': 'fake-discord-bucket',
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global }, headers };
}

/** A 5xx like Discord's occasional hiccups; @discordjs/rest retries these up to 3 times. */
export function serverErrorResponse(status = 500): FaultResponse {
  return { status, body: { message: '500: Internal Server Error', code: 0 } };
}
