// Answers → Discord messages: one embed per result with the cited words in bold, a footer that
// names the file and lines, "Show source"/"More" buttons, and every Discord length limit enforced
// here, so a send never fails because of size. Pure functions over plain data; no client needed.
import { placeLabel } from "./place.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { APIActionRowComponent, APIApplicationCommandOptionChoice, APIButtonComponent, APIEmbed } from "discord.js";
import type { ReindexReport } from "../runtime/holder.js";
import type { Answer, CheckAnswer, Located, SourceInfo, StanceAnswer } from "../answer/types.js";
import { describeDate, formatIsoForPeople, stanceLine } from "./text.js";
import { verdictLine, type DiffMarks } from "./verdict.js";

/** Discord's documented limits (characters unless noted). */
export const LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of titles, descriptions, footers, author names and fields over all embeds of a message. */
  embedsTotal: 6000,
  embeds: 10,
  content: 2000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  url: 2048,
} as const;

export const PAGE_SIZE = 3;
export const SOURCES_PAGE_SIZE = 10;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** What the bot sends: the same shape works for interaction replies and message replies. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Attached files (an embed shows one with image.url "attachment://NAME"). */
  files?: MessageFile[];
}

export interface MessageFile {
  name: string;
  data: Buffer;
  /** Alt text. */
  description?: string;
}

export interface RenderedAnswer {
  message: DiscordMessage;
  /** False when nothing was found: the message is a short notice (sent ephemerally where possible). */
  found: boolean;
}

/** custom_ids come from the bot (they encode state the renderer knows nothing about). */
export interface AnswerIds {
  /** The "Show source" button of the result at `position` (0-based, over all results). */
  source(result: Located, position: number): string;
  /** The "More" button that shows results from `offset` on. */
  more(offset: number): string;
}

export interface PageOptions {
  offset?: number;
  /** Results per page (1–4, so their buttons and "More" fit one row). */
  pageSize?: number;
  ids: AnswerIds;
}

const COLORS = {
  "who-said": 0x5865f2,
  when: 0xfee75c,
  search: 0x3ba55d,
  sources: 0x5865f2,
  support: 0x57f287,
  oppose: 0xed4245,
  mixed: 0xfaa61a,
  neutral: 0x99aab5,
  none: 0x99aab5,
  exact: 0x57f287,
  close: 0xfee75c,
  "other-speaker": 0xfaa61a,
  "not-found": 0x99aab5,
} as const;

/** /check's word diff in Discord markdown: the question's words struck out, the text's in bold. */
const DISCORD_MARKS: DiffMarks = { asked: (s) => `~~${s}~~`, said: (s) => `**${s}**`, plain: escapeMarkdown };

// ---------------------------------------------------------------- text helpers

/** Cuts to at most `max` UTF-16 units (what Discord counts is never more), at a word boundary, with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return "…";
  let cut = safeCut(text, max - 1);
  // Prefer a word boundary unless that would throw away most of the room.
  const space = text.slice(0, cut + 1).search(/\s\S*$/);
  if (space > (max - 1) * 0.6) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** An index ≤ n that does not split a surrogate pair. */
