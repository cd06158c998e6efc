import { askCommand } from './ask.js';
import type { Command } from './command.js';
import { corpusCommand } from './corpus.js';
import { helpCommand } from './help.js';
import { reloadCommand } from './reload.js';
import { reportCommand } from './report.js';
import { searchMessageCommand } from './search-message.js';
import { sourceCommand } from './source.js';

/** Every command the bot registers, by name: the router's registry. */
export function commandRegistry(): Map<string, Command> {
  const commands: Command[] = [askCommand, sourceCommand, reloadCommand, corpusCommand, reportCommand, helpCommand, searchMessageCommand];
  return new Map(commands.map((command) => [command.data.name, command]));
}
