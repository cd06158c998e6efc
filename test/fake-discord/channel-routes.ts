import type { APIMessage, APIThreadChannel } from 'discord-api-types/v10';
import { MessageType } from 'discord-api-types/v10';
import { checkMessageBody } from './message-limits.js';
import type { MessageStore } from './message-store.js';
import { invalidFormBody, noContent, ok, unknownChannel, unknownMessage } from './rest-reply.js';
import type { RestReply, RouteContext } from './rest-reply.js';
import type { FakeChannel, FakeWorld } from './world.js';

/** `/channels/{id}` and its messages: what a bot uses to post outside of interactions. */
export class ChannelRoutes {
  constructor(
    private readonly world: FakeWorld,
    private readonly messages: MessageStore,
    private readonly violations: string[],
    /** Every message the bot posted through `POST /channels/{id}/messages`, in order. */
    private readonly posted: APIMessage[],
  ) {}

  route(context: RouteContext): RestReply | undefined {
    const [root, channelId, kind, messageId, ...more] = context.segments;
    if (root !== 'channels' || channelId === undefined || more.length > 0) return undefined;
    const channel = this.channel(channelId);
    if (kind === undefined) {
      if (context.method !== 'GET') return undefined;
      return channel ? ok(channel) : unknownChannel();
    }
    if (kind !== 'messages') return undefined;
    if (!channel) return unknownChannel();
    if (messageId === undefined) return context.method === 'POST' ? this.post(channelId, context) : undefined;
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return unknownMessage();
    switch (context.method) {
      case 'GET':
        return ok(message);
      case 'PATCH':
        this.violations.push(...checkMessageBody(`PATCH channel message ${messageId}`, context.body, false));
        return ok(this.messages.edit(messageId, context.body));
      case 'DELETE':
        this.messages.delete(messageId);
        return noContent();
      default:
        return undefined;
    }
  }

  /** A new message; a reply (`message_reference`) must refer to a message of the same channel, as Discord checks. */
  private post(channelId: string, context: RouteContext): RestReply {
    this.violations.push(...checkMessageBody(`POST message to channel ${channelId}`, context.body, true));
    const reference = (context.body as { message_reference?: { message_id?: unknown } } | null)?.message_reference;
    const referenced = typeof reference?.message_id === 'string' ? this.messages.get(reference.message_id) : undefined;
    if (reference !== undefined && (referenced === undefined || referenced.channel_id !== channelId)) return invalidFormBody();
    const message = this.messages.create({ channelId, author: this.world.botUser }, context.body);
    if (referenced !== undefined) {
      message.type = MessageType.Reply;
      message.message_reference = { message_id: referenced.id, channel_id: channelId };
      message.referenced_message = referenced;
    }
    this.posted.push(message);
    return ok(message);
  }

  private channel(id: string): FakeChannel | APIThreadChannel | undefined {
    return this.world.guilds.flatMap((guild) => [...guild.channels, ...guild.threads]).find((channel) => channel.id === id);
  }
}
