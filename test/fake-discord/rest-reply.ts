import type { RecordedRequest } from './recorded.js';

/** What a route answers; the server adds `content-type: application/json` to every body. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request as routes see it: the path split into decoded segments, the body already parsed. */
export interface RouteContext {
  method: string;
  segments: string[];
  query: Record<string, string>;
  body: unknown;
  /** The record of this request; routes fill in `interactionId`. */
  record: RecordedRequest;
}

export type Route = (context: RouteContext) => RestReply | undefined;

export function ok(body: unknown): RestReply {
  return { status: 200, body };
}

/** 204 has no body: @discordjs/rest would try to parse an empty JSON body and fail. */
export function noContent(): RestReply {
  return { status: 204 };
}

/** Discord's JSON error shape: `{ message, code }`, which @discordjs/rest turns into DiscordAPIError. */
export function discordError(status: number, code: number, message: string): RestReply {
  return { status, body: { message, code } };
}

export const notFound = (): RestReply => discordError(404, 0, '404: Not Found');
export const unknownInteraction = (): RestReply => discordError(404, 10062, 'Unknown interaction');
export const alreadyAcknowledged = (): RestReply => discordError(400, 40060, 'Interaction has already been acknowledged.');
export const unknownWebhook = (): RestReply => discordError(404, 10015, 'Unknown Webhook');
export const invalidWebhookToken = (): RestReply => discordError(401, 50027, 'Invalid Webhook Token');
export const unknownMessage = (): RestReply => discordError(404, 10008, 'Unknown Message');
export const unknownChannel = (): RestReply => discordError(404, 10003, 'Unknown Channel');
export const invalidFormBody = (): RestReply => discordError(400, 50035, 'Invalid Form Body');
