import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Paths pino censors wherever they occur: the bot token and the interaction tokens (each
 * one is a 15-minute credential to reply as the bot), and an HTTP authorization header.
 */
export const REDACTED_PATHS = ['token', '*.token', 'config.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'];

/**
 * The bot's logger: JSON lines, the token redacted. The destination is passed in so that
 * the console mode can log to stderr (stdout carries its answers) and tests to a sink.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({ level: config.logLevel, base: { name: 'quelle' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
