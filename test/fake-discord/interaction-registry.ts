import type { APIMessage } from 'discord-api-types/v10';
import { InteractionType } from 'discord-api-types/v10';
import type { RecordedCallback, RecordedMessage } from './recorded.js';

/** The minimum the fake must know about an interaction to correlate responses with it. */
export interface InteractionLike {
  id: string;
  token: string;
  type: number;
}

/** What the fake remembers about an interaction it dispatched, to answer and check its responses. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string | undefined;
  /** For application commands: 1 chat input, 2 user, 3 message context. */
  commandType: number | undefined;
  /** For component interactions: the message carrying the component. */
  componentMessage: APIMessage | undefined;
  sentAt: number;
  callbacks: RecordedCallback[];
  messages: RecordedMessage[];
  originalMessageId: string | undefined;
  /** Callback answers 404 / 10062 "Unknown interaction", as after Discord's 3 s deadline. */
  expired: boolean;
  /** Webhook requests answer 401 / 50027 "Invalid Webhook Token", as after the 15 min token lifetime. */
  tokenExpired: boolean;
}

function field(payload: object, key: string): unknown {
  return (payload as Record<string, unknown>)[key];
}

function isMessage(value: unknown): value is APIMessage {
  return typeof value === 'object' && value !== null && typeof field(value, 'id') === 'string';
}

export class InteractionRegistry {
  private readonly byId = new Map<string, DispatchedInteraction>();
  private readonly byToken = new Map<string, DispatchedInteraction>();

  /** Forgets every interaction (long benchmarks: the fake must not hold what it has seen). */
  clear(): void {
    this.byId.clear();
    this.byToken.clear();
  }

  register(payload: InteractionLike, sentAt: number): DispatchedInteraction {
    const data = field(payload, 'data');
    const commandType = typeof data === 'object' && data !== null ? field(data, 'type') : undefined;
    const channel = field(payload, 'channel');
    const channelObjectId = typeof channel === 'object' && channel !== null ? field(channel, 'id') : undefined;
    const channelId = field(payload, 'channel_id') ?? channelObjectId;
    const message = field(payload, 'message');
    const entry: DispatchedInteraction = {
      id: payload.id,
      token: payload.token,
      type: payload.type as InteractionType,
      channelId: typeof channelId === 'string' ? channelId : undefined,
      commandType: typeof commandType === 'number' ? commandType : undefined,
      componentMessage: isMessage(message) ? message : undefined,
      sentAt,
      callbacks: [],
      messages: [],
      originalMessageId: undefined,
      expired: false,
      tokenExpired: false,
    };
    this.byId.set(entry.id, entry);
    this.byToken.set(entry.token, entry);
    return entry;
  }

  get(id: string): DispatchedInteraction | undefined {
    return this.byId.get(id);
  }

  withToken(token: string): DispatchedInteraction | undefined {
    return this.byToken.get(token);
  }
}

export function isComponentLike(interaction: DispatchedInteraction): boolean {
  return interaction.type === InteractionType.MessageComponent || interaction.type === InteractionType.ModalSubmit;
}
