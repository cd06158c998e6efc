import { SlashCommandBuilder } from 'discord.js';
import { help } from '../../answers/help.js';
import type { ChatCommand } from './command.js';

export const helpCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('help')
    .setNameLocalizations({ de: 'hilfe' })
    .setDescription('What Quelle can do and how to ask')
    .setDescriptionLocalizations({ de: 'Was Quelle kann und wie man fragt' })
    .toJSON(),
  run: (_interaction, { library, locale, config, feedback, semantic }) =>
    help(library.engine, locale, feedback === undefined ? undefined : { retentionDays: config.storeRetentionDays, questions: config.storeQuestions }, semantic),
} satisfies ChatCommand;
