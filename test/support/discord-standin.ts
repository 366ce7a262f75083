// A local stand-in for Discord: the real discord.js client logs in against it
// (REST + gateway) so the bot can be proven end to end without discord.com.
//
//   const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500 });
//   const client = new Client({ intents, rest: { api: standIn.apiBase } });
//   await client.login('any-token');
//   const { id } = await standIn.chatInput('ask', [{ name: 'q', type: 3, value: 'who?' }]);
//   await standIn.waitForRequest((r) => r.path.endsWith(`/interactions/${id}/…`));
//
// Every HTTP request is recorded (`requests`), answered with Discord-shaped
// bodies and errors, and faults (429/5xx) can be injected per request.
import type { KeyObject } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StandInGateway } from "./standin-gateway.js";
import {
  EVERYONE_PERMISSIONS,
  Snowflakes,
  dmChannelPayload,
  guildCreatePayload,
  interactionToken,
  memberPayload,
  messagePayload,
  shardForGuild,
  textChannelPayload,
  userPayload,
  type GuildSeed,
  type Json,
} from "./standin-payloads.js";
import { signedPost } from "./signing.js";
import { choiceProblems, commandProblems, formErrors, isEmptyMessage, messageProblems, type Problem } from "./standin-validation.js";

export type { Json } from "./standin-payloads.js";
export type { GatewayConnectionRecord, IdentifyRecord, ResumeRecord, ReceivedOp } from "./standin-gateway.js";

export interface StandInOptions {
  applicationId?: string;
  botUserId?: string;
  guilds?: Array<{ id: string; name: string }>;
  /** Recommended shard count returned by GET /gateway/bot. */
  shards?: number;
  /** session_start_limit.max_concurrency; >1 lets discord.js identify shards in parallel instead of 5 s apart. */
  maxConcurrency?: number;
  /** HELLO heartbeat_interval; Discord uses 41250, tests want something short. */
  heartbeatIntervalMs?: number;
  /** Discord rejects an interaction callback that comes later than 3 s with 404 Unknown interaction. */
  interactionAckWindowMs?: number;
  /** If set, REST bot auth and IDENTIFY must carry exactly this token (else 401 / close 4004). */
  token?: string;
  /** Debug lines (never contain tokens). Defaults to stderr when DISCORD_STANDIN_LOG is set. */
  log?: (line: string) => void;
}

export interface RecordedFile {
  name: string; // form field, e.g. files[0]
  filename: string;
  size: number;
  contentType: string;
}

export interface RecordedRequest {
  method: string;
  /** URL-decoded path without query, e.g. /api/v10/webhooks/APP/TOKEN/messages/@original */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON; for multipart the payload_json part plus `files`. */
  body: Json;
  /** What the stand-in answered. */
  status: number;
  at: number;
}

export type FaultResponse = { status: 429; retryAfter: number; global?: boolean; scope?: "user" | "global" | "shared" } | { status: 500 | 502 | 503 };

export interface InteractionContext {
  userId?: string;
  username?: string;
  dm?: boolean;
  guildId?: string;
  channelId?: string;
  /** Member permissions bitfield as a decimal string (guild only). */
  permissions?: string;
  /**
   * Discord created the interaction this long ago (its delivery was slow): its id carries that
   * time, and the 3-second window to acknowledge it started then.
   */
  createdAgoMs?: number;
  locale?: string;
}

export interface MessageCreateOptions {
  content: string;
  dm?: boolean;
  mentionBot?: boolean;
  userId?: string;
  username?: string;
  channelId?: string;
  guildId?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: Json;
  /** Set when it was delivered to an interactions endpoint: what the endpoint answered. */
  http?: HttpDelivery;
}

export interface HttpDelivery {
  /** 0 when the endpoint did not answer in time (or at all). */
  status: number;
  body: Json;
  ms: number;
}

export interface InteractionsEndpoint {
  url: string;
  privateKey: KeyObject;
}

interface Reply {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  channelId: string;
  guildId: string | null;
  user: Json;
  acknowledged: boolean;
  callbackType: number | null;
  original: Json | null;
  sourceMessage: Json | null; // component interactions: the message the component is on
  followUps: Map<string, Json>;
}

interface Fault {
  match: (r: { method: string; path: string }) => boolean;
  response: FaultResponse;
  remaining: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  bot: boolean; // needs `Authorization: Bot …` (interaction routes use the token in the URL instead)
  handle: (req: RecordedRequest, ...params: string[]) => Reply;
}

const Intents = { GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };
const MessageFlag = { Ephemeral: 64, Loading: 128 };
// Which callback types Discord accepts per interaction type.
const ALLOWED_CALLBACKS: Record<number, number[]> = { 2: [4, 5, 9, 12], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

const ok = (body: Json): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };
const apiError = (status: number, code: number, message: string): Reply => ({ status, body: { message, code } });
const notFound = (): Reply => apiError(404, 0, "404: Not Found");
const invalidForm = (problems: Problem[]): Reply => ({
  status: 400,
  body: { message: "Invalid Form Body", code: 50035, errors: formErrors(problems) },
});

