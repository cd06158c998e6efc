import { randomBytes } from 'node:crypto';
import type { GatewayIdentifyData, GatewayResumeData } from 'discord-api-types/v10';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { guildCreateData } from './world.js';
import type { FakeWorld } from './world.js';

interface DispatchFrame {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

/** A gateway session outlives its socket, so a client can RESUME it on a new connection. */
interface Session {
  id: string;
  /** [shard id, shard count] as the client identified. */
  shard: [number, number];
  seq: number;
  /** The intents of its IDENTIFY: what Discord sends it depends on them. */
  intents: number;
  /** Dispatches of this session, replayed after a RESUME from the client's last seen sequence. */
  log: DispatchFrame[];
  socket: WebSocket | undefined;
}

/** Dispatches kept per session for replay; far more than a test sends between reconnects. */
const REPLAY_LOG_LIMIT = 1000;

/**
 * The JSON gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME -> RESUMED.
 * Frames are plain JSON text: without zlib-sync installed discord.js asks for no compression.
 */
export class FakeGateway {
  identifyCount = 0;
  resumeCount = 0;
  /** IDENTIFYs closed with 4014 (refused intents). */
  refusedCount = 0;
  readonly identifies: GatewayIdentifyData[] = [];

  private readonly sessions = new Map<string, Session>();
  private readonly sessionOf = new Map<WebSocket, Session>();
  /** Per shard id, the session its dispatches go to: the one most recently identified or resumed. */
  private readonly current = new Map<number, Session>();
  private withholdAcks = false;

  constructor(
    private readonly server: WebSocketServer,
    private readonly world: FakeWorld,
    private readonly options: { heartbeatIntervalMs: number; gatewayUrl: string; refusedIntents?: number },
    private readonly onChange: () => void,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** The intents the live session identified with (of shard 0), or 0 before any. */
  get intents(): number {
    return this.current.get(0)?.intents ?? 0;
  }

  get hasSession(): boolean {
    return this.current.size > 0;
  }

  /** Shards that have identified (or resumed), by id. */
  get shardIds(): number[] {
    return [...this.current.keys()].sort((a, b) => a - b);
  }

  /**
   * Sends a dispatch to the session of the shard its guild belongs to (Discord's rule:
   * `(guild_id >> 22) % shard_count`), or of shard 0; if its socket is down, it is replayed
   * on RESUME.
   */
  dispatch(event: string, data: unknown): void {
    const any = this.current.values().next().value as Session | undefined;
    if (!any) throw new Error('FakeDiscord: no client has identified on the gateway yet');
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    const shardId = typeof guildId === 'string' ? shardOf(guildId, any.shard[1]) : 0;
    const session = this.current.get(shardId);
    if (!session) throw new Error(`FakeDiscord: shard ${shardId} has not identified`);
    this.dispatchTo(session, event, data);
  }

  private dispatchTo(session: Session, event: string, data: unknown): void {
    const frame: DispatchFrame = { op: GatewayOpcodes.Dispatch, t: event, s: ++session.seq, d: data };
    session.log.push(frame);
    if (session.log.length > REPLAY_LOG_LIMIT) session.log.shift();
    if (session.socket) this.send(session.socket, frame);
  }

  setWithholdAcks(on: boolean): void {
    this.withholdAcks = on;
  }

  /** Closes every open gateway socket; sessions stay, so a close code like 4000 lets clients resume. */
  disconnect(code: number): void {
    for (const socket of this.server.clients) socket.close(code, 'FakeDiscord.disconnect');
  }

  close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (data, isBinary) => this.receive(socket, data, isBinary));
    socket.on('close', () => {
      const session = this.sessionOf.get(socket);
      this.sessionOf.delete(socket);
      if (session?.socket === socket) session.socket = undefined;
    });
    socket.on('error', () => {
      // A client vanishing mid-frame is normal in reconnect tests; 'close' follows.
    });
    this.send(socket, { op: GatewayOpcodes.Hello, s: null, t: null, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private receive(socket: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) return; // discord.js sends JSON text with encoding=json
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      socket.close(4002, 'Decode error');
      return;
    }
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        if (!this.withholdAcks) this.send(socket, { op: GatewayOpcodes.HeartbeatAck, s: null, t: null, d: null });
        return;
      case GatewayOpcodes.Identify:
        this.identify(socket, payload.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        this.resume(socket, payload.d as GatewayResumeData);
        return;
      default:
        // Presence updates, member requests, voice: nothing in the fake depends on them.
        return;
    }
  }

  private identify(socket: WebSocket, data: GatewayIdentifyData): void {
    if (this.sessionOf.has(socket)) {
      socket.close(4005, 'Already authenticated');
      return;
    }
    this.identifies.push(data);
    // A privileged intent the application is not approved (or not switched on) for: Discord closes with 4014.
    if (((this.options.refusedIntents ?? 0) & data.intents) !== 0) {
      this.refusedCount++;
      this.onChange();
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard: [number, number] = data.shard ?? [0, 1];
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, intents: data.intents, log: [], socket };
    this.sessions.set(session.id, session);
    this.sessionOf.set(socket, session);
    this.current.set(shard[0], session);
    const guilds = this.world.guilds.filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
    this.dispatchTo(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: this.world.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      // Without this discord.js would resume against the real gateway after a disconnect.
      resume_gateway_url: this.options.gatewayUrl,
      shard,
      application: { id: this.world.applicationId, flags: 0 },
    });
    for (const guild of guilds) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guildCreateData(guild, this.world));
    this.identifyCount++;
    this.onChange();
  }

  private resume(socket: WebSocket, data: GatewayResumeData): void {
    const session = this.sessions.get(data.session_id);
    if (!session) {
      // Not resumable: discord.js then starts over with a fresh IDENTIFY.
      this.send(socket, { op: GatewayOpcodes.InvalidSession, s: null, t: null, d: false });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    this.sessionOf.set(socket, session);
    this.current.set(session.shard[0], session);
    for (const frame of session.log) if (frame.s > data.seq) this.send(socket, frame);
    this.send(socket, { op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: ++session.seq, d: {} });
    this.resumeCount++;
    this.onChange();
  }

  private send(socket: WebSocket, frame: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }
}

/** The shard a guild's events go to: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
