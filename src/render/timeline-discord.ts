// The timeline in Discord: one embed showing the picture (attached as timeline.png) with the
// listed items under it, numbered as on the picture, each with its date, who, and file and line.
import type { TimelineAnswer } from "../answer/timeline.js";
import { escapeMarkdown, fitEmbeds, LIMITS, notice, truncate, type DiscordMessage } from "./discord.js";
import type { ChartImage } from "./timeline-chart.js";
import { itemDate, itemHead, itemText, itemWhere, timelineSummary } from "./timeline-text.js";

export const TIMELINE_FILE = "timeline.png";
/** Items listed under the picture; more would push the picture off a phone's screen. */
export const DISCORD_LISTED = 10;
const EXCERPT_CHARS = 160;
const COLOUR = 0x5865f2;
/** Room for the list in the description, leaving some for the "more" line. */
const DESCRIPTION_BUDGET = LIMITS.description - 200;

export function renderTimeline(a: TimelineAnswer, image: ChartImage | null): DiscordMessage {
  if (a.results.length === 0) return notice(a.message ?? "Nothing found.");
  const lines: string[] = [];
  let used = 0;
  for (const [k, i] of a.results.slice(0, DISCORD_LISTED).entries()) {
    const where = i.source.url ? `[${escapeMarkdown(itemWhere(i))}](${i.source.url})` : `\`${itemWhere(i)}\``;
    const line = `**${k + 1}. ${escapeMarkdown(itemDate(i))}** — ${escapeMarkdown(truncate(itemHead(i), 200))}\n> ${escapeMarkdown(truncate(itemText(i), EXCERPT_CHARS))}\n${where}`;
    // Whole items only: a cut would break a link or leave a number without its source.
    if (used + line.length + 1 > DESCRIPTION_BUDGET) break;
    lines.push(line);
    used += line.length + 1;
  }
  const more = a.results.length - lines.length;
  if (more > 0) lines.push(`…and ${more} more (the terminal and JSON list them).`);
  const title = [a.actor, a.topic ? `on ${a.topic}` : null].filter(Boolean).join(" ");
  const embed = {
    title: truncate(`Timeline: ${title}`, LIMITS.title),
    color: COLOUR,
    description: truncate(lines.join("\n"), LIMITS.description),
    footer: { text: truncate(`${timelineSummary(a)}${a.message ? ` · ${a.message}` : ""}`, LIMITS.footer) },
    ...(image ? { image: { url: `attachment://${TIMELINE_FILE}`, width: image.width, height: image.height } } : {}),
  };
  return {
    embeds: fitEmbeds([embed]),
    components: [],
    ...(image ? { files: [{ name: TIMELINE_FILE, data: image.png, description: truncate(`Timeline picture: ${timelineSummary(a)}`, 1024) }] } : {}),
  };
}
