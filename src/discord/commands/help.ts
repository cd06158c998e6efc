import { SlashCommandBuilder, type Channel } from 'discord.js';
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
  run: (interaction, { library, locale, config, feedback, semantic }) =>
    help(library.engine, locale, feedback === undefined ? undefined : { retentionDays: config.storeRetentionDays, questions: config.storeQuestions }, semantic, {
      // By name: the help is rendered as escaped text, where a <#id> mention would show as such.
      channels: config.autoAnswer.channelIds.map((id) => `#${channelName(interaction.client.channels.cache.get(id)) ?? id}`),
    }),
} satisfies ChatCommand;

function channelName(channel: Channel | undefined): string | undefined {
  return channel !== undefined && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
}
