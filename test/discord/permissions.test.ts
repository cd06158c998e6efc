import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { mayReload } from '../../src/discord/permissions.js';

const MODS = ['222222222222222222'];

function member(permissions: bigint, roles: string[], inGuild = true) {
  return {
    inGuild: () => inGuild,
    memberPermissions: inGuild ? new PermissionsBitField(permissions) : null,
    member: inGuild ? ({ roles, permissions: String(permissions) } as never) : null,
  } as Parameters<typeof mayReload>[0];
}

describe('mayReload', () => {
  it('allows Manage Server', () => {
    expect(mayReload(member(PermissionFlagsBits.ManageGuild, []), MODS)).toBe(true);
    expect(mayReload(member(PermissionFlagsBits.Administrator, []), MODS)).toBe(true);
  });

  it('allows a moderator role', () => {
    expect(mayReload(member(0n, ['111111111111111111', '222222222222222222']), MODS)).toBe(true);
  });

  it('refuses everyone else, even when Discord showed them the command', () => {
    expect(mayReload(member(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages, ['111111111111111111']), MODS)).toBe(false);
    expect(mayReload(member(0n, ['222222222222222222']), [])).toBe(false);
  });

  it('refuses outside a guild', () => {
    expect(mayReload(member(PermissionFlagsBits.ManageGuild, MODS, false), MODS)).toBe(false);
  });
});