function safeCut(text: string, n: number): number {
  const at = Math.max(0, Math.min(n, text.length));
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * Escapes Discord markdown so document text shows as written: emphasis, code, spoilers, masked
 * links, mentions/timestamps (`<…>`), and block syntax at the start of a line (quotes, headings, lists).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|<>[\]]/g, "\\$&")
    .replace(/^(\s*)([#+-]|\d+\.)(?=\s)/gm, (_m, lead: string, mark: string) => `${lead}${mark.replace(/^(\d+)\./, "$1\\.").replace(/^([#+-])/, "\\$1")}`);
}

interface Segment {
  text: string;
  bold: boolean;
}

/** The excerpt cut into plain and highlighted runs; out-of-range or overlapping spans are ignored. */
function segments(excerpt: string, spans: Array<[number, number]>): Segment[] {
  const valid = spans.filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= excerpt.length && a < b).sort((x, y) => x[0] - y[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of valid) {
    if (a < at) continue;
    if (a > at) out.push({ text: excerpt.slice(at, a), bold: false });
    out.push({ text: excerpt.slice(a, b), bold: true });
    at = b;
  }
  if (at < excerpt.length) out.push({ text: excerpt.slice(at), bold: false });
  return out;
}

function renderSegments(parts: Segment[]): string {
  return parts
    .map((s) => {
      if (!s.bold) return escapeMarkdown(s.text);
      // `** word**` does not render as bold: keep the spaces outside the markers.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s.text)!;
      return m[2] ? `${m[1]}**${escapeMarkdown(m[2])}**${m[3]}` : s.text;
    })
    .join("");
}

function sliceSegments(parts: Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of parts) {
    const a = Math.max(from, at);
    const b = Math.min(to, at + s.text.length);
    if (a < b) out.push({ text: s.text.slice(a - at, b - at), bold: s.bold });
    at += s.text.length;
  }
  return out;
}

/**
 * The excerpt as markdown with the highlighted words in bold, escaped, at most `max` characters.
 * A long excerpt keeps a window around the first highlight, cut at word boundaries with "…".
 */
export function highlightExcerpt(excerpt: string, spans: Array<[number, number]>, max: number = LIMITS.description): string {
  const parts = segments(excerpt, spans);
  const full = renderSegments(parts);
  if (full.length <= max) return full;
  const focus = parts.findIndex((s) => s.bold);
  const focusAt = focus < 0 ? 0 : parts.slice(0, focus).reduce((n, s) => n + s.text.length, 0);
  const render = (width: number): string => {
    let from = Math.max(0, Math.min(focusAt - Math.floor(width / 3), excerpt.length - width));
    let to = Math.min(excerpt.length, from + width);
    // Whole words only: move inwards to the nearest whitespace when a cut lands inside a word.
    if (from > 0 && /\S/.test(excerpt[from - 1]!)) {
      const next = excerpt.slice(from).search(/\s/);
      if (next >= 0 && from + next < to) from += next;
    }
    if (to < excerpt.length && /\S/.test(excerpt[to]!)) {
      const prev = excerpt.slice(from, to).search(/\s\S*$/);
      if (prev > 0) to = from + prev;
    }
    from = safeCut(excerpt, from);
    to = safeCut(excerpt, to);
    const body = renderSegments(sliceSegments(parts, from, to)).trim();
    return `${from > 0 ? "…" : ""}${body}${to < excerpt.length ? "…" : ""}`;
  };
  // The rendered length grows with the window; find the widest window that fits.
  let lo = 0;
  let hi = excerpt.length;
  let best = "…";
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const text = render(mid);
    if (text.length <= max) {
      best = text;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best.length <= max ? best : truncate(best, max);
}

/** Only http(s) URLs within Discord's length limit are valid embed or button links. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && url.length <= LIMITS.url && /^https?:\/\/[^\s<>]+$/i.test(url) ? url : undefined;
}

function docDateLabel(date: string | null): string {
  return date ? formatIsoForPeople(date) : "undated";
}

/** `file · lines 21–23 · Title · 2 September 2019`, with the long parts shortened first. */
export function citationFooter(r: Located): string {
  const s = r.source;
  return truncate([truncate(s.file, 300), placeLabel(s), truncate(r.title, 300), docDateLabel(r.docDate)].join(" · "), LIMITS.footer);
}

// ------------------------------------------------------------------- limits

/** What Discord counts towards the 6000-character total of a message's embeds. */
export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + fields;
}

export function messageEmbedsLength(embeds: APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

/** Enforces the per-field limits on one embed. */
export function clampEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields
      .slice(0, 25)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName) || "\u200b", value: truncate(f.value, LIMITS.fieldValue) || "\u200b" }));
  }
  const url = safeUrl(out.url);
  if (url) out.url = url;
  else delete out.url;
  return out;
}

