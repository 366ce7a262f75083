// The timeline as a picture: a Vega-Lite spec (one lane per kind of item, colour by polarity, a
// day as a dot and a longer stretch as a bar), rendered to SVG by vega and to PNG by resvg with
// the Inter font shipped in node_modules, never a system font, so the image is the same on every
// machine. The picture brings its own light background: readable in Discord's dark and light themes.
import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";
import type { TimelineAnswer, TimelineKind } from "../answer/timeline.js";
import type { Polarity } from "../types.js";

/** Logical width: Discord shows an attached image about 400–550 px wide, on a phone too. */
export const CHART_WIDTH = 520;
/** Pixels per logical pixel in the PNG, so text stays sharp when Discord scales it down or up. */
export const CHART_SCALE = 2;
/** Dots and bars drawn at most (the best ones); the subtitle says how many more there are. */
export const MAX_MARKS = 200;
const MAX_ROWS = 4;
const FONT_FAMILY = "Inter";

const require = createRequire(import.meta.url);
const FONT_FILES = ["@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf", "@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf"].map((f) =>
  require.resolve(f),
);

export interface ChartMark {
  start: string;
  end: string;
  kind: TimelineKind;
  polarity: Polarity | null;
  /** The number of the item in the list under the picture, when it is listed. */
  label: string | null;
}

export interface ChartInput {
  title: string;
  subtitle: string;
  marks: ChartMark[];
}

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

const LANES: Record<TimelineKind, string> = { quote: "Statements", stance: "Stances", event: "Events" };
const KINDS: TimelineKind[] = ["quote", "stance", "event"];
// Each colour keeps at least 4.5:1 contrast on the background (WCAG AA for text and marks).
const BACKGROUND = "#ffffff";
const INK = "#1f2328";
const MUTED = "#57606a";
const COLOURS = {
  supports: "#1a7f37",
  opposes: "#cf222e",
  neutral: "#6e7781",
  statement: "#0969da",
  event: "#8250df",
} as const;

function colourKey(m: ChartMark): keyof typeof COLOURS {
  if (m.polarity === "support") return "supports";
  if (m.polarity === "oppose") return "opposes";
  if (m.polarity === "neutral") return "neutral";
  return m.kind === "event" ? "event" : "statement";
}

/** The picture's data for an answer: the listed items numbered as in the list, then the best other points. */
export function chartInput(a: TimelineAnswer): ChartInput {
  const listed = new Map<number, string>();
  let n = 0;
  for (const r of a.results) if (r.span) listed.set(r.ref, String(++n));
  const shown = a.points.filter((p) => listed.has(p.ref));
  for (const p of a.points) {
    if (shown.length >= Math.max(MAX_MARKS, listed.size)) break;
    if (!listed.has(p.ref)) shown.push(p);
  }
  const who = [a.actor, a.topic].filter(Boolean).join(" · ");
  const hidden = a.points.length - shown.length;
  const count = (n: number): string => n.toLocaleString("en-US");
  const parts = [`${count(a.points.length)} dated item${a.points.length === 1 ? "" : "s"}`];
  if (hidden > 0) parts.push(`the best ${count(shown.length)} drawn`);
  parts.push(`${count(a.undated)} undated (not placed)`);
  return {
    title: who ? `Timeline: ${who}` : "Timeline",
    subtitle: parts.join(" · "),
    marks: shown.map((p) => ({ start: p.span.start, end: p.span.end, kind: p.kind, polarity: p.polarity, label: listed.get(p.ref) ?? null })),
  };
}

const DAY_MS = 86_400_000;
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);

interface Row {
  start: number;
  /** The day after the last day: a bar ends where its last day ends. */
  end: number;
  mid: number;
  lane: string;
  row: number;
  colour: keyof typeof COLOURS;
  point: boolean;
  label: string;
}

/** Time domain with room on both sides, and never empty (one day still gets a readable axis). */
function domain(marks: ChartMark[]): [number, number] {
  if (marks.length === 0) {
    const now = Date.UTC(2000, 0, 1);
    return [now, now + 365 * DAY_MS];
  }
  const lo = Math.min(...marks.map((m) => ms(m.start)));
  const hi = Math.max(...marks.map((m) => ms(m.end) + DAY_MS));
  const pad = Math.max(20 * DAY_MS, (hi - lo) * 0.06);
  return [lo - pad, hi + pad];
}

