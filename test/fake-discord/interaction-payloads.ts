import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandGuildInteraction,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandGuildInteraction,
  APIMessageComponentGuildInteraction,
  APIUser,
  Locale,
} from 'discord-api-types/v10';
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  MessageType,
} from 'discord-api-types/v10';
import type { MessageStore } from './message-store.js';
import type { SnowflakeSequence } from './snowflake.js';
import { BOT_APP_PERMISSIONS, fakeUser, guildMember } from './world.js';
import type { FakeGuild, FakeWorld } from './world.js';

/**
 * A command option as a test writes it. Deliberately looser than discord-api-types' union so
 * tests can also send what Discord never would (wrong types, missing values) to probe the bot.
 */
export interface FakeCommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: FakeCommandOption[];
}

/** Who triggers an interaction, and where. Defaults: the tester, in the default channel, no permissions. */
export interface InteractionOptions {
  userId?: string;
  username?: string;
  locale?: `${Locale}`;
  guildLocale?: `${Locale}`;
  /** The member's permission bitfield as a decimal string; '0' (none) unless given. */
  permissions?: string;
  roles?: string[];
  guildId?: string;
  channelId?: string;
}

/** A message a message-context command targets. */
export interface TargetMessage {
  id?: string;
  content: string;
  /** The message's author; the invoking user unless given. */
  authorId?: string;
}

/** Discord's default upload limit for unboosted guilds, sent with every interaction. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * Builds INTERACTION_CREATE payloads as Discord sends them for a guild. discord.js needs all
 * the "boring" fields (entitlements, authorizing_integration_owners, app_permissions, member
 * with permissions, channel object, ...) or it throws while constructing the interaction.
 */
export class InteractionPayloads {
  constructor(
    private readonly ids: SnowflakeSequence,
    private readonly world: FakeWorld,
    private readonly messages: MessageStore,
    private readonly commandIdFor: (name: string, guildId: string) => string,
  ) {}

  chatInput(name: string, options: FakeCommandOption[] = [], opts: InteractionOptions = {}): APIChatInputApplicationCommandGuildInteraction {
    const base = this.base(InteractionType.ApplicationCommand, opts);
    return {
      ...base,
      data: {
        id: this.commandIdFor(name, base.guild_id),
        name,
        type: ApplicationCommandType.ChatInput,
        options: options as APIApplicationCommandInteractionDataOption[],
      },
    };
  }

  /** Mark the option being typed with `focused: true`, as Discord does. */
  autocomplete(name: string, options: FakeCommandOption[], opts: InteractionOptions = {}): APIApplicationCommandAutocompleteGuildInteraction {
    const base = this.base(InteractionType.ApplicationCommandAutocomplete, opts);
    return {
      ...base,
      data: {
        id: this.commandIdFor(name, base.guild_id),
        name,
        type: ApplicationCommandType.ChatInput,
        options: options as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[],
      },
    };
  }

  /**
   * A click on a button. `message` is the message carrying it, typically one the bot posted
   * (see FakeDiscord.messageById); without one, the fake makes up a bot message with that button.
   */
  button(customId: string, message: APIMessage | undefined, opts: InteractionOptions = {}): APIMessageComponentGuildInteraction {
    const channelId = opts.channelId ?? message?.channel_id;
    const base = this.base(InteractionType.MessageComponent, channelId === undefined ? opts : { ...opts, channelId });
    const carrier = message ?? this.messageWithButton(base.channel_id, customId);
    return {
      ...base,
      message: carrier,
      data: { custom_id: customId, component_type: ComponentType.Button },
    };
  }

  messageContext(name: string, target: TargetMessage, opts: InteractionOptions = {}): APIMessageApplicationCommandGuildInteraction {
    const base = this.base(InteractionType.ApplicationCommand, opts);
    const author = target.authorId === undefined ? base.member.user : this.userFor(target.authorId, undefined);
    const message = this.messages.create({ channelId: base.channel_id, author }, { content: target.content });
    if (target.id !== undefined) {
      // Re-key under the id the test asked for, so it can refer to it later.
      this.messages.delete(message.id);
      message.id = target.id;
      this.messages.remember(message);
    }
    return {
      ...base,
      data: {
        id: this.commandIdFor(name, base.guild_id),
        name,
        type: ApplicationCommandType.Message,
        target_id: message.id,
        resolved: { messages: { [message.id]: message } },
      },
    };
  }

  newToken(): string {
    // Real tokens are long opaque strings; this keeps them URL-safe and unique.
    return `fake-interaction-token.${randomBytes(18).toString('base64url')}`;
  }

  private base<T extends InteractionType>(type: T, opts: InteractionOptions) {
    const guild = this.guildFor(opts.guildId);
    const guildId = opts.guildId ?? guild.id;
    // A thread (a forum post, say) is a channel of its own to an interaction.
    const channel = [...guild.channels, ...guild.threads].find((candidate) => candidate.id === opts.channelId) ?? guild.channels[0];
    const channelId = opts.channelId ?? channel?.id ?? this.ids.next();
    const user = this.userFor(opts.userId, opts.username);
    const member: APIInteractionGuildMember = {
      ...guildMember(user, opts.roles ?? [], guild.joinedAt),
      user,
      permissions: opts.permissions ?? '0',
    };
    return {
      id: this.ids.next(),
      application_id: this.world.applicationId,
      type,
      token: this.newToken(),
      version: 1 as const,
      guild_id: guildId,
      guild: { id: guildId, locale: guild.preferredLocale as Locale, features: [] },
      channel_id: channelId,
      channel: {
        ...(channel ?? { type: ChannelType.GuildText as const, name: 'unknown-channel', guild_id: guildId }),
        id: channelId,
      },
      member,
      app_permissions: BOT_APP_PERMISSIONS,
      locale: (opts.locale ?? 'en-US') as Locale,
      guild_locale: (opts.guildLocale ?? guild.preferredLocale) as Locale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
      context: InteractionContextType.Guild,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
  }

  private guildFor(guildId: string | undefined): FakeGuild {
    const found = this.world.guilds.find((guild) => guild.id === guildId) ?? this.world.guilds[0];
    if (!found) throw new Error('FakeDiscord: the world has no guilds');
    return found;
  }

  private userFor(userId: string | undefined, username: string | undefined): APIUser {
    if (userId === undefined || userId === this.world.user.id) return this.world.user;
    return fakeUser(userId, username ?? `user-${userId.slice(-4)}`);
  }

  private messageWithButton(channelId: string, customId: string): APIMessage {
    return this.messages.create(
      { channelId, author: this.world.botUser, applicationId: this.world.applicationId, type: MessageType.ChatInputCommand },
      {
        content: 'A message with a button',
        components: [
          {
            type: ComponentType.ActionRow,
            components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: 'Button' }],
          },
        ],
      },
    );
  }
}
