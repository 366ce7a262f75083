// Proves the local Discord stand-in against the real discord.js client: if
// these pass, bot tests written against the stand-in exercise the same REST and
// gateway traffic discord.js would produce against discord.com.
import { once } from "node:events";
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  HTTPError,
  MessageFlags,
  Partials,
  REST,
  Routes,
  SlashCommandBuilder,
} from "discord.js";
import type { ClientOptions, Interaction, Message } from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DiscordStandIn, type Json, type RecordedRequest, type StandInOptions } from "./support/discord-standin.js";

const TOKEN = "fake-token.for-the-stand-in.never-real";
const ALL_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent];

let standIn: DiscordStandIn;
let logLines: string[];
const clients: Client[] = [];

async function startStandIn(opts: StandInOptions = {}): Promise<DiscordStandIn> {
  standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500, log: (line) => logLines.push(line), ...opts });
  return standIn;
}

/** A real discord.js client logged in against the stand-in; small REST retry/timeout keep fault tests fast. */
async function login(options: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({
    intents: ALL_INTENTS,
    partials: [Partials.Channel], // needed for DM messageCreate
    rest: { api: standIn.apiBase, retries: 1, timeout: 2000 },
    ...options,
  });
  clients.push(client);
  const ready = once(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
  return client;
}

/** Runs `fn` on the next interaction and settles with its result, so assertion failures inside the handler surface. */
function nextInteraction<T>(client: Client, fn: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => void fn(interaction).then(resolve, reject));
  });
}

function nextMessage<T>(client: Client, fn: (message: Message) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.MessageCreate, (message) => void fn(message).then(resolve, reject));
  });
}

const isCallback = (r: { method: string; path: string }) => r.method === "POST" && r.path.endsWith("/callback");

beforeEach(async () => {
  logLines = [];
  await startStandIn();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await standIn.stop();
  expect(standIn.internalErrors).toEqual([]);
  // The token may travel in headers and IDENTIFY, but never into log output.
  expect(logLines.join("\n")).not.toContain(TOKEN);
});

describe("login over the stand-in gateway", () => {
  it("identifies with plain JSON, receives READY + GUILD_CREATE and caches the guild", async () => {
    const client = await login();

    expect(client.user?.id).toBe(standIn.botUser.id);
    const guild = client.guilds.cache.get(standIn.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe("Stand-in Guild");
    expect(guild?.channels.cache.get(standIn.channelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.me?.id).toBe(standIn.botUser.id);
    expect(client.application?.id).toBe(standIn.applicationId);

    // discord.js only asks for zlib-stream when the optional zlib-sync package is installed.
    expect(standIn.gateway.connections[0]!.query).toEqual({ v: "10", encoding: "json" });
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.identifies[0]).toMatchObject({
      token: TOKEN,
      intents: client.options.intents.bitfield,
      shard: [0, 1],
      compress: false,
    });
    const gatewayBot = standIn.requests.find((r) => r.path === "/api/v10/gateway/bot");
    expect(gatewayBot).toMatchObject({ method: "GET", status: 200 });
    expect(standIn.authorizations()).toEqual([`Bot ${TOKEN}`]);

    await vi.waitFor(() => expect(standIn.gateway.heartbeats).toBeGreaterThan(0), { timeout: 3000 });
  });

  it("spreads guilds over shards like Discord and serves each on its own connection", async () => {
    await standIn.stop();
    // (guild_id >> 22) % 2 decides the shard; these two ids land on shards 0 and 1.
    const base = BigInt(Date.now() - 1420070400000) << 22n;
    const [even, odd] = [0n, 1n].map((i) => ((((base >> 22n) & ~1n) + i) << 22n).toString()) as [string, string];
    await startStandIn({
      shards: 2,
      maxConcurrency: 2, // else discord.js waits 5 s between the two IDENTIFYs
      guilds: [
        { id: even, name: "Even" },
        { id: odd, name: "Odd" },
      ],
    });
    const client = await login({ shards: "auto" }); // use the shard count from GET /gateway/bot
    expect(await standIn.waitForReady(2)).toEqual([0, 1]);

    expect(standIn.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(client.guilds.cache.get(even)?.shardId).toBe(0);
    expect(client.guilds.cache.get(odd)?.shardId).toBe(1);

    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("expected a chat input command");
      await interaction.reply({ content: `shard ${interaction.guild?.shardId}` });
    });
    const sent = await standIn.chatInput("where", [], { guildId: odd });
    await done;
    expect(standIn.interactionResponses(sent.id)[0]!.body.data.content).toBe("shard 1");
  });
});

