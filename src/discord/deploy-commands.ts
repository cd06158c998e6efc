import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config.js';
import { commandRegistry } from './commands/index.js';

/** The commands as Discord's API takes them: names, options, localizations, permissions. */
export function commandPayloads(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commandRegistry().values()].map((command) => command.data);
}

export interface DeployResult {
  readonly applicationId: string;
  /** The guild the commands went to; undefined for global commands. */
  readonly guildId: string | undefined;
  readonly names: readonly string[];
}

/**
 * Registers every command in one bulk overwrite: to the guild when DISCORD_GUILD_ID is set
 * (visible at once), otherwise globally (Discord may take up to an hour to show them).
 */
export async function deployCommands(config: Config & { token: string }): Promise<DeployResult> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = config.guildId === undefined ? Routes.applicationCommands(application.id) : Routes.applicationGuildCommands(application.id, config.guildId);
  const registered = (await rest.put(route, { body: commandPayloads() })) as { name: string }[];
  return { applicationId: application.id, guildId: config.guildId, names: registered.map((c) => c.name) };
}
