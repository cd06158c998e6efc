#!/usr/bin/env node
// `npm run deploy-commands`: registers the slash commands with Discord.
import { ConfigError, loadConfig } from '../config.js';
import { withDotEnv } from '../env.js';
import { deployCommands } from './deploy-commands.js';

async function main(): Promise<number> {
  const config = loadConfig(withDotEnv(process.env));
  if (config.token === undefined) {
    process.stderr.write('Quelle: DISCORD_TOKEN is not set: put the bot token in .env or the environment to deploy commands.\n');
    return 2;
  }
  const result = await deployCommands({ ...config, token: config.token });
  const where = result.guildId === undefined ? 'globally (may take up to an hour to appear)' : `to guild ${result.guildId}`;
  process.stdout.write(`Registered ${result.names.length} commands ${where} for application ${result.applicationId}: ${result.names.join(', ')}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : `Quelle: deploying commands failed: ${err instanceof Error ? err.message : String(err)}`}\n`);
    process.exitCode = err instanceof ConfigError ? 2 : 1;
  },
);