describe("interactions", () => {
  it("reply with an ephemeral embed, then editReply and followUp", async () => {
    const client = await login();
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("expected a chat input command");
      const question = interaction.options.getString("question", true);
      await interaction.reply({
        embeds: [new EmbedBuilder().setTitle("Evidence").setDescription(`You asked: ${question}`)],
        flags: MessageFlags.Ephemeral,
      });
      const edited = await interaction.editReply({ content: "edited" });
      const followUp = await interaction.followUp({ content: "one more thing" });
      return { edited, followUp, guildId: interaction.guildId, perms: interaction.memberPermissions };
    });
    const sent = await standIn.chatInput("ask", [{ name: "question", type: 3, value: "who said it?" }]);
    const result = await done;

    const [callback, edit, followUp, ...rest] = standIn.interactionResponses(sent.id);
    expect(rest).toEqual([]);
    expect(callback).toMatchObject({
      method: "POST",
      path: `/api/v10/interactions/${sent.id}/${sent.token}/callback`,
      query: { with_response: "false" },
      status: 204,
      body: { type: 4, data: { flags: MessageFlags.Ephemeral, embeds: [{ title: "Evidence", description: "You asked: who said it?" }] } },
    });
    expect(callback!.headers.authorization).toBeUndefined(); // interaction routes authenticate by token
    expect(edit).toMatchObject({
      method: "PATCH",
      path: `/api/v10/webhooks/${standIn.applicationId}/${sent.token}/messages/@original`,
      status: 200,
      body: { content: "edited" },
    });
    expect(followUp).toMatchObject({
      method: "POST",
      path: `/api/v10/webhooks/${standIn.applicationId}/${sent.token}`,
      query: { wait: "true" },
      status: 200,
      body: { content: "one more thing" },
    });
    expect(result.guildId).toBe(standIn.guildId);
    expect(result.perms?.has("SendMessages")).toBe(true);
    expect(result.edited.content).toBe("edited");
    expect(result.edited.embeds[0]!.title).toBe("Evidence"); // PATCH keeps fields it did not send
    expect(result.followUp.content).toBe("one more thing");
  });

  it("deferReply then editReply, in a DM", async () => {
    const client = await login();
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("expected a chat input command");
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: "done thinking" });
      return { edited, guildId: interaction.guildId, channelType: interaction.channel?.type };
    });
    const sent = await standIn.chatInput("ask", [], { dm: true, userId: "123456789012345678", username: "alice" });
    const result = await done;

    const [callback, edit] = standIn.interactionResponses(sent.id);
    expect(callback!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(edit!.path).toBe(`/api/v10/webhooks/${standIn.applicationId}/${sent.token}/messages/@original`);
    expect(result).toMatchObject({ guildId: null, channelType: ChannelType.DM });
    expect(result.edited.content).toBe("done thinking");
    expect(result.edited.flags.has(MessageFlags.Loading)).toBe(false);
    expect(standIn.originalMessage(sent.id)).toMatchObject({ content: "done thinking", edited_timestamp: null });
  });

  it("autocomplete respond", async () => {
    const client = await login();
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
      const focused = interaction.options.getFocused();
      await interaction.respond([{ name: `${focused}ce`, value: `${focused}ce` }]);
    });
    const sent = await standIn.autocomplete("ask", [{ name: "speaker", type: 3, value: "ali", focused: true }]);
    await done;

    expect(standIn.interactionResponses(sent.id)).toMatchObject([{ status: 204, body: { type: 8, data: { choices: [{ name: "alice", value: "alice" }] } } }]);
  });

  it("a button press on an earlier reply is answered with update", async () => {
    const client = await login();
    const replied = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("expected a chat input command");
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId("page:2").setLabel("More").setStyle(ButtonStyle.Primary));
      await interaction.reply({ content: "page 1", components: [row] });
    });
    const first = await standIn.chatInput("ask");
    await replied;
    const original = standIn.originalMessage(first.id);
    expect(original.components[0].components[0].custom_id).toBe("page:2");

    const updated = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error("expected a button");
      await interaction.update({ content: "page 2", components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });
    const press = await standIn.button("page:2", original);
    expect(await updated).toEqual({ customId: "page:2", messageId: original.id });
    expect(standIn.interactionResponses(press.id)).toMatchObject([{ status: 204, body: { type: 7, data: { content: "page 2" } } }]);
    expect(standIn.originalMessage(press.id)).toMatchObject({ id: original.id, content: "page 2", components: [] });
  });

  it("a callback after the 3 s acknowledgement window is 404 Unknown interaction", async () => {
    await standIn.stop();
    await startStandIn({ interactionAckWindowMs: 100 });
    const client = await login();
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error("expected a repliable interaction");
      await new Promise((resolve) => setTimeout(resolve, 150)); // "slow search" without deferReply
      return interaction.reply("too late").catch((error: unknown) => error);
    });
    const sent = await standIn.chatInput("ask");
    const error = await done;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
    expect(standIn.interactionResponses(sent.id).map((r) => r.status)).toEqual([404]);
  });

  it("files are sent as multipart/form-data and recorded with payload_json", async () => {
    const client = await login();
    const done = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("expected a chat input command");
      await interaction.reply({ content: "see file", files: [new AttachmentBuilder(Buffer.from("hello"), { name: "evidence.txt" })] });
    });
    const sent = await standIn.chatInput("export");
    await done;

    const [callback] = standIn.interactionResponses(sent.id);
    expect(callback!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(callback!.body).toMatchObject({
      type: 4,
      data: { content: "see file", attachments: [{ id: "0" }] }, // discord.js references the upload by index
      files: [{ name: "files[0]", filename: "evidence.txt", size: 5 }],
    });
    expect(standIn.originalMessage(sent.id).attachments[0]).toMatchObject({ filename: "evidence.txt", size: 5 });
  });
});