/**
 * Makes a message's embeds fit: per-field limits, at most 10 embeds, and the 6000 total. Long
 * descriptions are shortened first (by `shrink`, which may cut smarter than plain truncation),
 * then footers and titles, and only as a last resort are trailing embeds dropped.
 */
export function fitEmbeds(input: APIEmbed[], shrink: (index: number, max: number) => string | undefined = () => undefined): APIEmbed[] {
  const embeds = input.slice(0, LIMITS.embeds).map(clampEmbed);
  let over = messageEmbedsLength(embeds) - LIMITS.embedsTotal;
  for (let round = 0; over > 0 && round < 50; round++) {
    // Take from the longest description, never below a readable minimum.
    let i = -1;
    for (let j = 0; j < embeds.length; j++) if ((embeds[j]!.description?.length ?? 0) > (embeds[i]?.description?.length ?? 0)) i = j;
    const current = embeds[i]?.description ?? "";
    if (i < 0 || current.length <= 200) break;
    const target = Math.max(200, current.length - over);
    embeds[i] = { ...embeds[i], description: shrink(i, target) ?? truncate(current, target) };
    over = messageEmbedsLength(embeds) - LIMITS.embedsTotal;
  }
  for (const e of embeds) {
    if (over <= 0) break;
    if (e.footer && e.footer.text.length > 200) e.footer = { ...e.footer, text: truncate(e.footer.text, 200) };
    if (e.title && e.title.length > 100) e.title = truncate(e.title, 100);
    over = messageEmbedsLength(embeds) - LIMITS.embedsTotal;
  }
  while (embeds.length > 1 && messageEmbedsLength(embeds) > LIMITS.embedsTotal) embeds.pop();
  if (embeds.length === 1 && messageEmbedsLength(embeds) > LIMITS.embedsTotal) {
    embeds[0] = { ...embeds[0], description: truncate(embeds[0]!.description ?? "", 1000), fields: [] };
  }
  return embeds;
}

export function fitContent(text: string): string {
  return truncate(text, LIMITS.content);
}

/** Drops buttons Discord would refuse (bad or duplicate ids, >5 per row) and shortens labels. */
export function buttonRow(buttons: APIButtonComponent[]): ButtonRow[] {
  const seen = new Set<string>();
  const ok: APIButtonComponent[] = [];
  for (const b of buttons) {
    if ("custom_id" in b) {
      if (!b.custom_id || b.custom_id.length > LIMITS.customId || seen.has(b.custom_id)) continue;
      seen.add(b.custom_id);
    }
    if ("url" in b && !safeUrl(b.url)) continue;
    ok.push("label" in b && b.label !== undefined ? { ...b, label: truncate(b.label, LIMITS.buttonLabel) } : b);
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < ok.length && rows.length < 5; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: ok.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: customId };
}

// ------------------------------------------------------------------ answers

/** Renders one page of an answer: up to `pageSize` result embeds, their source buttons and "More". */
export function renderAnswer(a: Answer, opts: PageOptions): RenderedAnswer {
  if (a.results.length === 0) return { message: renderNothingFound(a), found: false };
  const offset = Math.max(0, opts.offset ?? 0);
  if (offset >= a.results.length) return { message: notice("No more results: the documents may have been reindexed since. Ask again."), found: false };
  if (a.command === "sources") return { message: renderSources(a.results, opts), found: true };
  const size = Math.min(4, Math.max(1, opts.pageSize ?? PAGE_SIZE));
  const page: Located[] = a.results.slice(offset, offset + size);
  const numbered = a.results.length > 1;

  const drafts: Array<{ embed: APIEmbed; result: Located }> = page.map((r, i) => ({
    result: r,
    embed: {
      ...resultHead(a, r, numbered ? `${offset + i + 1}. ` : ""),
      description: highlightExcerpt(r.source.excerpt, r.highlight),
      url: safeUrl(r.source.url),
      footer: { text: citationFooter(r) },
    },
  }));
  const summary = a.command === "stance" ? [stanceSummary(a)] : a.command === "check" ? [checkSummary(a)] : [];
  const embeds = fitEmbeds([...summary, ...drafts.map((d) => d.embed)], (index, max) => {
    const d = drafts[index - summary.length];
    return d ? highlightExcerpt(d.result.source.excerpt, d.result.highlight, max) : undefined;
  });

  const buttons = page.map((r, i) => button(opts.ids.source(r, offset + i), numbered ? `Show source ${offset + i + 1}` : "Show source", ButtonStyle.Secondary));
  const next = offset + page.length;
  if (next < a.results.length) buttons.push(button(opts.ids.more(next), `More (${a.results.length - next} left)`, ButtonStyle.Primary));
  const message: DiscordMessage = { embeds, components: buttonRow(buttons) };
  if (a.message) message.content = fitContent(escapeMarkdown(a.message));
  return { message, found: true };
}

