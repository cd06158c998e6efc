import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { APIMessage, GatewayIdentifyData, RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { GatewayDispatchEvents, GatewayIntentBits, InteractionType } from 'discord-api-types/v10';
import { GuildMessages } from './guild-messages.js';
import type { FakeForumPostSpec, FakeMessageSpec } from './guild-messages.js';
import { WebSocketServer } from 'ws';
import { BotRoutes } from './bot-routes.js';
import { FakeCdn } from './cdn.js';
import type { FakeAttachmentSpec } from './cdn.js';
import { ChannelRoutes } from './channel-routes.js';
import { CommandRoutes } from './command-routes.js';
import { FaultQueue } from './faults.js';
import type { FaultMatch, FaultResponse } from './faults.js';
import { FakeGateway } from './gateway.js';
import { InteractionPayloads } from './interaction-payloads.js';
import type { FakeCommandOption, InteractionOptions, TargetMessage } from './interaction-payloads.js';
import { InteractionRegistry } from './interaction-registry.js';
import type { DispatchedInteraction, InteractionLike } from './interaction-registry.js';
import { InteractionRoutes } from './interaction-routes.js';
import { MessageStore } from './message-store.js';
import type { RecordedCallback, RecordedMessage, RecordedRequest } from './recorded.js';
import { RestServer } from './rest-server.js';
import { SnowflakeSequence } from './snowflake.js';
import { Waiters } from './waiters.js';
import { buildWorld } from './world.js';
import { newKey, signature, unixSeconds, type TestKey } from '../http/signing.js';
import type { FakeGuild, FakeGuildSpec, FakeWorld } from './world.js';

export interface FakeDiscordOptions {
  applicationId?: string;
  /** Defaults to the application id, as for real bots. */
  botUserId?: string;
  /** Defaults to one guild with one text channel. */
  guilds?: FakeGuildSpec[];
  /** Sent in HELLO. Discord uses 41250; a few hundred ms makes missed-ACK tests quick. */
  heartbeatIntervalMs?: number;
  /** The shard count `GET /gateway/bot` recommends (SHARD_COUNT=auto). Default 1. */
  recommendedShards?: number;
  /**
   * Intents the application may not use (privileged intents not switched on in the portal, e.g.
   * `GatewayIntentBits.MessageContent`): an IDENTIFY asking for one is closed with 4014.
   */
  refusedIntents?: number;
}

/** What dispatching an interaction returns: how to find its responses, and when it left. */
export interface DispatchedRef {
  id: string;
  token: string;
  /** `performance.now()` just before the INTERACTION_CREATE frame was written. */
  sentAt: number;
}

/** What postInteraction sent and got: the endpoint's HTTP status and body (status 0: no answer, see `error`). */
export interface PostedRef extends DispatchedRef {
  status: number;
  body: string;
  error?: string;
}

/** Changes to a posted interaction, for the refusal tests. */
export interface PostTamper {
  /** Sign with this key instead of the application's. */
  key?: TestKey;
  signature?: string;
  timestamp?: string;
  /** Send this body (the signature is made over it unless `signature` is given). */
  body?: string;
  timeoutMs?: number;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface WaitForCountOptions extends WaitOptions {
  /** Resolve once the total count reaches this (default 1): waiting for "the next" is count + 1. */
  count?: number;
}

const DEFAULT_HEARTBEAT_MS = 41_250;
const DEFAULT_RESPONSE_TIMEOUT_MS = 5_000;
const DEFAULT_GATEWAY_TIMEOUT_MS = 10_000;

/**
 * A fake Discord on 127.0.0.1: REST v10 over HTTP and a JSON gateway over WebSocket, on one
 * port, good enough to drive the real discord.js Client end to end. Tests dispatch
 * interactions, then wait for and inspect what the bot answered; every message the bot sends
 * is checked against Discord's limits and the project's mention rule (`violations`).
 *
 * Pass `apiUrl` to discord.js as `rest.api`; it finds the gateway through `GET /gateway/bot`.
 * Destroy the client before `stop()`, or it will keep trying to reconnect.
 */
export class FakeDiscord {
  /** Every REST request, in arrival order (including faults and 404s). */
  readonly requests: RecordedRequest[] = [];
  /** Limit and safety-rule breaches found in the bot's payloads; appended, never thrown. */
  readonly violations: string[] = [];
  /** Builds interaction payloads without sending them, to tamper with before dispatchInteraction. */
  readonly payloads: InteractionPayloads;
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  /** Attachments under `/attachments/…` on the fake's origin (DISCORD_CDN_URL = `cdn.baseUrl`). */
  readonly cdn: FakeCdn;

  private readonly waiters = new Waiters();
  private readonly interactions = new InteractionRegistry();
  private readonly faults = new FaultQueue();
  private readonly messages: MessageStore;
  private readonly guildMessages: GuildMessages;
  /** Every message the bot posted outside of interactions (channel messages, replies), in order. */
  private readonly posted: APIMessage[] = [];
  private readonly commandRoutes: CommandRoutes;
  private readonly gateway: FakeGateway;
  private readonly interactionRoutes: InteractionRoutes;
  /** Interactions posted to an HTTP endpoint whose response has not come yet, by token. */
  private readonly posting = new Map<string, Promise<void>>();
  /** The application's Ed25519 key pair: HTTP mode's interactions are signed with it (DISCORD_PUBLIC_KEY = `interactionsKey.publicKeyHex`). */
  readonly interactionsKey: TestKey = newKey();
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly world: FakeWorld,
    ids: SnowflakeSequence,
    heartbeatIntervalMs: number,
    recommendedShards = 1,
    refusedIntents = 0,
  ) {
    this.port = (server.address() as AddressInfo).port;
    const origin = `127.0.0.1:${this.port}`;
    this.apiUrl = `http://${origin}/api`;
    this.gatewayUrl = `ws://${origin}`;
    const notify = (): void => this.waiters.notify();
    this.messages = new MessageStore(ids, `http://${origin}/attachments`);
    this.commandRoutes = new CommandRoutes(world, ids);
    this.payloads = new InteractionPayloads(ids, world, this.messages, (name, guildId) => this.commandRoutes.commandIdFor(name, guildId));
    const interactionRoutes = new InteractionRoutes(world, this.interactions, this.messages, this.violations, notify);
    this.interactionRoutes = interactionRoutes;
    const channelRoutes = new ChannelRoutes(world, this.messages, this.violations, this.posted);
    this.guildMessages = new GuildMessages(ids, world, this.messages);
    const botRoutes = new BotRoutes(world, this.gatewayUrl, recommendedShards);
    const rest = new RestServer(
      [(c) => interactionRoutes.route(c), (c) => this.commandRoutes.route(c), (c) => channelRoutes.route(c), (c) => botRoutes.route(c)],
      this.faults,
      this.requests,
      (segments) => this.interactionIdForPath(segments),
      notify,
      // An edit after a deferral waits until the deferral (the HTTP response) has been taken in.
      (segments) => (segments[0] === 'webhooks' && segments[2] !== undefined ? this.posting.get(segments[2]) : undefined),
    );
    this.cdn = new FakeCdn(ids, `http://${origin}`);
    server.on('request', (request, response) => {
      if (!this.cdn.serve(request, response)) rest.listener(request, response);
    });
    this.gateway = new FakeGateway(new WebSocketServer({ server }), world, { heartbeatIntervalMs, gatewayUrl: this.gatewayUrl, refusedIntents }, notify);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const ids = new SnowflakeSequence();
    const world = buildWorld(ids, options);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Loopback only: the fake must never be reachable from, or reach, anything else.
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, world, ids, options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS, options.recommendedShards, options.refusedIntents);
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  get botUserId(): string {
    return this.world.botUser.id;
  }

  /** The user interactions come from unless `userId` is given. */
  get userId(): string {
    return this.world.user.id;
  }

  get guildId(): string {
    return this.defaultGuild().id;
  }

  get channelId(): string {
    const channel = this.defaultGuild().channels[0];
    if (!channel) throw new Error('FakeDiscord: the default guild has no channel');
    return channel.id;
  }

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  /** The IDENTIFY payloads received (intents, properties, shard), oldest first. */
  /** The shard ids with a live session; guild events are routed to them by Discord's rule. */
  get shardIds(): number[] {
    return this.gateway.shardIds;
  }

  get identifies(): readonly GatewayIdentifyData[] {
    return this.gateway.identifies;
  }

  /** Resolves once `identifyCount` reaches `count` (default 1); READY and GUILD_CREATE have then been sent. */
  waitForIdentify(options: WaitForCountOptions = {}): Promise<void> {
    const count = options.count ?? 1;
    return this.waiters.wait(
      `IDENTIFY #${count}`,
      () => (this.gateway.identifyCount >= count ? true : undefined),
      options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS,
      () => `identifyCount is ${this.gateway.identifyCount}.`,
    ).then(() => undefined);
  }

  /** IDENTIFYs refused with close code 4014 (see FakeDiscordOptions.refusedIntents). */
  get refusedCount(): number {
    return this.gateway.refusedCount;
  }

  /**
   * A new post in a forum: THREAD_CREATE for its thread (named `title`, owned by the author),
   * then MESSAGE_CREATE for its first message, whose id is the thread's, as on Discord.
   */
  forumPost(forumId: string, spec: FakeForumPostSpec): { threadId: string; message: APIMessage } {
    const guild = this.guildOf(forumId);
    const { title, ...first } = spec;
    const author = this.guildMessages.message(guild, forumId, first);
    this.messages.delete(author.id);
    const thread = this.guildMessages.thread(guild, forumId, title, author.author.id);
    this.gateway.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    const message = this.guildMessages.message(guild, thread.id, first, thread.id);
    this.dispatchMessage(message);
    return { threadId: thread.id, message };
  }

  /** A thread in a text channel (as "Create Thread" makes one), announced with THREAD_CREATE; its id. */
  startThread(channelId: string, name: string, ownerId = this.userId): string {
    const guild = this.guildOf(channelId);
    const thread = this.guildMessages.thread(guild, channelId, name, ownerId);
    this.gateway.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    return thread.id;
  }

  /** A message sent in a channel or thread (MESSAGE_CREATE), with what the bot's intents let it see. */
  sendMessage(channelId: string, spec: FakeMessageSpec): APIMessage {
    const message = this.guildMessages.message(this.guildOf(channelId), channelId, spec);
    this.dispatchMessage(message);
    return message;
  }

  /** The message's content changed (MESSAGE_UPDATE). */
  editMessage(messageId: string, content: string): void {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`FakeDiscord: no message ${messageId}`);
    const edited = this.messages.edit(messageId, { content }) as APIMessage;
    const guild = this.guildOf(message.channel_id);
    this.gateway.dispatch(GatewayDispatchEvents.MessageUpdate, { ...this.guildMessages.asReceived(edited, this.gateway.intents), guild_id: guild.id });
  }

  /** The messages the bot posted in a channel or thread outside of interactions, oldest first, as they stand now (deleted ones left out). */
  postedIn(channelId: string): APIMessage[] {
    return this.posted.filter((m) => m.channel_id === channelId && this.messages.get(m.id) !== undefined);
  }

  /** Resolves with the first `count` messages the bot posted in the channel (see postedIn). */
  waitForPosted(channelId: string, count = 1, options: WaitOptions = {}): Promise<APIMessage[]> {
    return this.waiters.wait(
      `${count} message(s) posted in channel ${channelId}`,
      () => {
        const found = this.posted.filter((m) => m.channel_id === channelId);
        return found.length >= count ? found.slice(0, count) : undefined;
      },
      options.timeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      () => `${this.posted.filter((m) => m.channel_id === channelId).length} posted so far.`,
    );
  }

  /** Resolves once `count` IDENTIFYs were refused with 4014. */
  waitForRefusal(options: WaitForCountOptions = {}): Promise<void> {
    const count = options.count ?? 1;
    return this.waiters.wait(`4014 refusal #${count}`, () => (this.gateway.refusedCount >= count ? true : undefined), options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS, () => `refusedCount is ${this.gateway.refusedCount}.`).then(() => undefined);
  }

  private dispatchMessage(message: APIMessage): void {
    // Discord sends guild messages only to a bot with the Guild Messages intent.
    if ((this.gateway.intents & GatewayIntentBits.GuildMessages) === 0) return;
    this.gateway.dispatch(GatewayDispatchEvents.MessageCreate, this.guildMessages.asReceived(message, this.gateway.intents));
  }

  /** The guild of a channel or thread. */
  private guildOf(channelId: string): FakeGuild {
    const guild = this.world.guilds.find((g) => g.channels.some((c) => c.id === channelId) || g.threads.some((t) => t.id === channelId));
    if (!guild) throw new Error(`FakeDiscord: no channel or thread ${channelId}`);
    return guild;
  }

  /** Resolves once `resumeCount` reaches `count` (default 1); RESUMED has then been sent. */
  waitForResume(options: WaitForCountOptions = {}): Promise<void> {
    const count = options.count ?? 1;
    return this.waiters.wait(
      `RESUME #${count}`,
      () => (this.gateway.resumeCount >= count ? true : undefined),
      options.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS,
      () => `resumeCount is ${this.gateway.resumeCount}.`,
    ).then(() => undefined);
  }

  chatInput(name: string, options: FakeCommandOption[] = [], opts: InteractionOptions = {}): DispatchedRef {
    return this.dispatchInteraction(this.payloads.chatInput(name, options, opts));
  }

  /**
   * A chat-input command with a file attached to `option`, as Discord sends it: the option's
   * value is the attachment id, the attachment itself is in `data.resolved.attachments`, and
   * the file is on the fake CDN. `subcommand` nests the options under it.
   */
  chatInputWithAttachment(name: string, subcommand: string | undefined, option: string, file: FakeAttachmentSpec, options: FakeCommandOption[] = [], opts: InteractionOptions = {}): DispatchedRef {
    return this.dispatchInteraction(this.attachmentPayload(name, subcommand, option, file, options, opts));
  }

  /** The payload of chatInputWithAttachment, not sent (for postInteraction); the file is on the CDN. */
  attachmentPayload(name: string, subcommand: string | undefined, option: string, file: FakeAttachmentSpec, options: FakeCommandOption[] = [], opts: InteractionOptions = {}) {
    const payload = this.payloads.chatInput(name, [], opts);
    const attachment = this.cdn.add(file, payload.channel.id);
    const own = [{ name: option, type: 11, value: attachment.id }, ...options];
    payload.data.options = (subcommand === undefined ? own : [{ name: subcommand, type: 1, options: own }]) as NonNullable<typeof payload.data.options>;
    payload.data.resolved = { attachments: { [attachment.id]: attachment } };
    return payload;
  }

  autocomplete(name: string, options: FakeCommandOption[], opts: InteractionOptions = {}): DispatchedRef {
    return this.dispatchInteraction(this.payloads.autocomplete(name, options, opts));
  }

  /** A click on `customId`; pass the message carrying the button (e.g. from messageById). */
  button(customId: string, message?: APIMessage, opts: InteractionOptions = {}): DispatchedRef {
    return this.dispatchInteraction(this.payloads.button(customId, message, opts));
  }

  messageContext(name: string, target: TargetMessage, opts: InteractionOptions = {}): DispatchedRef {
    return this.dispatchInteraction(this.payloads.messageContext(name, target, opts));
  }

  /**
   * Sends any INTERACTION_CREATE payload (for malformed input: unknown commands, missing
   * options...). It needs an `id`, `token` and `type` for the fake to correlate responses.
   */
  dispatchInteraction<T extends InteractionLike>(payload: T): DispatchedRef {
    if (!this.gateway.hasSession) throw new Error('FakeDiscord: no client has identified on the gateway yet');
    const sentAt = performance.now();
    this.interactions.register(payload, sentAt);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: payload.id, token: payload.token, sentAt };
  }

  /**
   * HTTP mode: signs the interaction as Discord does and POSTs it to `endpoint` (the bot's
   * Interactions Endpoint URL, or the load balancer before it); a 200 response's JSON body is
   * taken as the interaction's callback, with every check the callback route makes. Edits and
   * follow-ups come to the REST routes as in gateway mode. `tamper` changes what is sent
   * (signature, timestamp, body) for the refusal tests.
   */
  async postInteraction<T extends InteractionLike>(endpoint: string, payload: T, tamper: PostTamper = {}): Promise<PostedRef> {
    const sentAt = performance.now();
    this.interactions.register(payload, sentAt);
    const body = tamper.body ?? JSON.stringify(payload);
    const timestamp = tamper.timestamp ?? unixSeconds();
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': tamper.signature ?? signature(tamper.key ?? this.interactionsKey, timestamp, body) };
    let done = (): void => undefined;
    this.posting.set(payload.token, new Promise<void>((resolve) => (done = resolve)));
    try {
      let status = 0;
      let text = '';
      try {
        const response = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(tamper.timeoutMs ?? 10_000) });
        status = response.status;
        text = await response.text();
      } catch (err) {
        return { id: payload.id, token: payload.token, sentAt, status: 0, body: '', error: err instanceof Error ? err.message : String(err) };
      }
      // A PING's PONG is no callback.
      if (status === 200 && text !== '' && payload.type !== InteractionType.Ping) {
        const record: RecordedRequest = { method: 'POST', path: `/interactions/${payload.id}/${payload.token}/callback`, query: {}, body: undefined, receivedAt: performance.now(), status: 0 };
        try {
          record.body = JSON.parse(text) as unknown;
          record.status = this.interactionRoutes.httpResponse(payload.id, payload.token, record.body, record).status;
        } catch {
          this.violations.push(`interaction ${payload.id}: the HTTP response is not JSON: ${text.slice(0, 80)}`);
          record.status = 400;
        }
        this.requests.push(record);
        this.waiters.notify();
      }
      return { id: payload.id, token: payload.token, sentAt, status, body: text };
    } finally {
      this.posting.delete(payload.token);
      done();
    }
  }

  /** The first accepted callback of an interaction (a second one is a violation and gets 400). */
  waitForCallback(interactionId: string, options: WaitOptions = {}): Promise<RecordedCallback> {
    return this.waiters.wait(
      `the callback of interaction ${interactionId}`,
      () => this.interactions.get(interactionId)?.callbacks[0],
      options.timeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      () => this.describeResponses(interactionId),
    );
  }

  /** The first `count` accepted webhook edits and follow-ups for a token, in arrival order. */
  waitForMessages(interactionToken: string, count: number, options: WaitOptions = {}): Promise<RecordedMessage[]> {
    return this.waiters.wait(
      `${count} webhook message(s) for token ${interactionToken}`,
      () => {
        const messages = this.interactions.withToken(interactionToken)?.messages ?? [];
        return messages.length >= count ? messages.slice(0, count) : undefined;
      },
      options.timeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      () => this.describeResponses(this.interactions.withToken(interactionToken)?.id),
    );
  }

  /**
   * Forgets every recorded interaction, request and message, so that a long benchmark measures
   * the bot's memory, not the fake's. Violations are kept.
   */
  forget(): void {
    this.requests.length = 0;
    this.posted.length = 0;
    this.interactions.clear();
    this.messages.clear();
  }

  /** Every request about one interaction: its callback(s) and webhook requests, faults included. */
  responsesFor(interactionId: string): RecordedRequest[] {
    return this.requests.filter((request) => request.interactionId === interactionId);
  }

  /** The last PUT of application commands for a guild, or for global commands without one. */
  commands(guildId?: string): RESTPutAPIApplicationCommandsJSONBody | undefined {
    return this.commandRoutes.lastPut(guildId);
  }

  /** A message the bot posted (or a target the fake made up), as it stands now. */
  messageById(messageId: string): APIMessage | undefined {
    return this.messages.get(messageId);
  }

  /** The interaction's `@original` response message, as it stands now. */
  originalMessage(interactionToken: string): APIMessage | undefined {
    const id = this.interactions.withToken(interactionToken)?.originalMessageId;
    return id === undefined ? undefined : this.messages.get(id);
  }

  /** The next requests matching `match` get these answers in order; then normal behaviour resumes. */
  failNext(match: FaultMatch, responses: FaultResponse[]): void {
    this.faults.add(match, responses);
  }

  /** Its callback now answers 404 / 10062 "Unknown interaction", as when the 3 s deadline passed. */
  expireInteraction(interactionId: string): void {
    this.requireInteraction(this.interactions.get(interactionId), interactionId).expired = true;
  }

  /** Its webhook (edits, follow-ups) now answers 401 / 50027 "Invalid Webhook Token", as after 15 min. */
  expireToken(interactionToken: string): void {
    this.requireInteraction(this.interactions.withToken(interactionToken), interactionToken).tokenExpired = true;
  }

  /**
   * Stop (or resume) answering heartbeats. discord.js treats a heartbeat without ACK as a
   * zombie connection: at its next beat it closes (code 4200) and RESUMEs 500 ms later.
   */
  withholdHeartbeatAcks(on: boolean): void {
    this.gateway.setWithholdAcks(on);
  }

  /** Closes the gateway socket(s). 4000 (default) lets discord.js resume; 1000 makes it identify anew. */
  disconnect(code = 4000): void {
    this.gateway.disconnect(code);
  }

  /** Closes sockets and the server and fails pending waits. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    this.waiters.rejectAll('stopped');
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Keep-alive connections from @discordjs/rest would otherwise hold close() open.
      this.server.closeAllConnections();
    });
  }

  private defaultGuild() {
    const guild = this.world.guilds[0];
    if (!guild) throw new Error('FakeDiscord: the world has no guilds');
    return guild;
  }

  private requireInteraction(interaction: DispatchedInteraction | undefined, key: string): DispatchedInteraction {
    if (!interaction) throw new Error(`FakeDiscord: no interaction ${key} was dispatched`);
    return interaction;
  }

  /** Links a request to an interaction by path alone (used for faults, which bypass the routes). */
  private interactionIdForPath(segments: string[]): string | undefined {
    const [root, first, second] = segments;
    if (root === 'interactions') return first;
    if (root === 'webhooks' && second !== undefined) return this.interactions.withToken(second)?.id;
    return undefined;
  }

  private describeResponses(interactionId: string | undefined): string {
    if (interactionId === undefined) return 'No such interaction was dispatched.';
    const seen = this.responsesFor(interactionId).map((request) => `${request.method} ${request.path} -> ${request.status}`);
    return seen.length > 0 ? `Requests for it so far: ${seen.join('; ')}.` : 'No request for it arrived.';
  }
}
