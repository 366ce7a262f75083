// Gateway half of the Discord stand-in: speaks Discord's v10 gateway protocol
// (plain JSON text frames) to @discordjs/ws over a `ws` WebSocketServer.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import { WebSocket, WebSocketServer } from "ws";
import type { Json } from "./standin-payloads.js";

// Opcodes and close codes from Discord's gateway docs.
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;
const Close = { UnknownOpcode: 4001, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidShard: 4010 };
// Discord drops a session when the client closes normally; discord.js therefore
// closes with 4200 when it intends to resume.
const SESSION_ENDING_CLOSES = new Set([1000, 1001]);

export interface GatewayConnectionRecord {
  at: number;
  query: Record<string, string>; // e.g. { v: '10', encoding: 'json' } — no `compress` unless zlib-sync is installed
}

export interface IdentifyRecord {
  at: number;
  token: string; // kept for assertions; never logged
  intents: number;
  shard: [number, number] | null;
  properties: Json;
  compress: boolean;
  sessionId: string;
}

export interface ResumeRecord {
  at: number;
  sessionId: string;
  seq: number;
  shard: number;
  replayed: number;
}

export interface ReceivedOp {
  at: number;
  op: number;
  shard: number | null; // null until the connection identified/resumed
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  token: string;
  seq: number;
  backlog: Array<{ s: number; frame: string }>; // every dispatch, for RESUME replay
  socket: WebSocket | null;
  valid: boolean;
}

export interface GatewayHooks {
  heartbeatIntervalMs: number;
  url: () => string;
  expectedToken?: string;
  /** READY `d` minus the per-session fields, and the GUILD_CREATE payloads for a shard. */
  ready: (shard: [number, number]) => { base: Json; guildCreates: Json[] };
  onChange: () => void;
  log: (line: string) => void;
}