describe("messages", () => {
  it("a DM reaches messageCreate (Partials.Channel) and message.reply posts to the DM channel", async () => {
    const client = await login();
    const done = nextMessage(client, async (message) => {
      await message.reply("pong");
      return { content: message.content, channelType: message.channel.type, guildId: message.guildId };
    });
    const sent = await standIn.messageCreate({ content: "ping", dm: true });
    expect(await done).toEqual({ content: "ping", channelType: ChannelType.DM, guildId: null });

    const post = await standIn.waitForRequest((r) => r.method === "POST" && r.path === `/api/v10/channels/${sent.channel_id}/messages`);
    expect(post.status).toBe(200);
    expect(post.body).toMatchObject({ content: "pong", message_reference: { message_id: sent.id } });
  });

  it("a guild message mentioning the bot", async () => {
    const client = await login();
    const done = nextMessage(client, async (message) => {
      await message.reply("you rang?");
      return { mentioned: message.mentions.has(client.user!), guildId: message.guildId, content: message.content };
    });
    const sent = await standIn.messageCreate({ content: "who said it?", mentionBot: true });
    expect(await done).toEqual({
      mentioned: true,
      guildId: standIn.guildId,
      content: `<@${standIn.botUser.id}> who said it?`,
    });
    const post = await standIn.waitForRequest((r) => r.path === `/api/v10/channels/${standIn.channelId}/messages`);
    expect(post.body.message_reference.message_id).toBe(sent.id);
  });

  it("without the MessageContent intent guild content is blanked unless the bot is mentioned", async () => {
    const client = await login({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const plain = nextMessage(client, async (message) => message.content);
    await standIn.messageCreate({ content: "not for you" });
    expect(await plain).toBe("");
    const mention = nextMessage(client, async (message) => message.content);
    await standIn.messageCreate({ content: "for you", mentionBot: true });
    expect(await mention).toContain("for you");
    await expect(standIn.messageCreate({ content: "hi", dm: true })).rejects.toThrow(/DirectMessages intent/);
  });
});

describe("REST faults", () => {
  it("429 on the interaction callback: discord.js waits Retry-After (whole seconds) and retries", async () => {
    const client = await login();
    standIn.failNext(isCallback, { status: 429, retryAfter: 0.25 });
    const done = nextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply("eventually");
    });
    const sent = await standIn.chatInput("ask");
    await done;

    const [limited, retried] = standIn.interactionResponses(sent.id) as [RecordedRequest, RecordedRequest];
    expect([limited.status, retried.status]).toEqual([429, 204]);
    expect(retried.body).toEqual(limited.body);
    // Retry-After: 1 (0.25 rounded up, as Discord sends it) + the 50 ms default offset.
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1000);
  });

  it("429 on a bucketed route (channel message) is retried too", async () => {
    const client = await login();
    const channelMessages = `/api/v10/channels/${standIn.channelId}/messages`;
    standIn.failNext((r) => r.path === channelMessages, { status: 429, retryAfter: 0.2 });
    const channel = client.channels.cache.get(standIn.channelId);
    if (!channel?.isSendable()) throw new Error("expected a sendable channel");
    const message = await channel.send("hello");

    expect(message.content).toBe("hello");
    const [limited, retried] = standIn.requests.filter((r) => r.path === channelMessages) as [RecordedRequest, RecordedRequest];
    expect([limited.status, retried.status]).toEqual([429, 200]);
    // Here the bucket says remaining 0, so discord.js waits X-RateLimit-Reset-After (0.2 s + offset), not the rounded Retry-After.
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(200);
  });

  it("5xx is retried immediately up to `retries` times, then surfaces as HTTPError", async () => {
    const client = await login(); // rest.retries = 1 → at most 2 attempts
    standIn.failNext(isCallback, { status: 500 });
    const ok = nextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply("after one 500");
    });
    const first = await standIn.chatInput("ask");
    await ok;
    const [failedOnce, retried] = standIn.interactionResponses(first.id) as [RecordedRequest, RecordedRequest];
    expect([failedOnce.status, retried.status]).toEqual([500, 204]);

    standIn.failNext(isCallback, { status: 503 }, 2);
    const failed = nextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error("expected a repliable interaction");
      return interaction.reply("never lands").then(
        () => null,
        (error: unknown) => error,
      );
    });
    const second = await standIn.chatInput("ask");
    const error = await failed;
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(503);
    expect(standIn.interactionResponses(second.id).map((r) => r.status)).toEqual([503, 503]);
  });
});

