#!/usr/bin/env node
// `npm start`: the HTTP interactions endpoint when DISCORD_PUBLIC_KEY and INTERACTIONS_PORT are
// set, else the Discord bot when DISCORD_TOKEN is set, otherwise the console on the corpus.
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { CorpusError } from './corpus/errors.js';
import { DiscordUnreachableError } from './discord/bot.js';
import { EnvFileError, withDotEnv } from './env.js';

async function main(): Promise<void> {
  // One handler per signal for the whole life of the process. Swapping handlers once the bot
  // is up lost signals: one that arrived just before the swap was queued for the removed
  // handler and never delivered, and the process ignored SIGTERM.
  let onSignal: (signal: NodeJS.Signals) => void = () => process.exit(0);
  // Until the bot is connected there is nothing to close: a signal during start-up (a long
  // index build) ends the process as cleanly as one later.
  const signalled = (signal: NodeJS.Signals): void => onSignal(signal);
  process.on('SIGINT', signalled);
  process.on('SIGTERM', signalled);
  const config = loadConfig(withDotEnv(process.env));
  const app = await startApp(config, { stdin: process.stdin, stdout: process.stdout });
  if (app.mode === 'console') {
    await app.done;
    return;
  }
  const { logger } = app;
  const stop = app.mode === 'http' ? app.stop : () => app.bot.stop();
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  let stopping = false;
  onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
}

/** discord.js's error for a token Discord refused (401 on login). */
function isInvalidToken(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === 'TokenInvalid';
}

main().catch((err: unknown) => {
  if (isInvalidToken(err)) {
    process.stderr.write('Quelle: Discord refused DISCORD_TOKEN: check the bot token (Developer Portal → Bot → Reset Token).\n', () => process.exit(2));
    return;
  }
  // Start-up errors a user can fix get their message alone; anything else its stack.
  const known = err instanceof ConfigError || err instanceof CorpusError || err instanceof EnvFileError || err instanceof DiscordUnreachableError;
  // Exit rather than wait for the event loop: a request to a host that never answers would
  // keep the process alive.
  process.stderr.write(`${known ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`, () => process.exit(known ? 2 : 1));
});
