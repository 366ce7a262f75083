// Payload builders for the Discord stand-in. Shapes follow what Discord sends on
// API v10 closely enough that discord.js 14 builds real structures from them
// (Guild, GuildMember, Message, …) instead of crashing on a missing field.
import { randomBytes } from "node:crypto";

// Payloads are free-form JSON on the wire, just as they are for discord.js.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const DISCORD_EPOCH = 1420070400000n;

/**
 * Increasing snowflake ids with Discord's timestamp layout. Real-looking ids
 * matter: @discordjs/rest only treats 17–19 digit ids as major parameters
 * when it buckets routes (/channels/:id, /webhooks/:id/:token).
 */
export class Snowflakes {
  private last = 0n;

  next(): string {
    const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.last = now > this.last ? now : this.last + 1n;
    return this.last.toString();
  }

  /** An id for something created at `ms` (in the past): unique, though out of order. */
  at(ms: number): string {
    this.backdated = (this.backdated + 1n) & 0x3fffffn;
    return (((BigInt(Math.floor(ms)) - DISCORD_EPOCH) << 22n) | this.backdated).toString();
  }

  private backdated = 0n;
}

export function interactionToken(): string {
  // Real tokens are long opaque base64url strings; the length is kept similar.
  return `aW50ZXJhY3Rpb246${randomBytes(96).toString("base64url")}`;
}

/** Shard that Discord routes a guild's events to: (guild_id >> 22) % shard_count. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

// Permission bits of a fresh server's @everyone role (enough for a bot to talk).
const PERMISSION_BITS = [
  0n, // CREATE_INSTANT_INVITE
  6n, // ADD_REACTIONS
  10n, // VIEW_CHANNEL
  11n, // SEND_MESSAGES
  14n, // EMBED_LINKS
  15n, // ATTACH_FILES
  16n, // READ_MESSAGE_HISTORY
  18n, // USE_EXTERNAL_EMOJIS
  20n, // CONNECT
  21n, // SPEAK
  26n, // CHANGE_NICKNAME
  31n, // USE_APPLICATION_COMMANDS
  35n, // CREATE_PUBLIC_THREADS
  38n, // SEND_MESSAGES_IN_THREADS
];
export const EVERYONE_PERMISSIONS = PERMISSION_BITS.reduce((all, bit) => all | (1n << bit), 0n).toString();

export function userPayload(id: string, username: string, bot = false): Json {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: "0",
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
  };
}

/** Guild member without `user`: the form Discord uses inside MESSAGE_CREATE and mentions. */
export function memberPayload(joinedAt: string, permissions?: string): Json {
  return {
    roles: [],
    nick: null,
    avatar: null,
    banner: null,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(permissions === undefined ? {} : { permissions }),
  };
}

export function textChannelPayload(id: string, guildId: string, name: string): Json {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function dmChannelPayload(id: string, recipient: Json): Json {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: [recipient] };
}

export interface GuildSeed {
  id: string;
  name: string;
  channel: Json;
  joinedAt: string;
}

/** Full GUILD_CREATE payload, including the bot's own member so guild.members.me works. */
export function guildCreatePayload(guild: GuildSeed, botUser: Json, ownerId: string): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: "en-US",
    features: [],
    application_id: null,
    system_channel_id: guild.channel.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    incidents_data: null,
    roles: [
      {
        id: guild.id, // @everyone shares the guild's id
        name: "@everyone",
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: EVERYONE_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    // GUILD_CREATE-only fields
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    members: [{ ...memberPayload(guild.joinedAt), user: botUser }],
    channels: [guild.channel],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageSeed {
  id: string;
  channelId: string;
  author: Json;
  data?: Json; // content/embeds/components/flags as the bot (or test) sent them
  attachments?: Json[];
  type?: number;
  guildId?: string | null;
  extra?: Json;
}

/** A message object as Discord returns it from REST (and sends it in MESSAGE_CREATE). */
export function messagePayload(seed: MessageSeed): Json {
  const data = seed.data ?? {};
  return {
    id: seed.id,
    type: seed.type ?? 0,
    channel_id: seed.channelId,
    ...(seed.guildId ? { guild_id: seed.guildId } : {}),
    author: seed.author,
    content: data.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: Boolean(data.tts),
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: seed.attachments ?? [],
    // Discord fills in the embed type the bot usually leaves out.
    embeds: (data.embeds ?? []).map((embed: Json) => ({ type: "rich", ...embed })),
    components: data.components ?? [],
    pinned: false,
    flags: data.flags ?? 0,
    ...seed.extra,
  };
}
