import type { APIMessage, APIThreadChannel, APIUser, ChannelFlags } from 'discord-api-types/v10';
import { ChannelType, GatewayIntentBits, MessageType } from 'discord-api-types/v10';
import type { MessageStore } from './message-store.js';
import type { SnowflakeSequence } from './snowflake.js';
import { fakeUser, guildMember } from './world.js';
import type { FakeGuild, FakeWorld } from './world.js';

/** A message a member (or a bot, or a webhook) sends in a guild channel or thread. */
export interface FakeMessageSpec {
  content: string;
  /** The author; the tester unless given. */
  authorId?: string;
  username?: string;
  /** The author is a bot. */
  bot?: boolean;
  /** Sent through a webhook with this id (its author is then the webhook's made-up user). */
  webhookId?: string;
  /** Users the message mentions (`<@id>` in the content is not added by itself). */
  mentions?: string[];
  /** A reply to this message (in the same channel). */
  replyTo?: string;
}

/** A forum post: its thread's title and its first message. */
export interface FakeForumPostSpec extends Omit<FakeMessageSpec, 'replyTo'> {
  title: string;
}

/**
 * MESSAGE_CREATE, THREAD_CREATE and MESSAGE_UPDATE payloads as Discord sends them to a bot, and
 * what Discord hides: without the Message Content intent, a message that does not mention the
 * bot arrives with empty content.
 */
export class GuildMessages {
  constructor(
    private readonly ids: SnowflakeSequence,
    private readonly world: FakeWorld,
    private readonly messages: MessageStore,
  ) {}

  /** A new thread in a forum (or a text channel), owned by `ownerId`; it is added to the guild. */
  thread(guild: FakeGuild, parentId: string, name: string, ownerId: string): APIThreadChannel {
    const parent = guild.channels.find((c) => c.id === parentId);
    if (!parent) throw new Error(`FakeDiscord: no channel ${parentId} in guild ${guild.id}`);
    const thread: APIThreadChannel = {
      id: this.ids.next(),
      type: ChannelType.PublicThread,
      guild_id: guild.id,
      parent_id: parentId,
      owner_id: ownerId,
      name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
      total_message_sent: 0,
      flags: 0 as ChannelFlags,
      applied_tags: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() },
    };
    guild.threads.push(thread);
    return thread;
  }

  /** The message, stored (the bot may reply to it), with `id` when given (a forum post's first message has its thread's id). */
  message(guild: FakeGuild, channelId: string, spec: FakeMessageSpec, id?: string): APIMessage & { guild_id: string } {
    const author = this.author(spec);
    const referenced = spec.replyTo === undefined ? undefined : this.messages.get(spec.replyTo);
    if (spec.replyTo !== undefined && referenced === undefined) throw new Error(`FakeDiscord: no message ${spec.replyTo} to reply to`);
    const message = this.messages.create({ channelId, author, type: referenced === undefined ? MessageType.Default : MessageType.Reply }, { content: spec.content });
    if (id !== undefined) {
      this.messages.delete(message.id);
      message.id = id;
      this.messages.remember(message);
    }
    if (spec.webhookId !== undefined) message.webhook_id = spec.webhookId;
    message.mentions = (spec.mentions ?? []).map((userId) => (userId === this.world.botUser.id ? this.world.botUser : fakeUser(userId, `user-${userId.slice(-4)}`)));
    if (referenced !== undefined) {
      message.message_reference = { message_id: referenced.id, channel_id: channelId, guild_id: guild.id };
      message.referenced_message = referenced;
    }
    return { ...message, guild_id: guild.id, ...(spec.webhookId === undefined ? { member: guildMember(author, [], guild.joinedAt) } : {}) };
  }

  /** What a bot with `intents` receives of `message`: Discord empties what needs the Message Content intent. */
  asReceived<T extends APIMessage>(message: T, intents: number): T {
    const mentioned = message.mentions.some((user) => user.id === this.world.botUser.id);
    const own = message.author.id === this.world.botUser.id;
    if ((intents & GatewayIntentBits.MessageContent) !== 0 || mentioned || own) return message;
    return { ...message, content: '', embeds: [], attachments: [], components: [] };
  }

  private author(spec: FakeMessageSpec): APIUser {
    if (spec.webhookId !== undefined) return fakeUser(spec.webhookId, spec.username ?? 'Captain Hook', true);
    if (spec.authorId === undefined || spec.authorId === this.world.user.id) return spec.bot === true ? fakeUser(this.ids.next(), spec.username ?? 'other-bot', true) : this.world.user;
    return fakeUser(spec.authorId, spec.username ?? `user-${spec.authorId.slice(-4)}`, spec.bot === true);
  }
}
