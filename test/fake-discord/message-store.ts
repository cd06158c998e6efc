import type { APIAttachment, APIEmbed, APIMessage, APIMessageTopLevelComponent, APIUser } from 'discord-api-types/v10';
import { MessageFlags, MessageType } from 'discord-api-types/v10';
import type { SnowflakeSequence } from './snowflake.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Who a stored message is from, and whether it was sent through an interaction's webhook. */
export interface MessageOrigin {
  channelId: string;
  author: APIUser;
  /** Set for interaction responses: Discord marks them with the application's id as webhook_id. */
  applicationId?: string;
  type?: MessageType;
}

/**
 * The messages the bot has posted, so replies can be fetched, edited, deleted, and handed
 * back to the fake as the message a button sits on. The objects are complete enough for
 * discord.js to build `Message` instances from them.
 */
export class MessageStore {
  private readonly messages = new Map<string, APIMessage>();

  constructor(
    private readonly ids: SnowflakeSequence,
    private readonly attachmentBaseUrl: string,
  ) {}

  clear(): void {
    this.messages.clear();
  }

  get(id: string): APIMessage | undefined {
    return this.messages.get(id);
  }

  /** Keeps a message the fake did not create itself (a test-supplied message a button sits on). */
  remember(message: APIMessage): void {
    this.messages.set(message.id, message);
  }

  delete(id: string): boolean {
    return this.messages.delete(id);
  }

  create(origin: MessageOrigin, body: unknown, extraFlags = 0): APIMessage {
    const message: APIMessage = {
      id: this.ids.next(),
      channel_id: origin.channelId,
      author: origin.author,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: origin.type ?? MessageType.Default,
      flags: extraFlags,
    };
    if (origin.applicationId !== undefined) {
      message.application_id = origin.applicationId;
      message.webhook_id = origin.applicationId;
    }
    this.apply(message, body);
    this.messages.set(message.id, message);
    return message;
  }

  /** Applies a PATCH: fields present in the body replace the stored ones; a deferred reply stops loading. */
  edit(id: string, body: unknown): APIMessage | undefined {
    const message = this.messages.get(id);
    if (!message) return undefined;
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    message.flags = (message.flags ?? 0) & ~MessageFlags.Loading;
    // Filling in a deferred reply is its first real content, not an edit, on Discord too.
    if (!wasLoading) message.edited_timestamp = new Date().toISOString();
    this.apply(message, body);
    return message;
  }

  private apply(message: APIMessage, body: unknown): void {
    if (!isObject(body)) return;
    if (typeof body['content'] === 'string') message.content = body['content'];
    if (typeof body['tts'] === 'boolean') message.tts = body['tts'];
    if (Array.isArray(body['embeds'])) message.embeds = body['embeds'] as APIEmbed[];
    if (Array.isArray(body['components'])) message.components = body['components'] as APIMessageTopLevelComponent[];
    if (Array.isArray(body['attachments'])) message.attachments = body['attachments'].map((raw: unknown) => this.attachment(raw));
    if (typeof body['flags'] === 'number') {
      // Only Loading is the fake's own business; everything else is as the bot asked.
      message.flags = (body['flags'] & ~MessageFlags.Loading) | ((message.flags ?? 0) & MessageFlags.Loading);
    }
  }

  private attachment(raw: unknown): APIAttachment {
    const filename = isObject(raw) && typeof raw['filename'] === 'string' ? raw['filename'] : 'file';
    const id = this.ids.next();
    const url = `${this.attachmentBaseUrl}/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: 0, url, proxy_url: url };
  }
}
