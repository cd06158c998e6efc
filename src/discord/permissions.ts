import { PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Whether the member behind an interaction may reload the index: Manage Server, or one of
 * the moderator roles. Checked at run time although /reload is registered for Manage Server
 * only, because server admins can grant the command to anyone. Outside a guild: never.
 */
export function mayReload(interaction: Pick<Interaction, 'inGuild' | 'memberPermissions' | 'member'>, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  return memberRoleIds(interaction.member).some((id) => moderatorRoleIds.includes(id));
}

/** Role ids of a cached GuildMember or of a raw API member. */
function memberRoleIds(member: Interaction['member']): string[] {
  if (member === null) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}
