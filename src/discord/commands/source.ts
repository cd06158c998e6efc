import { SlashCommandBuilder } from 'discord.js';
import { articleChoices, source } from '../../answers/source.js';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../limits.js';
import { truncate } from '../truncate.js';
import type { ChatCommand } from './command.js';

export const sourceCommand = {
  kind: 'chat',
  data: new SlashCommandBuilder()
    .setName('source')
    .setNameLocalizations({ de: 'quelle' })
    .setDescription('Cite an article of the corpus, or one of its paragraphs')
    .setDescriptionLocalizations({ de: 'Einen Artikel des Korpus zitieren, oder einen seiner Absätze' })
    .addStringOption((o) =>
      o
        .setName('article')
        .setNameLocalizations({ de: 'artikel' })
        .setDescription('File name or title')
        .setDescriptionLocalizations({ de: 'Dateiname oder Titel' })
        .setRequired(true)
        .setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o
        .setName('paragraph')
        .setNameLocalizations({ de: 'absatz' })
        .setDescription('Cite only this paragraph')
        .setDescriptionLocalizations({ de: 'Nur diesen Absatz zitieren' })
        .setMinValue(1),
    )
    .toJSON(),
  run(interaction, { library, locale }) {
    const article = interaction.options.getString('article') ?? '';
    const paragraph = interaction.options.getInteger('paragraph');
    return source(library.engine, { article, ...(paragraph === null ? {} : { paragraph }) }, locale);
  },
  autocomplete(interaction, { library }) {
    const typed = interaction.options.getFocused();
    return articleChoices(library.engine, typed, AUTOCOMPLETE_CHOICES_MAX)
      .filter((choice) => choice.file.length <= CHOICE_VALUE_MAX)
      .map((choice) => ({ name: truncate(choice.label, CHOICE_NAME_MAX), value: choice.file }));
  },
} satisfies ChatCommand;