/** Title and colour of a result embed, by command. */
function resultHead(a: Answer, r: Located, prefix: string): Pick<APIEmbed, "title" | "color"> {
  switch (a.command) {
    case "who-said": {
      const w = r as (typeof a.results)[number];
      const copies = w.copies ? ` · also in ${w.copies} other document${w.copies === 1 ? "" : "s"}` : "";
      const head = `${prefix}${w.speaker}${w.role ? ` — ${w.role}` : ""}${w.direct ? "" : " (reported speech)"}${copies}`;
      return { title: truncate(head, LIMITS.title), color: COLORS["who-said"] };
    }
    case "when": {
      const w = r as (typeof a.results)[number];
      return { title: truncate(`${prefix}${w.expression} → ${describeDate(w.date, w.unresolved)}`, LIMITS.title), color: COLORS.when };
    }
    case "stance": {
      const s = r as (typeof a.results)[number];
      // The actor is in the summary above; the target is often a long phrase, and the excerpt has it whole.
      const head = `${prefix}${stanceLine({ ...s, cue: s.cue && truncate(s.cue, 60), target: truncate(s.target, 80) })}`;
      return { title: truncate(head, LIMITS.title), color: COLORS[s.polarity] };
    }
    case "check": {
      const c = r as (typeof a.results)[number];
      return { title: truncate(`${prefix}${c.speaker ?? "No speaker given"}${c.role ? ` — ${c.role}` : ""}`, LIMITS.title), color: COLORS[a.verdict] };
    }
    case "said": {
      const w = r as (typeof a.results)[number];
      return {
        title: truncate(`${prefix}${w.speaker}${w.role ? ` — ${w.role}` : ""}${w.direct ? "" : " (reported speech)"}`, LIMITS.title),
        color: COLORS["who-said"],
      };
    }
    default:
      return { title: truncate(`${prefix}${r.title}`, LIMITS.title), color: COLORS.search };
  }
}

const POLARITY_LABEL: Record<NonNullable<StanceAnswer["polarity"]>, string> = {
  support: "supports",
  oppose: "opposes",
  mixed: "mixed",
  neutral: "neutral",
};

/** The first stance embed: the engine's overall verdict and how the evidence splits. */
function stanceSummary(a: StanceAnswer): APIEmbed {
  const count = (p: string): number => a.results.filter((r) => r.polarity === p).length;
  const verdict = a.polarity ? POLARITY_LABEL[a.polarity] : "no clear stance";
  return {
    title: truncate(`${a.actor}${a.topic ? ` on ${a.topic}` : ""}: ${verdict}`, LIMITS.title),
    description: `Overall: **${verdict}** · ${count("support")} for, ${count("oppose")} against, ${count("neutral")} neutral (${a.results.length} passage${a.results.length === 1 ? "" : "s"})`,
    color: COLORS[a.polarity ?? "none"],
  };
}

