import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/answers/ask.js';
import { commandPayloads } from '../../src/discord/deploy-commands.js';

describe('command definitions', () => {
  const payloads = commandPayloads();
  const byName = new Map(payloads.map((p) => [p.name, p]));

  it('registers /ask, /source, /reload, /corpus, /report, /help and the message context menu', () => {
    expect([...byName.keys()]).toEqual(['ask', 'source', 'reload', 'corpus', 'report', 'help', 'Search the corpus']);
    expect(byName.get('Search the corpus')).toMatchObject({ type: ApplicationCommandType.Message, name_localizations: { de: 'Im Korpus suchen' } });
  });

  it('localizes every description in German', () => {
    for (const payload of payloads) {
      if (payload.type === ApplicationCommandType.Message) continue;
      expect(payload, payload.name).toHaveProperty('description_localizations.de');
    }
  });

  it('limits the question and offers autocomplete for articles', () => {
    expect(byName.get('ask')).toMatchObject({
      options: [
        { name: 'question', type: ApplicationCommandOptionType.String, required: true, max_length: MAX_QUESTION_LENGTH },
        { name: 'private', type: ApplicationCommandOptionType.Boolean },
      ],
    });
    expect(byName.get('source')).toMatchObject({
      options: [
        { name: 'article', type: ApplicationCommandOptionType.String, required: true, autocomplete: true },
        { name: 'paragraph', type: ApplicationCommandOptionType.Integer, min_value: 1 },
      ],
    });
  });

  it('shows /reload, /corpus and /report to Manage Server by default, in guilds only', () => {
    expect(byName.get('report')).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
      contexts: [0],
      options: [
        { name: 'unanswered', options: [{ name: 'days', type: ApplicationCommandOptionType.Integer, min_value: 1 }] },
        { name: 'feedback', options: [{ name: 'days', type: ApplicationCommandOptionType.Integer, min_value: 1 }] },
      ],
    });
    expect(byName.get('reload')).toMatchObject({ default_member_permissions: String(PermissionFlagsBits.ManageGuild), contexts: [0] });
    expect(byName.get('corpus')).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
      contexts: [0],
      options: [
        { name: 'add', options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, required: true }, { name: 'replace', type: ApplicationCommandOptionType.Boolean }] },
        { name: 'remove', options: [{ name: 'article', type: ApplicationCommandOptionType.String, required: true, autocomplete: true }] },
        { name: 'list' },
      ],
    });
  });
});
