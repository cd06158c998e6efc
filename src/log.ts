import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Paths pino censors wherever they occur: the bot token and the interaction tokens (each
 * one is a 15-minute credential to reply as the bot), and an HTTP authorization header.
 */
const REDACTED_PATHS = ['token', '*.token', 'config.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'];

const CENSOR = '[redacted]';

/**
 * Interaction tokens also stand in REST URLs (`/interactions/<id>/<token>/callback`,
 * `/webhooks/<application>/<token>/…`), and discord.js puts the URL on its errors.
 */
function redactUrlTokens(text: string): string {
  return text.replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/?\s]+/gu, `$1${CENSOR}`);
}

/**
 * pino's error serializer, minus what must not or need not be logged: tokens in the URL,
 * message and stack, and the request body (the whole reply payload of a failed request).
 */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const key of ['url', 'message', 'stack'] as const) {
    const value = out[key];
    if (typeof value === 'string') out[key] = redactUrlTokens(value);
  }
  delete out.requestBody;
  return out;
}

/**
 * The bot's logger: JSON lines, tokens redacted. The destination is passed in so that the
 * console mode can log to stderr (stdout carries its answers) and tests to a sink.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { name: 'quelle' },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      serializers: { err: serializeError },
    },
    destination,
  );
}
