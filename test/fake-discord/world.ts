import type {
  APIThreadChannel,
  APIGuildMember,
  APIRole,
  APITextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  Locale,
  RoleFlags,
  UserFlags,
} from 'discord-api-types/v10';
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { SnowflakeSequence } from './snowflake.js';

/** A channel to create in a fake guild; ids and names are made up when left out. */
export interface FakeChannelSpec {
  id?: string;
  name?: string;
  /** A text channel (default) or a forum, whose posts are threads (see FakeDiscord.forumPost). */
  type?: 'text' | 'forum';
}

/** A channel of a fake guild: a text channel or a forum; forum fields beyond these are not needed by discord.js. */
export type FakeChannel = APITextChannel | (Omit<APITextChannel, 'type'> & { type: ChannelType.GuildForum; available_tags: []; default_reaction_emoji: null; default_sort_order: null; default_forum_layout: 0 });

/** A guild the bot is in. The first guild and its first channel are the defaults for interactions. */
export interface FakeGuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  preferredLocale?: `${Locale}`;
  channels?: FakeChannelSpec[];
  /** Extra roles (a "Moderator" role, say), besides @everyone and the bot's own. */
  roles?: FakeRoleSpec[];
}

export interface FakeRoleSpec {
  id: string;
  name?: string;
  /** Permission bitfield; default none. */
  permissions?: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: `${Locale}`;
  channels: FakeChannel[];
  /** Threads made by FakeDiscord.forumPost or startThread: not in GUILD_CREATE, created later by THREAD_CREATE. */
  threads: APIThreadChannel[];
  /** The @everyone role (same id as the guild) and the bot's managed role. */
  roles: APIRole[];
  botRoleId: string;
  joinedAt: string;
}

/** Everything the gateway and the REST side agree on: who the bot is and where it lives. */
export interface FakeWorld {
  applicationId: string;
  botUser: APIUser;
  /** The human who triggers interactions unless a test names another user. */
  user: APIUser;
  guilds: FakeGuild[];
}

/** What a plain member may do in the default guild: enough to read and use slash commands. */
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot's integration role grants, like a typical invite link would. */
const BOT_ROLE_PERMISSIONS =
  EVERYONE_PERMISSIONS | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles;

/** The bot's effective permissions in every fake channel (no overwrites), sent as app_permissions. */
export const BOT_APP_PERMISSIONS = (EVERYONE_PERMISSIONS | BOT_ROLE_PERMISSIONS).toString();

export function fakeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
    public_flags: 0 as UserFlags,
  };
}

export function guildMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    roles,
    joined_at: joinedAt,
    nick: null,
    avatar: null,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

function role(id: string, name: string, permissions: bigint, position: number, managed: boolean): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function channel(guildId: string, id: string, name: string, position: number, type: 'text' | 'forum'): FakeChannel {
  const text = textChannel(guildId, id, name, position);
  return type === 'forum' ? { ...text, type: ChannelType.GuildForum, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0 } : text;
}

function textChannel(guildId: string, id: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

export function buildWorld(
  ids: SnowflakeSequence,
  options: { applicationId?: string; botUserId?: string; guilds?: FakeGuildSpec[] },
): FakeWorld {
  const applicationId = options.applicationId ?? ids.next();
  // A bot user's id equals its application's id on Discord; keep that unless told otherwise.
  const botUser = fakeUser(options.botUserId ?? applicationId, 'quelle-test-bot', true);
  const specs = options.guilds && options.guilds.length > 0 ? options.guilds : [{}];
  const joinedAt = new Date().toISOString();
  const guilds = specs.map((spec, index): FakeGuild => {
    const id = spec.id ?? ids.next();
    const channelSpecs = spec.channels && spec.channels.length > 0 ? spec.channels : [{ name: 'general' }];
    const botRoleId = ids.next();
    return {
      id,
      name: spec.name ?? `Fake Guild ${index + 1}`,
      ownerId: spec.ownerId ?? ids.next(),
      preferredLocale: spec.preferredLocale ?? 'en-US',
      channels: channelSpecs.map((c, position) => channel(id, c.id ?? ids.next(), c.name ?? `channel-${position + 1}`, position, c.type ?? 'text')),
      threads: [],
      // On Discord the @everyone role shares the guild's id.
      roles: [
        role(id, '@everyone', EVERYONE_PERMISSIONS, 0, false),
        role(botRoleId, botUser.username, BOT_ROLE_PERMISSIONS, 1, true),
        ...(spec.roles ?? []).map((extra, i) => role(extra.id, extra.name ?? `role-${i + 1}`, extra.permissions ?? 0n, i + 2, false)),
      ],
      botRoleId,
      joinedAt,
    };
  });
  return { applicationId, botUser, user: fakeUser(ids.next(), 'tester'), guilds };
}

/** The GUILD_CREATE payload; without it discord.js waits `waitGuildTimeout` (15 s) before `clientReady`. */
export function guildCreateData(guild: FakeGuild, world: FakeWorld): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale as Locale,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [guildMember(world.botUser, [guild.botRoleId], guild.joinedAt)],
    channels: guild.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