export class StandInGateway {
  readonly connections: GatewayConnectionRecord[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly received: ReceivedOp[] = [];
  /** Shard ids, in order, each time READY was sent. */
  readonly readies: number[] = [];
  heartbeats = 0;

  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Map<WebSocket, Session | null>();

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    // Any path is accepted: discord.js connects to `${url}?v=10&encoding=json`.
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (socket, req) => this.onConnection(socket, req));
  }

  /** The session currently serving a shard (the latest identified one that is still valid). */
  session(shardId: number): Session | undefined {
    let found: Session | undefined;
    for (const session of this.sessions.values()) {
      if (session.valid && session.shard[0] === shardId) found = session;
    }
    return found;
  }

  shardCount(): number {
    return this.session(0)?.shard[1] ?? 1;
  }

  intents(shardId: number): number | undefined {
    return this.session(shardId)?.intents;
  }

  /** Send a dispatch on a shard's session; if its socket is down, it is kept for the RESUME replay. */
  async dispatch(shardId: number, t: string, d: Json): Promise<void> {
    const session = this.session(shardId);
    if (!session) throw new Error(`stand-in: no gateway session for shard ${shardId} (has the client logged in?)`);
    await this.emit(session, t, d);
  }

  /** Close live sockets. 1006 means an abrupt TCP drop (it cannot be sent as a close frame). */
  async drop(code: number, shardId?: number): Promise<void> {
    const closing: Array<Promise<unknown>> = [];
    for (const [socket, session] of this.sockets) {
      if (shardId !== undefined && session?.shard[0] !== shardId) continue;
      closing.push(new Promise((resolve) => socket.once("close", resolve)));
      if (code === 1006) socket.terminate();
      else socket.close(code, "stand-in drop");
    }
    await Promise.all(closing);
  }

  /** Op 9: the session can no longer be resumed. */
  invalidateSession(resumable: boolean, shardId?: number): void {
    for (const [socket, session] of this.sockets) {
      if (!session || (shardId !== undefined && session.shard[0] !== shardId)) continue;
      if (!resumable) session.valid = false;
      this.send(socket, { op: Op.InvalidSession, d: resumable });
    }
  }

  /** Op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(shardId?: number): void {
    for (const [socket, session] of this.sockets) {
      if (!session || (shardId !== undefined && session.shard[0] !== shardId)) continue;
      this.send(socket, { op: Op.Reconnect, d: null });
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? "/", "ws://stand-in").searchParams);
    this.connections.push({ at: Date.now(), query });
    this.sockets.set(socket, null);
    this.hooks.log(`gateway connect ${JSON.stringify(query)}`);
    // Compression (zlib-stream / identify) and ETF are not implemented; fail loudly rather than send frames the client cannot read.
    if ((query.encoding && query.encoding !== "json") || query.compress) {
      socket.close(4012, "stand-in only speaks encoding=json without compression");
      return;
    }

    socket.on("message", (data, isBinary) => {
      let payload: Json;
      try {
        payload = JSON.parse(isBinary ? "" : data.toString());
      } catch {
        socket.close(4002, "Error while decoding payload.");
        return;
      }
      this.onPayload(socket, payload);
    });
    socket.on("close", (code) => {
      const session = this.sockets.get(socket);
      this.sockets.delete(socket);
      if (session?.socket === socket) {
        session.socket = null;
        if (SESSION_ENDING_CLOSES.has(code)) session.valid = false;
      }
      this.hooks.log(`gateway close ${code} shard=${session?.shard[0] ?? "-"}`);
      this.hooks.onChange();
    });
    socket.on("error", () => {
      /* the close handler does the bookkeeping */
    });

    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs } });
  }

  private onPayload(socket: WebSocket, payload: Json): void {
    const session = this.sockets.get(socket) ?? null;
    this.received.push({ at: Date.now(), op: payload.op, shard: session?.shard[0] ?? null });
    switch (payload.op) {
      case Op.Heartbeat:
        this.heartbeats += 1;
        this.send(socket, { op: Op.HeartbeatAck });
        break;
      case Op.Identify:
        if (session) socket.close(Close.AlreadyAuthenticated, "You sent more than one identify payload.");
        else void this.identify(socket, payload.d ?? {});
        break;
      case Op.Resume:
        if (session) socket.close(Close.AlreadyAuthenticated, "Already authenticated.");
        else void this.resume(socket, payload.d ?? {});
        break;
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members
        if (!session) socket.close(Close.NotAuthenticated, "Not authenticated.");
        break;
      default:
        socket.close(Close.UnknownOpcode, "Unknown opcode.");
    }
    this.hooks.onChange();
  }

  private async identify(socket: WebSocket, d: Json): Promise<void> {
    const token = String(d.token ?? "");
    if (!token || (this.hooks.expectedToken !== undefined && token !== this.hooks.expectedToken)) {
      socket.close(Close.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      socket.close(Close.InvalidShard, "Invalid shard.");
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      shard,
      intents: Number(d.intents ?? 0),
      token,
      seq: 0,
      backlog: [],
      socket,
      valid: true,
    };
    // A new identify for a shard replaces whatever session it had.
    for (const old of this.sessions.values()) if (old.shard[0] === shard[0]) old.valid = false;
    this.sessions.set(session.id, session);
    this.sockets.set(socket, session);
    this.identifies.push({
      at: Date.now(),
      token,
      intents: session.intents,
      shard: Array.isArray(d.shard) ? shard : null,
      properties: d.properties,
      compress: Boolean(d.compress),
      sessionId: session.id,
    });
    this.hooks.log(`gateway IDENTIFY shard=${shard.join("/")} intents=${session.intents}`);

    const { base, guildCreates } = this.hooks.ready(shard);
    await this.emit(session, "READY", {
      ...base,
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.hooks.url(),
      ...(Array.isArray(d.shard) ? { shard } : {}),
    });
    this.readies.push(shard[0]);
    this.hooks.onChange();
    for (const guild of guildCreates) await this.emit(session, "GUILD_CREATE", guild);
  }

  private async resume(socket: WebSocket, d: Json): Promise<void> {
    const session = this.sessions.get(String(d.session_id));
    const seq = Number(d.seq ?? 0);
    if (!session || !session.valid || session.token !== d.token || seq > session.seq) {
      this.hooks.log("gateway RESUME rejected (op 9)");
      this.send(socket, { op: Op.InvalidSession, d: false });
      return;
    }
    // The session moves to the new socket; an old one still open is superseded.
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    this.sockets.set(socket, session);
    const missed = session.backlog.filter((entry) => entry.s > seq);
    this.resumes.push({ at: Date.now(), sessionId: session.id, seq, shard: session.shard[0], replayed: missed.length });
    this.hooks.log(`gateway RESUME shard=${session.shard[0]} seq=${seq} replaying=${missed.length}`);
    for (const entry of missed) await this.sendRaw(socket, entry.frame);
    await this.emit(session, "RESUMED", null);
    this.hooks.onChange();
  }

  private async emit(session: Session, t: string, d: Json): Promise<void> {
    session.seq += 1;
    const frame = JSON.stringify({ op: Op.Dispatch, t, s: session.seq, d });
    session.backlog.push({ s: session.seq, frame });
    if (session.socket) await this.sendRaw(session.socket, frame);
  }

  private send(socket: WebSocket, payload: Json): void {
    void this.sendRaw(socket, JSON.stringify(payload));
  }

  private sendRaw(socket: WebSocket, frame: string): Promise<void> {
    if (socket.readyState !== WebSocket.OPEN) return Promise.resolve();
    // Resolve even on error: a dispatch lost to a dying socket is replayed on RESUME.
    return new Promise((resolve) => socket.send(frame, () => resolve()));
  }
}