/** The first /check embed: the verdict in one line, with the word diff. */
function checkSummary(a: CheckAnswer): APIEmbed {
  const label = { exact: "Exact", close: "Close", "other-speaker": "Attributed to someone else", "not-found": "Not found" }[a.verdict];
  return {
    title: truncate(`${label}: “${escapeMarkdown(a.query)}”`, LIMITS.title),
    description: truncate(verdictLine(a, DISCORD_MARKS), LIMITS.description),
    color: COLORS[a.verdict],
  };
}

/** Nothing found: the engine's reason and its suggestions, as plain content. */
export function renderNothingFound(a: Answer): DiscordMessage {
  const lines: string[] = [];
  // Without an actor the message says what is wrong; "no evidence" about nobody would only confuse.
  if (a.command === "stance" && a.actor.trim())
    lines.push(`**${escapeMarkdown(truncate(a.actor, 200))}**${a.topic ? ` on ${escapeMarkdown(truncate(a.topic, 200))}` : ""}: no evidence in the documents.`);
  if (a.command === "check" && !a.message) lines.push(verdictLine(a, DISCORD_MARKS));
  else if (a.message || a.command !== "stance") lines.push(escapeMarkdown(a.message ?? "Nothing found."));
  if (a.suggestions?.length) lines.push(`Did you mean: ${a.suggestions.map((s) => `**${escapeMarkdown(truncate(s, 100))}**`).join(", ")}?`);
  return notice(lines.join("\n"));
}

/** The document list, `SOURCES_PAGE_SIZE` to a page, in one embed. */
function renderSources(all: SourceInfo[], opts: PageOptions): DiscordMessage {
  const offset = Math.max(0, opts.offset ?? 0);
  const size = Math.max(1, opts.pageSize ?? SOURCES_PAGE_SIZE);
  const page = all.slice(offset, offset + size);
  const entries = page.map((d, i) => {
    const title = escapeMarkdown(truncate(d.title, 150)).replace(/[()]/g, "\\$&");
    const url = safeUrl(d.url);
    const head = url ? `**${offset + i + 1}.** [${title}](${url})` : `**${offset + i + 1}. ${title}**`;
    const facts = `${docDateLabel(d.date)} · ${d.passages} passage${d.passages === 1 ? "" : "s"} · ${d.quotes} quote${d.quotes === 1 ? "" : "s"}`;
    return `${head}\n${escapeMarkdown(truncate(d.file, 200))} · ${facts}`;
  });
  // Whole entries only: stop before the description would overflow.
  let description = "";
  for (const e of entries) {
    const next = description ? `${description}\n\n${e}` : e;
    if (next.length > LIMITS.description) break;
    description = next;
  }
  const shown = description.split("\n\n").length;
  const last = offset + shown;
  const embed: APIEmbed = {
    title: `Sources: ${all.length} document${all.length === 1 ? "" : "s"}${all.length > shown ? ` (${offset + 1}–${last})` : ""}`,
    description,
    color: COLORS.sources,
  };
  const buttons = last < all.length ? [button(opts.ids.more(last), `More (${all.length - last} left)`, ButtonStyle.Primary)] : [];
  return { embeds: fitEmbeds([embed]), components: buttonRow(buttons) };
}

// ------------------------------------------------------------- other replies

/** A short text reply (errors, notices, nothing found). */
export function notice(text: string): DiscordMessage {
  return { content: fitContent(text || "…"), embeds: [], components: [] };
}

/** The shared help text as an embed: command lines become `code` with their explanation. */
export function renderHelp(helpText: string, extra: string[] = []): DiscordMessage {
  const lines = helpText.split("\n").map((line) => {
    const m = /^\s+(\/\S+(?:\s+\S+:<[^>]*>)*)\s{2,}(.+)$/.exec(line);
    return m ? `\`${m[1]}\` — ${m[2]}` : line.trim();
  });
  const description = [...lines, ...extra].join("\n").replace(/\n{3,}/g, "\n\n");
  return { embeds: fitEmbeds([{ title: "How to ask", description, color: COLORS["who-said"] }]), components: [] };
}