describe("gateway faults", () => {
  it("close 4000: discord.js RESUMEs and the stand-in replays what it missed", async () => {
    const client = await login();
    const resumed = once(client, Events.ShardResume);
    await standIn.dropGateway(4000);

    // Dispatched while the socket is down: only the RESUME replay can deliver it.
    const done = nextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply("still here");
    });
    const sent = await standIn.chatInput("ask");
    expect(await standIn.waitForResume()).toMatchObject({ shard: 0, replayed: 1 });
    await resumed;
    await done;

    expect(standIn.gateway.received.filter((op) => op.op === 6)).toHaveLength(1);
    expect(standIn.identifies).toHaveLength(1);
    expect(standIn.interactionResponses(sent.id)[0]!.status).toBe(204);
  });

  it("abrupt drop (1006): RESUME, then the client keeps answering", async () => {
    const client = await login();
    await standIn.dropGateway(1006);
    await standIn.waitForResume();
    const done = nextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply("back");
    });
    const sent = await standIn.chatInput("ask");
    await done;
    expect(standIn.interactionResponses(sent.id)[0]!.status).toBe(204);
    expect(standIn.identifies).toHaveLength(1);
  });

  it("op 9 (invalid session, not resumable) makes discord.js IDENTIFY again", async () => {
    // discord.js spaces IDENTIFYs on a shard 5 s apart (max_concurrency bucket); skip that wait in tests.
    const client = await login({ ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } });
    standIn.invalidateSession();
    const second = await standIn.waitForIdentify(2);
    expect(second.sessionId).not.toBe(standIn.identifies[0]!.sessionId);
    expect(standIn.resumes).toHaveLength(0);

    await vi.waitFor(() => expect(client.guilds.cache.get(standIn.guildId)?.available).toBe(true));
    const done = nextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply("new session");
    });
    const sent = await standIn.chatInput("ask");
    await done;
    expect(standIn.interactionResponses(sent.id)[0]!.status).toBe(204);
  });
});

describe("command registration and plain REST", () => {
  it("records the bulk PUT of guild commands and serves it back", async () => {
    const rest = new REST({ api: standIn.apiBase, retries: 0 }).setToken(TOKEN);
    const body = [
      new SlashCommandBuilder()
        .setName("ask")
        .setDescription("Ask the archive")
        .addStringOption((o) => o.setName("question").setDescription("What to ask").setRequired(true))
        .toJSON(),
    ];
    const route = Routes.applicationGuildCommands(standIn.applicationId, standIn.guildId);
    const saved = (await rest.put(route, { body })) as Json[];

    const put = standIn.requests.find((r) => r.method === "PUT");
    expect(put).toMatchObject({ path: `/api/v10${route}`, status: 200, body: JSON.parse(JSON.stringify(body)) });
    expect(saved[0]).toMatchObject({ name: "ask", application_id: standIn.applicationId, guild_id: standIn.guildId });
    expect(saved[0].id).toMatch(/^\d{17,20}$/);
    expect(await rest.get(route)).toEqual(saved);

    // Discord-style validation errors come back as DiscordAPIError 50035.
    const bad = await rest.put(route, { body: [{ name: "Bad Name", description: "x" }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DiscordAPIError);
    expect((bad as DiscordAPIError).code).toBe(50035);

    // Unknown routes are a recorded 404.
    const missing = await rest.get(Routes.guildBans(standIn.guildId)).catch((e: unknown) => e);
    expect((missing as DiscordAPIError).status).toBe(404);
    expect(standIn.requests.at(-1)).toMatchObject({ path: `/api/v10/guilds/${standIn.guildId}/bans`, status: 404 });
  });
});
