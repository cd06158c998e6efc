import type { APIMessage } from 'discord-api-types/v10';
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord-api-types/v10';
import { isComponentLike } from './interaction-registry.js';
import type { DispatchedInteraction, InteractionRegistry } from './interaction-registry.js';
import { checkAutocompleteChoices, checkMessageBody } from './message-limits.js';
import type { MessageOrigin, MessageStore } from './message-store.js';
import type { CallbackData, RecordedCallback } from './recorded.js';
import {
  alreadyAcknowledged,
  invalidFormBody,
  invalidWebhookToken,
  noContent,
  notFound,
  ok,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './rest-reply.js';
import type { RestReply, RouteContext } from './rest-reply.js';
import type { FakeWorld } from './world.js';

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const KNOWN_CALLBACK_TYPES = new Set<number>([
  InteractionResponseType.ChannelMessageWithSource,
  InteractionResponseType.DeferredChannelMessageWithSource,
  InteractionResponseType.DeferredMessageUpdate,
  InteractionResponseType.UpdateMessage,
  InteractionResponseType.ApplicationCommandAutocompleteResult,
  InteractionResponseType.Modal,
  InteractionResponseType.LaunchActivity,
]);

/**
 * The routes an interaction is answered through:
 * `POST /interactions/{id}/{token}/callback` (the one initial response) and the interaction
 * webhook `/webhooks/{application}/{token}[/messages/{id|@original}]` (edits, follow-ups).
 */
export class InteractionRoutes {
  constructor(
    private readonly world: FakeWorld,
    private readonly interactions: InteractionRegistry,
    private readonly messages: MessageStore,
    private readonly violations: string[],
    private readonly onChange: () => void,
  ) {}

  route(context: RouteContext): RestReply | undefined {
    const [root, first, second, third, fourth, ...more] = context.segments;
    if (more.length > 0 || first === undefined || second === undefined) return undefined;
    if (root === 'interactions' && third === 'callback' && fourth === undefined && context.method === 'POST') {
      return this.callback(first, second, context);
    }
    if (root !== 'webhooks') return undefined;
    if (third === undefined) return context.method === 'POST' ? this.webhook(first, second, undefined, context) : undefined;
    if (third === 'messages' && fourth !== undefined) return this.webhook(first, second, fourth, context);
    return undefined;
  }

  /**
   * HTTP mode: the body of the endpoint's HTTP response is the interaction's callback, checked
   * like one sent to the callback route.
   */
  httpResponse(id: string, token: string, body: unknown, record: RouteContext['record']): RestReply {
    return this.callback(id, token, { method: 'POST', segments: ['interactions', id, token, 'callback'], query: {}, body, record });
  }

  private callback(id: string, token: string, context: RouteContext): RestReply {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) return unknownInteraction();
    context.record.interactionId = id;
    if (interaction.expired) return unknownInteraction();
    const body = asObject(context.body);
    const type = body['type'];
    const data = body['data'] === undefined ? undefined : (body['data'] as CallbackData);
    const where = `callback type ${String(type)} for interaction ${id}`;
    const earlier = interaction.callbacks[0];
    if (earlier) {
      this.violations.push(`${where}: answered twice (it already got callback type ${earlier.type})`);
      return alreadyAcknowledged();
    }
    const misfit = typeof type === 'number' ? this.callbackMisfit(interaction, type) : 'no numeric type';
    if (misfit !== undefined) {
      this.violations.push(`${where}: ${misfit}`);
      return invalidFormBody();
    }
    const callbackType = type as InteractionResponseType;
    this.violations.push(...this.checkCallback(where, callbackType, data));
    const message = this.applyCallback(interaction, callbackType, data);
    const withResponse = context.query['with_response'] === 'true';
    const callback: RecordedCallback = { type: callbackType, data, receivedAt: context.record.receivedAt, withResponse };
    interaction.callbacks.push(callback);
    this.onChange();
    if (!withResponse) return noContent();
    // The shape discord.js 14.28 turns into an InteractionCallbackResponse.
    const flags = message?.flags ?? 0;
    return ok({
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type: callbackType, ...(message ? { message } : {}) },
    });
  }

  /** Callback types Discord rejects for this kind of interaction. */
  private callbackMisfit(interaction: DispatchedInteraction, type: number): string | undefined {
    if (!KNOWN_CALLBACK_TYPES.has(type)) return 'not a valid callback type for an interaction';
    const autocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
    if (autocomplete && type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      return 'an autocomplete interaction can only be answered with choices (type 8)';
    }
    if (!autocomplete && type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
      return 'choices (type 8) answer only autocomplete interactions';
    }
    const updatesMessage = type === InteractionResponseType.DeferredMessageUpdate || type === InteractionResponseType.UpdateMessage;
    if (updatesMessage && !isComponentLike(interaction)) return 'only component and modal interactions can update a message';
    return undefined;
  }

  private checkCallback(where: string, type: InteractionResponseType, data: CallbackData | undefined): string[] {
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return checkMessageBody(where, data, true);
      case InteractionResponseType.UpdateMessage:
        return checkMessageBody(where, data, false);
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        return checkAutocompleteChoices(where, data);
      default:
        return [];
    }
  }

  /** Creates or updates the message the callback produces; returns it (if any) for with_response. */
  private applyCallback(interaction: DispatchedInteraction, type: InteractionResponseType, data: CallbackData | undefined): APIMessage | undefined {
    const component = interaction.componentMessage;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return this.createOriginal(interaction, data, 0);
      case InteractionResponseType.DeferredChannelMessageWithSource:
        // A deferred reply is a "thinking..." message until the first edit fills it in.
        return this.createOriginal(interaction, {}, MessageFlags.Loading | ((data?.flags ?? 0) & MessageFlags.Ephemeral));
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage:
        if (!component) return undefined;
        if (!this.messages.get(component.id)) this.messages.remember(component);
        interaction.originalMessageId = component.id;
        return type === InteractionResponseType.UpdateMessage ? this.messages.edit(component.id, data) : this.messages.get(component.id);
      default:
        return undefined;
    }
  }

  private createOriginal(interaction: DispatchedInteraction, body: unknown, flags: number): APIMessage {
    const message = this.messages.create(this.origin(interaction, true), body, flags);
    interaction.originalMessageId = message.id;
    return message;
  }

  private origin(interaction: DispatchedInteraction, original: boolean): MessageOrigin {
    let type = MessageType.Default;
    if (original && interaction.type === InteractionType.ApplicationCommand) {
      type = interaction.commandType === 1 ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
    }
    return {
      channelId: interaction.channelId ?? this.world.guilds[0]?.channels[0]?.id ?? '0',
      author: this.world.botUser,
      applicationId: this.world.applicationId,
      type,
    };
  }

  private webhook(applicationId: string, token: string, messageId: string | undefined, context: RouteContext): RestReply {
    const interaction = this.interactions.withToken(token);
    if (applicationId !== this.world.applicationId || !interaction) return unknownWebhook();
    context.record.interactionId = interaction.id;
    if (interaction.tokenExpired) return invalidWebhookToken();
    if (messageId === undefined) return this.followUp(interaction, context);
    const id = messageId === '@original' ? interaction.originalMessageId : messageId;
    const message = id === undefined ? undefined : this.messages.get(id);
    if (id === undefined || !message) return unknownMessage();
    switch (context.method) {
      case 'GET':
        return ok(message);
      case 'DELETE':
        this.messages.delete(id);
        if (interaction.originalMessageId === id) interaction.originalMessageId = undefined;
        return noContent();
      case 'PATCH': {
        const where = `PATCH webhook message ${messageId} of interaction ${interaction.id}`;
        this.violations.push(...checkMessageBody(where, context.body, false));
        const edited = this.messages.edit(id, context.body) ?? message;
        this.recordMessage(interaction, 'PATCH', context, edited);
        return ok(edited);
      }
      default:
        return notFound();
    }
  }

  private followUp(interaction: DispatchedInteraction, context: RouteContext): RestReply {
    // Discord only knows the interaction's webhook once the interaction has been acknowledged.
    if (interaction.callbacks.length === 0) return unknownWebhook();
    this.violations.push(...checkMessageBody(`POST follow-up of interaction ${interaction.id}`, context.body, true));
    const message = this.messages.create(this.origin(interaction, false), context.body);
    this.recordMessage(interaction, 'POST', context, message);
    return context.query['wait'] === 'false' ? noContent() : ok(message);
  }

  private recordMessage(interaction: DispatchedInteraction, method: 'PATCH' | 'POST', context: RouteContext, message: APIMessage): void {
    interaction.messages.push({
      method,
      path: context.record.path,
      body: asObject(context.body) as CallbackData,
      message: structuredClone(message),
      receivedAt: context.record.receivedAt,
    });
    this.onChange();
  }
}