export class DiscordStandIn {
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: Json;
  /** A non-bot user that interactions and messages come from unless told otherwise. */
  readonly defaultUser: Json;
  readonly guildId: string;
  /** The default guild's text channel. */
  readonly channelId: string;
  readonly requests: RecordedRequest[] = [];
  /** Exceptions thrown inside the stand-in's own handlers (answered as 500); should stay empty. */
  readonly internalErrors: Error[] = [];
  readonly gateway: StandInGateway;

  private readonly ids = new Snowflakes();
  private readonly events = new EventEmitter();
  private readonly guilds: GuildSeed[];
  private readonly ownerUser: Json;
  private readonly users = new Map<string, Json>();
  private readonly channels = new Map<string, Json>();
  private readonly dmChannels = new Map<string, string>(); // user id -> DM channel id
  private readonly channelMessages = new Map<string, Json>(); // messages the bot posted via /channels
  private readonly interactions = new Map<string, InteractionState>();
  private readonly commands = new Map<string, Json[]>(); // 'global' or guild id -> last PUT
  private readonly faults: Fault[] = [];
  private readonly routes: Route[];
  private readonly log: (line: string) => void;
  private readonly joinedAt = new Date().toISOString();
  private endpoint: InteractionsEndpoint | null = null;
  /** HTTP deliveries whose response is still being read, by interaction token. */
  private readonly deliveries = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly server: Server,
    port: number,
    private readonly opts: StandInOptions,
  ) {
    this.events.setMaxListeners(0);
    this.log = opts.log ?? (process.env.DISCORD_STANDIN_LOG ? (line) => process.stderr.write(`[stand-in] ${line}\n`) : () => {});
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.applicationId = opts.applicationId ?? this.ids.next();
    this.botUser = this.addUser(userPayload(opts.botUserId ?? this.applicationId, "Stand-in Bot", true));
    this.defaultUser = this.addUser(userPayload(this.ids.next(), "tester"));
    this.ownerUser = this.addUser(userPayload(this.ids.next(), "guild-owner"));
    const seeds = opts.guilds?.length ? opts.guilds : [{ id: this.ids.next(), name: "Stand-in Guild" }];
    this.guilds = seeds.map((g) => {
      const channel = textChannelPayload(this.ids.next(), g.id, "general");
      this.channels.set(channel.id, channel);
      return { id: g.id, name: g.name, channel, joinedAt: this.joinedAt };
    });
    this.guildId = this.guilds[0]!.id;
    this.channelId = this.guilds[0]!.channel.id;
    this.routes = this.buildRoutes();

    this.gateway = new StandInGateway(server, {
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41250,
      url: () => this.gatewayUrl,
      expectedToken: opts.token,
      ready: (shard) => {
        const mine = this.guilds.filter((g) => shardForGuild(g.id, shard[1]) === shard[0]);
        return {
          base: {
            v: 10,
            user: this.botUser,
            guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
            application: { id: this.applicationId, flags: 0 },
            user_settings: {},
            private_channels: [],
            presences: [],
            relationships: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
            auth: {},
            _trace: ['["discord-standin",{"micros":0}]'],
          },
          guildCreates: mine.map((g) => guildCreatePayload(g, this.botUser, this.ownerUser.id)),
        };
      },
      onChange: () => this.events.emit("change"),
      log: (line) => this.log(line),
    });
    server.on("request", (req, res) => void this.onRequest(req, res));
  }

  static async start(opts: StandInOptions = {}): Promise<DiscordStandIn> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return new DiscordStandIn(server, (server.address() as AddressInfo).port, opts);
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    // undici keeps connections alive; without this server.close() would wait for them.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.events.emit("change");
  }

  // ---------------------------------------------------------------- inspection

  /** Authorization header values sent (e.g. 'Bot fake-token'); kept out of every log line. */
  authorizations(): string[] {
    return this.requests.flatMap((r) => (r.headers.authorization ? [r.headers.authorization] : []));
  }

  get identifies() {
    return this.gateway.identifies;
  }

  get resumes() {
    return this.gateway.resumes;
  }

  /** All requests that answered an interaction: its callback plus webhook calls made with its token. */
  interactionResponses(interactionId: string): RecordedRequest[] {
    const state = this.interactions.get(interactionId);
    const callback = `/interactions/${interactionId}/`;
    const webhook = state ? `/webhooks/${this.applicationId}/${state.token}` : null;
    return this.requests.filter((r) => r.path.includes(callback) || (webhook !== null && (r.path.endsWith(webhook) || r.path.includes(`${webhook}/`))));
  }

  /** The interaction's @original message as the stand-in currently holds it (null if none). */
  originalMessage(interactionId: string): Json | null {
    return this.interactions.get(interactionId)?.original ?? null;
  }

  /** Commands last registered with a bulk PUT (global when guildId is omitted). */
  registeredCommands(guildId?: string): Json[] {
    return this.commands.get(guildId ?? "global") ?? [];
  }

  // ------------------------------------------------------------------- waiting

  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(pred), timeoutMs, "a matching request");
  }

  /** Resolves with the n-th IDENTIFY (1-based) once it arrived. */
  waitForIdentify(n = 1, timeoutMs = 5000) {
    return this.waitFor(() => this.gateway.identifies[n - 1], timeoutMs, `IDENTIFY #${n}`);
  }

  /** Resolves with the n-th RESUME (1-based) once it was accepted and replayed. */
  waitForResume(n = 1, timeoutMs = 5000) {
    return this.waitFor(() => this.gateway.resumes[n - 1], timeoutMs, `RESUME #${n}`);
  }

  /** Resolves once READY was sent on at least n distinct shards. */
  waitForReady(n = 1, timeoutMs = 5000): Promise<number[]> {
    return this.waitFor(
      () => {
        const shards = [...new Set(this.gateway.readies)];
        return shards.length >= n ? shards : undefined;
      },
      timeoutMs,
      `READY on ${n} shard(s)`,
    );
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        const recent = this.requests.slice(-10).map((r) => `  ${r.method} ${r.path} -> ${r.status}`);
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}; last requests:\n${recent.join("\n")}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("change", onChange);
      };
      this.events.on("change", onChange);
    });
  }

  // ----------------------------------------------------------- fault injection

  /** Answer the next `times` matching requests with `response` instead of handling them. */
  failNext(match: Fault["match"], response: FaultResponse, times = 1): void {
    this.faults.push({ match, response, remaining: times });
  }

  /** Close gateway sockets: 4000 (or any code) as a close frame, 1006 as an abrupt TCP drop. discord.js resumes either way. */
  dropGateway(code = 4000, shardId?: number): Promise<void> {
    return this.gateway.drop(code, shardId);
  }

  /** Op 9. With resumable=false (Discord's usual) the client must IDENTIFY again. */
  invalidateSession(resumable = false, shardId?: number): void {
    this.gateway.invalidateSession(resumable, shardId);
  }

  /** Op 7: ask the client to reconnect and resume. */
  requestReconnect(shardId?: number): void {
    this.gateway.requestReconnect(shardId);
  }

  // --------------------------------------------------------------- dispatches

  /**
   * A slash command. `resolved` goes into `data.resolved` as Discord sends it, e.g.
   * `{ attachments: { [id]: attachment } }` for an attachment option (see `attach`).
   */
  chatInput(name: string, options: Json[] = [], ctx: InteractionContext = {}, resolved?: Json): Promise<SentInteraction> {
    return this.sendInteraction(2, { ...this.commandData(name, options, ctx), ...(resolved ? { resolved } : {}) }, ctx);
  }

  /**
   * Like a user uploading a file with a command: the stand-in serves `bytes` at the attachment's
   * `url` (GET, counted in `attachmentDownloads`) and returns the attachment object Discord puts
   * under `data.resolved.attachments`. `size` may be given to claim another size than the bytes'.
   */
  attach(filename: string, bytes: Uint8Array, opts: { contentType?: string; size?: number } = {}): Json {
    const id = this.ids.next();
    const path = `/attachments/${this.applicationId}/${id}/${encodeURIComponent(filename)}`;
    this.uploads.set(path, Buffer.from(bytes));
    const url = `${this.apiBase.replace(/\/api$/, "")}${path}`;
    return {
      id,
      filename,
      size: opts.size ?? bytes.length,
      url,
      proxy_url: url,
      ...(opts.contentType ? { content_type: opts.contentType } : {}),
      ephemeral: true,
    };
  }

  /** How many times each attachment path was downloaded. */
  readonly attachmentDownloads = new Map<string, number>();
  private readonly uploads = new Map<string, Buffer>();

  private serveAttachment(pathname: string, res: ServerResponse): void {
    const bytes = this.uploads.get(pathname);
    this.log(`GET ${pathname} -> ${bytes ? 200 : 404}`);
    if (!bytes) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    this.attachmentDownloads.set(pathname, (this.attachmentDownloads.get(pathname) ?? 0) + 1);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) });
    res.end(bytes);
  }

  autocomplete(name: string, options: Json[], ctx: InteractionContext = {}): Promise<SentInteraction> {
    return this.sendInteraction(4, this.commandData(name, options, ctx), ctx);
  }

  /** A button press on `message` (e.g. `originalMessage(id)` of an earlier reply). */
  button(customId: string, message: Json, ctx: InteractionContext = {}): Promise<SentInteraction> {
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, ctx, message);
  }

  /** Escape hatch for other interaction types (select menus, modal submits, …). */
  rawInteraction(type: number, data: Json, ctx: InteractionContext = {}, message?: Json): Promise<SentInteraction> {
    return this.sendInteraction(type, data, ctx, message);
  }

  /**
   * MESSAGE_CREATE as Discord sends it. Like Discord, it is only delivered with
   * the GUILD_MESSAGES / DIRECT_MESSAGES intent (throws otherwise, so a missing
   * intent is loud), and guild content is blanked without MESSAGE_CONTENT unless
   * the bot is mentioned.
   */
  async messageCreate(opts: MessageCreateOptions): Promise<Json> {
    const author = this.user(opts.userId ?? this.defaultUser.id, opts.username);
    const content = opts.mentionBot ? `<@${this.botUser.id}> ${opts.content}` : opts.content;
    const mentions = opts.mentionBot ? [{ ...this.botUser }] : [];
    let shard = 0; // DMs arrive on shard 0
    let payload: Json;
    if (opts.dm) {
      const channel = this.dmChannelFor(author, opts.channelId);
      payload = messagePayload({ id: this.ids.next(), channelId: channel.id, author, data: { content } });
      payload.mentions = mentions;
      payload.channel_type = 1; // without it discord.js cannot build the partial DM channel
    } else {
      const guild = this.guild(opts.guildId);
      const channelId = opts.channelId ?? guild.channel.id;
      if (!this.channels.has(channelId)) this.channels.set(channelId, textChannelPayload(channelId, guild.id, "channel"));
      shard = shardForGuild(guild.id, this.gateway.shardCount());
      payload = messagePayload({ id: this.ids.next(), channelId, author, guildId: guild.id, data: { content } });
      payload.member = memberPayload(this.joinedAt);
      payload.mentions = mentions.map((user) => ({ ...user, member: memberPayload(this.joinedAt) }));
    }
    const intents = this.gateway.intents(shard) ?? 0;
    const needed = opts.dm ? Intents.DirectMessages : Intents.GuildMessages;
    if ((intents & needed) === 0) {
      throw new Error(
        `stand-in: the client did not identify with the ${opts.dm ? "DirectMessages" : "GuildMessages"} intent, so Discord would not deliver this message`,
      );
    }
    if (!opts.dm && !opts.mentionBot && (intents & Intents.MessageContent) === 0) payload.content = "";
    await this.gateway.dispatch(shard, "MESSAGE_CREATE", payload);
    return payload;
  }

  /** Any other dispatch, on the shard that owns `guildId` (shard 0 without one). */
  async dispatch(t: string, d: Json, guildId?: string): Promise<void> {
    const shard = guildId ? shardForGuild(guildId, this.gateway.shardCount()) : 0;
    await this.gateway.dispatch(shard, t, d);
  }

  private commandData(name: string, options: Json[], ctx: InteractionContext): Json {
    const guildCommand = ctx.dm ? undefined : this.registeredCommands(ctx.guildId ?? this.guildId).find((c) => c.name === name);
    const command = guildCommand ?? this.registeredCommands().find((c) => c.name === name);
    return {
      id: command?.id ?? this.ids.next(),
      name,
      type: 1,
      options,
      ...(guildCommand ? { guild_id: guildCommand.guild_id } : {}),
    };
  }

  private async sendInteraction(type: number, data: Json, ctx: InteractionContext, message?: Json): Promise<SentInteraction> {
    const user = this.user(ctx.userId ?? this.defaultUser.id, ctx.username);
    const createdAt = Date.now() - (ctx.createdAgoMs ?? 0);
    const id = ctx.createdAgoMs ? this.ids.at(createdAt) : this.ids.next();
    const token = interactionToken();
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      app_permissions: EVERYONE_PERMISSIONS,
      locale: ctx.locale ?? "en-US",
      entitlements: [],
      attachment_size_limit: 10485760,
    };
    let shard = 0;
    let guildId: string | null = null;
    let channelId: string;
    if (ctx.dm) {
      const channel = this.dmChannelFor(user, ctx.channelId);
      channelId = channel.id;
      Object.assign(payload, {
        channel_id: channel.id,
        channel,
        user,
        context: 1, // BOT_DM
        authorizing_integration_owners: { "0": "0" }, // guild install, invoked in the bot's DM
      });
    } else {
      const guild = this.guild(ctx.guildId);
      const channel = (ctx.channelId && this.channels.get(ctx.channelId)) || guild.channel;
      const permissions = ctx.permissions ?? EVERYONE_PERMISSIONS;
      guildId = guild.id;
      channelId = channel.id;
      shard = shardForGuild(guild.id, this.gateway.shardCount());
      Object.assign(payload, {
        guild_id: guild.id,
        guild: { id: guild.id, locale: "en-US", features: [] },
        guild_locale: "en-US",
        channel_id: channel.id,
        channel: { ...channel, permissions },
        member: { ...memberPayload(this.joinedAt, permissions), user },
        context: 0, // GUILD
        authorizing_integration_owners: { "0": guild.id },
      });
    }
    let sourceMessage: Json | null = null;
    if (message !== undefined) {
      sourceMessage = {
        ...messagePayload({ id: this.ids.next(), channelId, author: this.botUser, extra: { application_id: this.applicationId } }),
        ...message,
      };
      payload.message = sourceMessage;
    }
    this.interactions.set(id, {
      id,
      token,
      type,
      createdAt,
      channelId,
      guildId,
      user,
      acknowledged: false,
      callbackType: null,
      original: null,
      sourceMessage,
      followUps: new Map(),
    });
    if (this.endpoint) return { id, token, payload, http: await this.postInteraction(this.endpoint, payload) };
    await this.gateway.dispatch(shard, "INTERACTION_CREATE", payload);
    return { id, token, payload };
  }

  // --------------------------------------------------- interactions endpoint

  /**
   * Like saving an Interactions Endpoint URL in the Developer Portal: from now on interactions are
   * POSTed there, signed with `privateKey` (Ed25519), instead of sent over the gateway. The
   * endpoint's response is the interaction callback; it is recorded as a synthetic
   * `POST …/interactions/:id/:token/callback` (header `x-standin-delivery: http`) and validated
   * like one, so `interactionResponses()` and `waitForRequest()` work the same in both modes.
   * Null goes back to the gateway.
   */
  setInteractionsEndpoint(endpoint: InteractionsEndpoint | null): void {
    this.endpoint = endpoint;
  }

  /**
   * What the Developer Portal checks before it accepts an endpoint URL: a signed PING must get
   * 200 with `{ type: 1 }`, and a request with a wrong signature must get 401.
   */
  async verifyInteractionsEndpoint(endpoint: InteractionsEndpoint): Promise<string[]> {
    const problems: string[] = [];
    const ping = { id: this.ids.next(), application_id: this.applicationId, type: 1, token: interactionToken(), version: 1 };
    const good = await signedPost(endpoint, JSON.stringify(ping));
    if (good.status !== 200 || good.json?.type !== 1) problems.push(`a signed PING got ${good.status} ${good.text.slice(0, 100)}`);
    const bad = await signedPost(endpoint, JSON.stringify(ping), { tamper: true });
    if (bad.status !== 401) problems.push(`a PING with a wrong signature got ${bad.status} instead of 401`);
    return problems;
  }

  private async postInteraction(endpoint: InteractionsEndpoint, payload: Json): Promise<HttpDelivery> {
    const delivery = this.deliver(endpoint, payload);
    this.deliveries.set(payload.token, delivery);
    try {
      return await delivery;
    } finally {
      this.deliveries.delete(payload.token);
    }
  }

  private async deliver(endpoint: InteractionsEndpoint, payload: Json): Promise<HttpDelivery> {
    // Discord waits for the endpoint only for what is left of the window since it created the interaction.
    const createdAt = this.interactions.get(payload.id)?.createdAt ?? Date.now();
    const response = await signedPost(endpoint, JSON.stringify(payload), {
      timeoutMs: Math.max(1, createdAt + (this.opts.interactionAckWindowMs ?? 3000) - Date.now()),
    });
    const record: RecordedRequest = {
      method: "POST",
      path: `/api/v10/interactions/${payload.id}/${payload.token}/callback`,
      query: {},
      headers: { "x-standin-delivery": "http" },
      body: response.json ?? response.text,
      status: response.status,
      at: Date.now(),
    };
    // Discord only acts on a 200 whose body is a valid callback; anything else is "This interaction failed".
    if (response.status === 200) {
      try {
        record.status = this.interactionCallback(record, payload.id, payload.token).status;
      } catch (error) {
        this.internalErrors.push(error as Error);
        record.status = 500;
      }
    }
    this.requests.push(record);
    this.log(`HTTP interaction ${payload.id} -> ${response.status} (callback ${record.status}) in ${response.ms} ms`);
    this.events.emit("change");
    return { status: response.status, body: record.body, ms: response.ms };
  }

  // --------------------------------------------------------------------- HTTP

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in");
    // Attachments are files, not API calls (Discord serves them from its CDN).
    if (req.method === "GET" && url.pathname.startsWith("/attachments/")) return this.serveAttachment(url.pathname, res);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: safeDecode(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      status: 0,
      at,
    };

    let reply: Reply;
    try {
      record.body = await parseBody(headers["content-type"], Buffer.concat(chunks));
      // Discord has taken in the endpoint's response before anything can follow it up: a PATCH
      // sent as soon as the response left must not overtake the stand-in reading that response.
      const token = /^\/api\/v\d+\/webhooks\/\d+\/([^/]+)/.exec(record.path)?.[1];
      const delivering = token ? this.deliveries.get(token) : undefined;
      if (delivering) await delivering.catch(() => undefined);
      reply = this.takeFault(record) ?? this.route(record);
    } catch (error) {
      this.internalErrors.push(error as Error);
      this.log(`internal error on ${record.method} ${record.path}: ${(error as Error).stack}`);
      reply = apiError(500, 0, "500: Internal Server Error");
    }
    record.status = reply.status;
    this.requests.push(record);
    this.log(`${record.method} ${record.path} -> ${reply.status}`);
    this.events.emit("change");

    const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...reply.headers });
    res.end(body);
  }

  private takeFault(req: RecordedRequest): Reply | null {
    const fault = this.faults.find((f) => f.match({ method: req.method, path: req.path }));
    if (!fault) return null;
    if (--fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    const { response } = fault;
    if (response.status !== 429) {
      const text = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable" }[response.status];
      return apiError(response.status, 0, `${response.status}: ${text}`);
    }
    const retryAfter = response.retryAfter;
    const global = Boolean(response.global);
    // Like Discord: Retry-After is whole seconds rounded up, the body has the precise float.
    const headers: Record<string, string> = {
      "retry-after": String(Math.ceil(retryAfter)),
      "x-ratelimit-scope": response.scope ?? (global ? "global" : "user"),
    };
    if (global) {
      headers["x-ratelimit-global"] = "true";
    } else {
      Object.assign(headers, {
        "x-ratelimit-limit": "5",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": (Date.now() / 1000 + retryAfter).toFixed(3),
        "x-ratelimit-reset-after": retryAfter.toFixed(3),
        "x-ratelimit-bucket": "standin-" + req.method.toLowerCase(),
      });
    }
    return { status: 429, headers, body: { message: "You are being rate limited.", retry_after: retryAfter, global } };
  }

  private route(req: RecordedRequest): Reply {
    const versioned = /^\/api\/v\d+(\/.*)$/.exec(req.path);
    if (!versioned) return notFound();
    const path = versioned[1]!;
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      if (route.bot && !this.authorized(req)) return apiError(401, 0, "401: Unauthorized");
      return route.handle(req, ...match.slice(1));
    }
    return pathMatched ? apiError(405, 0, "405: Method Not Allowed") : notFound();
  }

  private authorized(req: RecordedRequest): boolean {
    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bot ")) return false;
    return this.opts.token === undefined || auth === `Bot ${this.opts.token}`;
  }

  private buildRoutes(): Route[] {
    const route = (method: string, pattern: RegExp, bot: boolean, handle: Route["handle"]): Route => ({ method, pattern, bot, handle });
    const gateway = () => ({ url: this.gatewayUrl });
    const application = () =>
      ok({
        id: this.applicationId,
        name: "Stand-in App",
        icon: null,
        description: "",
        summary: "",
        type: null,
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0".repeat(64),
        flags: 0,
        owner: this.ownerUser,
        team: null,
        bot: this.botUser,
        approximate_guild_count: this.guilds.length,
        redirect_uris: [],
        interactions_endpoint_url: null,
        tags: [],
        integration_types_config: { "0": {} },
      });
    const WEBHOOK = "/webhooks/(\\d+)/([^/]+)";
    return [
      route("GET", /^\/gateway$/, false, () => ok(gateway())),
      route("GET", /^\/gateway\/bot$/, true, () =>
        ok({
          ...gateway(),
          shards: this.opts.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.opts.maxConcurrency ?? 1 },
        }),
      ),
      route("GET", /^\/users\/@me$/, true, () => ok(this.botUser)),
      route("GET", /^\/users\/(\d+)$/, true, (_req, id) => (this.users.has(id) ? ok(this.users.get(id)) : apiError(404, 10013, "Unknown User"))),
      route("POST", /^\/users\/@me\/channels$/, true, (req) => {
        const recipient = String(req.body?.recipient_id ?? "");
        if (!/^\d+$/.test(recipient)) return invalidForm([{ path: ["recipient_id"], code: "BASE_TYPE_REQUIRED", message: "This field is required" }]);
        return ok(this.dmChannelFor(this.user(recipient)));
      }),
      route("GET", /^\/(?:oauth2\/)?applications\/@me$/, true, application),
      route("GET", /^\/applications\/(\d+)\/commands$/, true, (_req, app) => this.getCommands(app)),
      route("PUT", /^\/applications\/(\d+)\/commands$/, true, (req, app) => this.putCommands(req, app)),
      route("GET", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, (_req, app, guild) => this.getCommands(app, guild)),
      route("PUT", /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, true, (req, app, guild) => this.putCommands(req, app, guild)),
      route("POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, false, (req, id, token) => this.interactionCallback(req, id, token)),
      route("POST", new RegExp(`^${WEBHOOK}$`), false, (req, app, token) => this.webhookExecute(req, app, token)),
      route("GET", new RegExp(`^${WEBHOOK}/messages/([^/]+)$`), false, (req, app, token, msg) => this.webhookMessage(req, app, token, msg)),
      route("PATCH", new RegExp(`^${WEBHOOK}/messages/([^/]+)$`), false, (req, app, token, msg) => this.webhookMessage(req, app, token, msg)),
      route("DELETE", new RegExp(`^${WEBHOOK}/messages/([^/]+)$`), false, (req, app, token, msg) => this.webhookMessage(req, app, token, msg)),
      route("GET", /^\/channels\/(\d+)$/, true, (_req, id) => (this.channels.has(id) ? ok(this.channels.get(id)) : unknownChannel())),
      route("POST", /^\/channels\/(\d+)\/typing$/, true, (_req, id) => (this.channels.has(id) ? noContent : unknownChannel())),
      route("POST", /^\/channels\/(\d+)\/messages$/, true, (req, id) => this.createChannelMessage(req, id)),
      route("GET", /^\/channels\/(\d+)\/messages\/(\d+)$/, true, (req, id, msg) => this.channelMessage(req, id, msg)),
      route("PATCH", /^\/channels\/(\d+)\/messages\/(\d+)$/, true, (req, id, msg) => this.channelMessage(req, id, msg)),
      route("DELETE", /^\/channels\/(\d+)\/messages\/(\d+)$/, true, (req, id, msg) => this.channelMessage(req, id, msg)),
    ];
  }

  // ------------------------------------------------------------ interactions

  private interactionCallback(req: RecordedRequest, id: string, token: string): Reply {
    const state = this.interactions.get(id);
    if (!state || state.token !== token) return apiError(404, 10062, "Unknown interaction");
    if (state.acknowledged) return apiError(400, 40060, "Interaction has already been acknowledged.");
    // Too late to acknowledge: this is why slow handlers must deferReply() first.
    if (Date.now() - state.createdAt > (this.opts.interactionAckWindowMs ?? 3000)) return apiError(404, 10062, "Unknown interaction");
    const type = Number(req.body?.type);
    const data: Json = req.body?.data ?? {};
    const files: Json[] = req.body?.files ?? [];
    if (!ALLOWED_CALLBACKS[state.type]?.includes(type)) {
      return invalidForm([
        { path: ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID", message: `Callback type ${type} is not valid for interaction type ${state.type}` },
      ]);
    }
    if (type === 4 || type === 7) {
      const problems = messageProblems(data);
      if (problems.length) return invalidForm(problems);
    }
    if (type === 4 && isEmptyMessage(data, files.length)) return apiError(400, 50006, "Cannot send an empty message");
    if (type === 8) {
      const problems = choiceProblems(req.body?.data);
      if (problems.length) return invalidForm(problems);
    }

    switch (type) {
      case 4: // CHANNEL_MESSAGE_WITH_SOURCE
        state.original = this.interactionMessage(state, data, files);
        break;
      case 5: // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" placeholder
        state.original = this.interactionMessage(state, { flags: (Number(data.flags ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading }, []);
        break;
      case 6: // DEFERRED_UPDATE_MESSAGE
        state.original = state.sourceMessage;
        break;
      case 7: // UPDATE_MESSAGE
        state.original = this.editMessage(state.sourceMessage, data, files);
        break;
      default:
        break;
    }
    state.acknowledged = true;
    state.callbackType = type;

    if (req.query.with_response !== "true") return noContent;
    const message = [4, 5, 7].includes(type) ? state.original : undefined;
    return ok({
      interaction: {
        id: state.id,
        type: state.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === 5,
              response_message_ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  }

  /** The interaction a webhook call belongs to; Discord only knows the webhook once the interaction was acknowledged. */
  private webhookInteraction(app: string, token: string): InteractionState | null {
    if (app !== this.applicationId) return null;
    for (const state of this.interactions.values()) if (state.token === token && state.acknowledged) return state;
    return null;
  }

  private webhookExecute(req: RecordedRequest, app: string, token: string): Reply {
    const state = this.webhookInteraction(app, token);
    if (!state) return apiError(404, 10015, "Unknown Webhook");
    const files: Json[] = req.body?.files ?? [];
    const problems = messageProblems(req.body);
    if (problems.length) return invalidForm(problems);
    if (isEmptyMessage(req.body, files.length)) return apiError(400, 50006, "Cannot send an empty message");
    const message = this.interactionMessage(state, req.body, files);
    state.followUps.set(message.id, message);
    return req.query.wait === "true" ? ok(message) : noContent;
  }

  private webhookMessage(req: RecordedRequest, app: string, token: string, messageId: string): Reply {
    const state = this.webhookInteraction(app, token);
    if (!state) return apiError(404, 10015, "Unknown Webhook");
    const isOriginal = messageId === "@original" || messageId === state.original?.id;
    const current = isOriginal ? state.original : state.followUps.get(messageId);
    if (!current) return apiError(404, 10008, "Unknown Message");
    if (req.method === "GET") return ok(current);
    if (req.method === "DELETE") {
      if (isOriginal) state.original = null;
      else state.followUps.delete(messageId);
      return noContent;
    }
    const problems = messageProblems(req.body);
    if (problems.length) return invalidForm(problems);
    const edited = this.editMessage(current, req.body, req.body?.files ?? []);
    if (isOriginal) state.original = edited;
    else state.followUps.set(messageId, edited);
    return ok(edited);
  }

  private interactionMessage(state: InteractionState, data: Json, files: Json[]): Json {
    return messagePayload({
      id: this.ids.next(),
      channelId: state.channelId,
      author: this.botUser,
      data,
      attachments: this.attachments(files),
      type: state.type === 2 ? 20 : 0, // 20 = CHAT_INPUT_COMMAND
      extra: {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        interaction_metadata: {
          id: state.id,
          type: state.type,
          user: state.user,
          authorizing_integration_owners: { "0": state.guildId ?? "0" },
        },
      },
    });
  }

  /** Discord's PATCH semantics: provided fields replace, others stay. Finishing a deferred reply clears LOADING without marking it edited. */
  private editMessage(current: Json, data: Json, files: Json[]): Json {
    const wasLoading = (Number(current.flags ?? 0) & MessageFlag.Loading) !== 0;
    const next = { ...current };
    if (data?.content !== undefined) next.content = data.content ?? "";
    if (data?.embeds !== undefined) next.embeds = (data.embeds ?? []).map((embed: Json) => ({ type: "rich", ...embed }));
    if (data?.components !== undefined) next.components = data.components ?? [];
    if (data?.attachments !== undefined || files.length) {
      const kept = (data?.attachments ?? []).flatMap((a: Json) => current.attachments.filter((old: Json) => old.id === a.id));
      next.attachments = [...kept, ...this.attachments(files)];
    }
    next.flags = Number(current.flags ?? 0) & ~MessageFlag.Loading;
    next.edited_timestamp = wasLoading ? null : new Date().toISOString();
    return next;
  }

  private attachments(files: Json[]): Json[] {
    return files.map((file) => {
      const id = this.ids.next();
      const url = `${this.apiBase.replace(/\/api$/, "")}/attachments/${id}/${encodeURIComponent(file.filename)}`;
      return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
    });
  }

  // ---------------------------------------------------------------- channels

  private createChannelMessage(req: RecordedRequest, channelId: string): Reply {
    const channel = this.channels.get(channelId);
    if (!channel) return unknownChannel();
    const files: Json[] = req.body?.files ?? [];
    const problems = messageProblems(req.body);
    if (problems.length) return invalidForm(problems);
    if (isEmptyMessage(req.body, files.length)) return apiError(400, 50006, "Cannot send an empty message");
    const reference = req.body?.message_reference;
    const message = messagePayload({
      id: this.ids.next(),
      channelId,
      author: this.botUser,
      data: req.body,
      attachments: this.attachments(files),
      type: reference ? 19 : 0, // 19 = REPLY
      extra: reference
        ? {
            message_reference: {
              type: 0,
              channel_id: channelId,
              message_id: reference.message_id,
              ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
            },
          }
        : {},
    });
    this.channelMessages.set(message.id, message);
    return ok(message);
  }

  private channelMessage(req: RecordedRequest, channelId: string, messageId: string): Reply {
    if (!this.channels.has(channelId)) return unknownChannel();
    const current = this.channelMessages.get(messageId);
    if (!current || current.channel_id !== channelId) return apiError(404, 10008, "Unknown Message");
    if (req.method === "GET") return ok(current);
    if (req.method === "DELETE") {
      this.channelMessages.delete(messageId);
      return noContent;
    }
    const problems = messageProblems(req.body);
    if (problems.length) return invalidForm(problems);
    const edited = this.editMessage(current, req.body, req.body?.files ?? []);
    this.channelMessages.set(messageId, edited);
    return ok(edited);
  }

  // ---------------------------------------------------------------- commands

  private getCommands(app: string, guildId?: string): Reply {
    if (app !== this.applicationId || (guildId && !this.guilds.some((g) => g.id === guildId))) return apiError(403, 50001, "Missing Access");
    return ok(this.registeredCommands(guildId));
  }

  private putCommands(req: RecordedRequest, app: string, guildId?: string): Reply {
    if (app !== this.applicationId || (guildId && !this.guilds.some((g) => g.id === guildId))) return apiError(403, 50001, "Missing Access");
    const problems = commandProblems(req.body);
    if (problems.length) return invalidForm(problems);
    const previous = this.registeredCommands(guildId);
    // Discord keeps a command's id when a bulk overwrite re-sends the same name.
    const saved = (req.body as Json[]).map((command) => ({
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      name_localizations: null,
      description_localizations: null,
      ...command,
      description: command.description ?? "",
      id: previous.find((p) => p.name === command.name && p.type === (command.type ?? 1))?.id ?? this.ids.next(),
      application_id: this.applicationId,
      version: this.ids.next(),
      ...(guildId ? { guild_id: guildId } : {}),
    }));
    this.commands.set(guildId ?? "global", saved);
    return ok(saved);
  }

  // ------------------------------------------------------------------- state

  private addUser(user: Json): Json {
    this.users.set(user.id, user);
    return user;
  }

  private user(id: string, username?: string): Json {
    const known = this.users.get(id);
    if (known && (username === undefined || known.username === username)) return known;
    return this.addUser(userPayload(id, username ?? known?.username ?? `user${id.slice(-4)}`));
  }

  private guild(guildId?: string): GuildSeed {
    const guild = guildId ? this.guilds.find((g) => g.id === guildId) : this.guilds[0];
    if (!guild) throw new Error(`stand-in: unknown guild ${guildId}; pass it in start({ guilds })`);
    return guild;
  }

  private dmChannelFor(user: Json, channelId?: string): Json {
    const id = channelId ?? this.dmChannels.get(user.id) ?? this.ids.next();
    this.dmChannels.set(user.id, id);
    const channel = this.channels.get(id) ?? dmChannelPayload(id, user);
    this.channels.set(id, channel);
    return channel;
  }
}

function unknownChannel(): Reply {
  return apiError(404, 10003, "Unknown Channel");
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** JSON, or multipart/form-data as discord.js sends it with files: payload_json merged with a `files` summary. */
async function parseBody(contentType: string | undefined, raw: Buffer): Promise<Json> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith("multipart/form-data")) {
    // Node's fetch Request has a spec-compliant multipart parser; no extra package needed.
    const form = await new Request("http://stand-in/", { method: "POST", headers: { "content-type": contentType }, body: raw }).formData();
    let payload: Json = {};
    const fields: Json = {};
    const files: RecordedFile[] = [];
    for (const [name, value] of form) {
      if (typeof value !== "string") files.push({ name, filename: value.name, size: value.size, contentType: value.type });
      else if (name === "payload_json") payload = JSON.parse(value);
      else fields[name] = value;
    }
    return { ...fields, ...payload, files };
  }
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
