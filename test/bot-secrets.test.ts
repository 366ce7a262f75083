// No part of the bot token may reach any output, at any log level. discord.js itself logs a
// "censored" token at debug level (its first two parts, the rest as stars): the first part is the
// bot's user id in base64 and the second a timestamp, so together they still identify the token.
// The bot runs at LOG_LEVEL=debug against the stand-in with a realistically shaped fake token,
// answers a command, a DM and an autocomplete, and every line it printed is searched for each part.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { redact, registerSecret } from "../src/log.js";
import { ROOT, runTs } from "./support/bot-process.js";
import { DiscordStandIn } from "./support/discord-standin.js";

const APP_ID = "1187654321098765432";
// Shaped like a real one: base64(user id) . 6 characters . 38 characters.
const TOKEN = `${Buffer.from(APP_ID).toString("base64").replace(/=+$/, "")}.Gx7Qpz.kT9vWm2_LqR8sYd4-NfHj6ZcUe1BoXa3iPwQ`;
const PARTS = TOKEN.split(".");

describe("no part of the token in any log", () => {
  it("registerSecret masks each dot-separated part, alone or joined as discord.js censors it", () => {
    const token = "QWJjZGVmZ2hpams0NTY3ODkw.Ab12Cd.thirty-eight-characters-of-secret-xyz";
    registerSecret(token);
    const [a, b, c] = token.split(".");
    const text = redact(`Provided token: ${a}.${b}.${"*".repeat(c!.length)} / full ${token} / first ${a} / last ${c}`);
    for (const part of [a!, b!, c!]) expect(text).not.toContain(part);
    expect(text).toContain("Provided token: [redacted].[redacted].***");
  });

  it("the bot at LOG_LEVEL=debug prints no part of the fake token on stdout or stderr", { timeout: 60_000 }, async () => {
    const standIn = await DiscordStandIn.start({ heartbeatIntervalMs: 500, token: TOKEN, applicationId: APP_ID });
    const bot = runTs("src/main.ts", {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standIn.apiBase,
      KNOWLEDGE_DIR: join(ROOT, "knowledge"),
      CACHE_DIR: join(ROOT, ".cache"),
      LOG_LEVEL: "debug",
    });
    try {
      await bot.waitForStderr(/Logged in as /, 30_000);
      const cmd = await standIn.chatInput("search", [{ name: "query", type: 3, value: "Huawei" }]);
      await standIn.autocomplete("stance", [{ name: "actor", type: 3, value: "hu", focused: true }]);
      await standIn.messageCreate({ content: "who said groundless accusations?", dm: true });
      await standIn.waitForRequest((r) => r.path.includes(`/interactions/${cmd.id}/`));
      await standIn.waitForRequest((r) => r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.path));
    } finally {
      bot.kill("SIGTERM");
      await bot.exit(15_000).catch(() => bot.kill("SIGKILL"));
      await standIn.stop();
    }
    const output = bot.stdout + bot.stderr;
    expect(output).toMatch(/debug: discord\.js: Provided token: /); // the line that used to leak is there, masked
    for (const part of PARTS) expect(output, `token part ${part}`).not.toContain(part);
  });
});