export function renderReindex(r: ReindexReport): DiscordMessage {
  const lines = [
    `Reindexed **${r.documents}** document${r.documents === 1 ? "" : "s"}: ${r.passages} passages, ${r.quotes} quotes, ${r.times} time expressions, ${r.stances} stance cues (${r.ms} ms).`,
  ];
  if (r.warnings.length) {
    lines.push(`${r.warnings.length} warning${r.warnings.length === 1 ? "" : "s"}:`);
    for (const w of r.warnings.slice(0, 5)) lines.push(`• ${escapeMarkdown(truncate(w, 300))}`);
    if (r.warnings.length > 5) lines.push(`… and ${r.warnings.length - 5} more (see the bot's log).`);
  }
  return notice(lines.join("\n"));
}

export interface SourceLine {
  n: number;
  text: string;
  cited: boolean;
}

export interface SourceView {
  file: string;
  /** Lines as citations give them: of `page` (and `pageEnd`) in a paged document. */
  lineStart: number;
  lineEnd: number;
  page?: number;
  pageEnd?: number;
  lines: SourceLine[];
  title: string | null;
  date: string | null;
  url: string | null;
  /** Shown above the lines, e.g. that the file changed since it was indexed. */
  note?: string;
}

/** The cited lines with a little context, numbered, in a code block; long lines are shortened. */
export function renderSourceView(v: SourceView): DiscordMessage {
  const width = String(Math.max(0, ...v.lines.map((l) => l.n))).length;
  // Nothing inside a code block is markdown, except a closing fence: break any with a zero-width space.
  const clean = (s: string): string => s.replace(/```/g, "`\u200b``").replace(/\t/g, "  ");
  const build = (contextMax: number, citedMax: number): string =>
    [
      "```",
      ...v.lines.map((l) => `${l.cited ? "›" : " "} ${String(l.n).padStart(width)} │ ${truncate(clean(l.text), l.cited ? citedMax : contextMax)}`),
      "```",
    ].join("\n");
  let contextMax = 300;
  let citedMax = 1500;
  let description = build(contextMax, citedMax);
  // Context gives way first, then the cited lines, until the block fits.
  for (let i = 0; description.length > LIMITS.description && i < 40; i++) {
    if (contextMax > 40) contextMax = Math.floor(contextMax * 0.7);
    else citedMax = Math.max(20, Math.floor(citedMax * 0.8));
    description = build(contextMax, citedMax);
  }
  if (description.length > LIMITS.description) description = `${truncate(description.slice(0, LIMITS.description - 4), LIMITS.description - 5)}\n\`\`\``;
  const embed: APIEmbed = {
    title: truncate(`${v.file} · ${placeLabel(v)}`, LIMITS.title),
    description,
    url: safeUrl(v.url),
    color: COLORS.sources,
  };
  if (v.title || v.date)
    embed.footer = { text: truncate([v.title, v.date ? formatIsoForPeople(v.date) : "undated"].filter(Boolean).join(" · "), LIMITS.footer) };
  const message: DiscordMessage = { embeds: fitEmbeds([embed]), components: [] };
  if (v.note) message.content = fitContent(v.note);
  return message;
}

/**
 * Autocomplete choices: names containing what was typed (names starting with it first), then the
 * most mentioned; at most 25, each name and value within 100 characters.
 */
export function toChoices(names: Array<{ name: string; mentions: number }>, typed: string): APIApplicationCommandOptionChoice<string>[] {
  const fold = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();
  const q = fold(typed);
  const rank = (name: string): number => {
    if (!q) return 0;
    const f = fold(name);
    if (f.startsWith(q)) return 0;
    if (f.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return f.includes(q) ? 2 : -1;
  };
  return names
    .map((n) => ({ ...n, rank: rank(n.name) }))
    .filter((n) => n.rank >= 0 && n.name.trim())
    .sort((a, b) => a.rank - b.rank || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, LIMITS.choices)
    .map((n) => {
      const name = truncate(n.name.trim(), LIMITS.choiceName);
      return { name, value: name.slice(0, LIMITS.choiceValue) };
    });
}