/** Marks that would overlap go on another row of their lane (up to MAX_ROWS). */
function pack(marks: ChartMark[], [lo, hi]: [number, number]): Row[] {
  const gap = (hi - lo) * 0.035;
  const rows: Row[] = [];
  // The numbered (listed) marks first, so they get rows of their own before the rest crowds in.
  const sorted = [...marks].sort((a, b) => (a.label ? 0 : 1) - (b.label ? 0 : 1) || a.start.localeCompare(b.start));
  const ends = new Map<TimelineKind, number[]>();
  for (const m of sorted) {
    const start = ms(m.start);
    const end = ms(m.end) + DAY_MS;
    const laneEnds = ends.get(m.kind) ?? [];
    ends.set(m.kind, laneEnds);
    let row = laneEnds.findIndex((e) => e + gap <= start);
    if (row < 0 && laneEnds.length < MAX_ROWS) row = laneEnds.length;
    // No free row: the mark goes over others, and its number (which would print over another) is left off.
    const crowded = row < 0;
    if (crowded) row = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[row] = Math.max(laneEnds[row] ?? 0, end);
    rows.push({
      start,
      end,
      mid: (start + end) / 2,
      lane: LANES[m.kind],
      row,
      colour: colourKey(m),
      point: m.start === m.end,
      label: crowded ? "" : (m.label ?? ""),
    });
  }
  return rows;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Ticks and labels that suit the stretch shown: years, months, or days. */
function timeAxis([lo, hi]: [number, number]): { format: string; tickCount: { interval: "year" | "month" | "day"; step: number } } {
  const days = (hi - lo) / DAY_MS;
  if (days > 3 * 365) return { format: "%Y", tickCount: { interval: "year", step: Math.max(1, Math.ceil(days / 365 / 5)) } };
  if (days > 90) return { format: "%b %Y", tickCount: { interval: "month", step: Math.max(1, Math.ceil(days / 30 / 4)) } };
  return { format: "%-d %b %Y", tickCount: { interval: "day", step: Math.max(1, Math.ceil(days / 2.5)) } };
}

export function timelineSpec(input: ChartInput): TopLevelSpec {
  const dom = domain(input.marks);
  const rows = pack(input.marks, dom);
  const lanes = KINDS.filter((k) => input.marks.some((m) => m.kind === k)).map((k) => LANES[k]);
  const laneRows = Math.max(1, ...rows.map((r) => r.row + 1));
  const rowHeight = 28;
  const x = { field: "start", type: "temporal" as const, scale: { type: "utc" as const, domain: dom }, title: null, axis: timeAxis(dom) };
  // Only the colours in use are explained.
  const used = (Object.keys(COLOURS) as Array<keyof typeof COLOURS>).filter((k) => rows.some((r) => r.colour === k));
  const colour = {
    field: "colour",
    type: "nominal" as const,
    scale: { domain: used, range: used.map((k) => COLOURS[k]) },
    legend: { orient: "bottom" as const, direction: "horizontal" as const, title: null, columns: 5, symbolType: "circle", labelFontSize: 14, labelColor: INK },
  };
  const y = { field: "lane", type: "nominal" as const, sort: lanes, title: null, scale: { domain: lanes.length ? lanes : ["Statements"] } };
  const yOffset = { field: "row", type: "nominal" as const, scale: { domain: Array.from({ length: laneRows }, (_, i) => i) } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    // The whole picture, labels and padding included, is CHART_WIDTH wide.
    width: CHART_WIDTH,
    autosize: { type: "fit-x", contains: "padding" },
    height: { step: rowHeight, for: "offset" },
    background: BACKGROUND,
    padding: { left: 10, right: 16, top: 10, bottom: 10 },
    // Cut by characters here: without a canvas vega can only guess text widths, and guesses wide.
    title: {
      text: cut(input.title, 42),
      subtitle: cut(input.subtitle, 62),
      anchor: "start",
      fontSize: 18,
      fontWeight: 600,
      color: INK,
      subtitleColor: MUTED,
      subtitleFontSize: 14,
    },
    config: {
      font: FONT_FAMILY,
      view: { stroke: "#d0d7de" },
      axis: { labelColor: INK, labelFontSize: 14, tickColor: "#8c959f", domainColor: "#8c959f", gridColor: "#eaeef2" },
      axisX: { formatType: "utc", labelOverlap: true, labelFlush: true },
      axisY: { labelFontWeight: 600, grid: false, ticks: false, domain: false, labelPadding: 8 },
    },
    data: { values: rows as unknown as Array<Record<string, unknown>> },
    layer: [
      {
        transform: [{ filter: "!datum.point" }, { calculate: "datum.end", as: "end" }],
        mark: { type: "bar", height: 9, cornerRadius: 4, opacity: 0.85 },
        encoding: { x, x2: { field: "end" }, y, yOffset, color: colour },
      },
      {
        transform: [{ filter: "datum.point" }],
        mark: { type: "circle", size: 110, opacity: 1, stroke: BACKGROUND, strokeWidth: 1.5 },
        encoding: { x, y, yOffset, color: colour },
      },
      {
        transform: [{ filter: "datum.label != ''" }],
        mark: { type: "text", dy: -12, fontSize: 13, fontWeight: 600, color: INK },
        encoding: { x: { ...x, field: "mid" }, y, yOffset, text: { field: "label" } },
      },
    ],
  } as TopLevelSpec;
}

export async function timelineSvg(input: ChartInput): Promise<string> {
  // Loaded on first use: only pictures need them, and vega loaded before discord.js breaks the
  // latter's module initialisation (seen under vitest).
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  // Vega-Lite warns (on the console) about the shared time domain of the layers: nothing to act on.
  const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet } as unknown as NonNullable<
    Parameters<typeof compile>[1]
  >["logger"];
  const view = new vega.View(vega.parse(compile(timelineSpec(input), { logger: quiet }).spec), { renderer: "none", logLevel: vega.None });
  try {
    return await view.toSVG(CHART_SCALE);
  } finally {
    view.finalize();
  }
}

/** The PNG (rendered off the main thread by resvg), with its size in pixels. */
export async function timelinePng(input: ChartInput): Promise<ChartImage> {
  const svg = await timelineSvg(input);
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    logLevel: "off",
  });
  const png = image.asPng();
  return { png, width: image.width, height: image.height };
}
