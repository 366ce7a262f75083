// /timeline's answer, its terminal and JSON forms, and its picture: the items for an actor and a
// topic on the bundled documents, dates as spans, empty and one-item timelines, and a corpus of
// 10,000 dated facts (drawn with its best marks; no timing is asserted here).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dateSpan } from "../src/answer/date-span.js";
import { Engine } from "../src/runtime/engine.js";
import { answerTimeline, type TimelineFacts } from "../src/answer/timeline.js";
import { askTimeline, routeTimeline } from "../src/answer/timeline-route.js";
import type { DocumentRecord, Passage, Quote } from "../src/types.js";
import { timelineJson } from "../src/render/json.js";
import { CHART_SCALE, CHART_WIDTH, chartInput, MAX_MARKS, timelinePng, timelineSpec } from "../src/render/timeline-chart.js";
import { renderTimeline, TIMELINE_FILE } from "../src/render/timeline-discord.js";
import { renderTimelineText } from "../src/render/timeline-text.js";
import { replyOptions, updateOptions } from "../src/bot/respond.js";
import { editBody, messageBody } from "../src/http/callback.js";
import { engineFor } from "./helpers.js";

const bundled = Engine.fromFolder("knowledge", { onWarning: () => {} });
const OUT = join("test", "out");

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function keep(name: string, png: Buffer): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), png);
}

describe("dateSpan", () => {
  it.each([
    ["2019-07-15", { start: "2019-07-15", end: "2019-07-15", precision: "day" }],
    ["2019-07", { start: "2019-07-01", end: "2019-07-31", precision: "month" }],
    ["2020-02", { start: "2020-02-01", end: "2020-02-29", precision: "month" }],
    ["2019", { start: "2019-01-01", end: "2019-12-31", precision: "year" }],
    ["2019-Q3", { start: "2019-07-01", end: "2019-09-30", precision: "quarter" }],
    ["2019-H2", { start: "2019-07-01", end: "2019-12-31", precision: "half" }],
    ["2020-W01", { start: "2019-12-30", end: "2020-01-05", precision: "week" }],
    ["201", { start: "2010-01-01", end: "2019-12-31", precision: "decade" }],
    ["18", { start: "1800-01-01", end: "1899-12-31", precision: "century" }],
    ["198/199", { start: "1980-01-01", end: "1999-12-31", precision: "interval" }],
    ["2019-03/2019-05", { start: "2019-03-01", end: "2019-05-31", precision: "interval" }],
  ])("%s", (value, span) => expect(dateSpan(value)).toEqual(span));

  it.each([null, "", "PRESENT_REF", "2019-13", "2019-02-30", "2019-W60", "2019-H3", "2019-05/2019-03", "next week", "1", "18-05"])(
    "places nothing for %j",
    async (value) => {
      expect(dateSpan(value)).toBeNull();
    },
  );
});

describe("timeline answers on the bundled documents", { timeout: 60_000 }, () => {
  it("an actor and a topic: the dated statements in time order with file and line, the undated counted", async () => {
    const a = await bundled.timeline("United States", "Huawei", 10);
    const dated = a.results.filter((r) => r.date);
    expect(dated.length).toBeGreaterThan(0);
    expect(a.points).toHaveLength(dated.length);
    expect(a.undated).toBe(a.results.length - dated.length);
    expect(a.undated).toBeGreaterThan(0);
    const starts = dated.map((r) => r.span!.start);
    expect(starts).toEqual([...starts].sort());
    for (const r of dated) {
      expect(r.who).toMatch(/\b(US|U\.S\.|United States)\b/);
      expect(r.source.file).toMatch(/\.txt$/);
      expect(r.source.lineStart).toBeGreaterThan(0);
      // Dated by the document (the only dated article) or by time words in the sentence itself.
      expect(r.dateFrom === "document" ? r.date : r.expression).toBeTruthy();
    }
    // Undated ones come after every dated one, never placed.
    expect(a.results.slice(dated.length).every((r) => r.date === null && r.span === null)).toBe(true);
  });

  it("a topic alone: anyone's statements and the topic's dated events", async () => {
    const a = await bundled.timeline("", "Huawei", 15);
    expect(a.actor).toBeNull();
    const who = new Set(a.results.map((r) => r.who));
    expect(who.size).toBeGreaterThan(1);
    expect(a.points.length).toBeGreaterThanOrEqual((await bundled.timeline("United States", "Huawei", 15)).points.length);
  });

  it.each([
    ["nobody the documents know", "Zebulon Quartermaine", undefined, /no quotations or stances/],
    ["an actor, but not about the topic", "United States", "marmalade sandwiches", /nothing from "United States" about "marmalade sandwiches"/],
    ["a topic nothing mentions", "", "marmalade sandwiches", /nothing dated about/],
    ["neither actor nor topic", "", undefined, /Give an actor, a topic, or both/],
    ["an actor too long", "x".repeat(5000), undefined, /5,000 characters long/],
  ])("finds nothing for %s, and says why", async (_what, actor, topic, message) => {
    const a = await bundled.timeline(actor, topic, 10);
    expect(a.results).toEqual([]);
    expect(a.points).toEqual([]);
    expect(a.message).toMatch(message);
  });

  it("a month is a span, a day a point; the text gives the date over the article's own", async () => {
    const engine = engineFor({
      "a.txt":
        'date: 2021-06-10\n\nOrchard growers met in the valley.\n\nIn March 2021 Mira Holt, the orchard council chair, said: "The cider quota hurts small presses."\n\nMira Holt said: "We will sue over the cider quota."\n',
    });
    const a = await engine.timeline("Mira Holt", "cider quota", 10);
    expect(a.results.map((r) => [r.date, r.span?.precision, r.dateFrom])).toEqual([
      ["2021-03", "month", "text"],
      ["2021-06-10", "day", "document"],
    ]);
    const text = renderTimelineText(a);
    expect(text).toMatch(/── 2021\n1\. March 2021 \(month\) — Mira Holt · said/);
    expect(text).toContain("a.txt:5");
    expect(text.indexOf("March 2021")).toBeLessThan(text.indexOf("10 June 2021"));
  });
});

describe("timeline JSON", () => {
  it("carries the items with date and source, and the counts (additive to the contract)", async () => {
    const json = timelineJson(await bundled.timeline("United States", "Huawei", 10));
    expect(Object.keys(json)).toEqual(["command", "actor", "topic", "dated", "undated", "results"]);
    expect(json).toMatchObject({ command: "timeline", actor: "United States", topic: "Huawei" });
    const results = json.results as Array<Record<string, unknown>>;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r).toHaveProperty("date");
      expect(Object.keys(r.source as object)).toEqual(["file", "lineStart", "lineEnd", "excerpt", "url"]);
    }
  });
});

/** Plain facts for a synthetic corpus: one quotation a passage, each document dated. */
function syntheticFacts(n: number): TimelineFacts {
  const documents: DocumentRecord[] = [];
  const passages: Passage[] = [];
  const quotes: Quote[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2010, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, i % 3 === 0 ? 7 : 10);
    const text = `Councillor Vale said: "The bridge toll number ${i} must fall."`;
    documents.push({
      id: i,
      file: `notes/${i}.txt`,
      format: "txt",
      title: `Note ${i}`,
      date: day,
      url: null,
      author: null,
      bytes: text.length,
      hash: String(i),
      passageIds: [i],
      warnings: [],
    });
    passages.push({ id: i, docId: i, file: `notes/${i}.txt`, text, lineStart: 3, lineEnd: 3, lineMap: [[0, 3]], sentences: [{ start: 0, end: text.length }] });
    const start = text.indexOf('"') + 1;
    quotes.push({
      id: i,
      passageId: i,
      text: text.slice(start, text.length - 1),
      start,
      end: text.length - 1,
      speaker: "Councillor Vale",
      role: null,
      speakerKind: "person",
      via: "test",
      direct: true,
    });
  }
  return { documents, passage: (id) => passages[id]!, quotes, stances: [], timesIn: () => [], passagesAbout: () => [], citation: {} };
}

// Generous timeouts: rendering on a busy 2-core CI box can be slow; nothing here is timed.
describe("the timeline picture", { timeout: 120_000 }, () => {
  it("the bundled US-on-Huawei timeline is a valid PNG of the expected width", async () => {
    const a = await bundled.timeline("United States", "Huawei", 10);
    const image = await timelinePng(chartInput(a));
    expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
    expect(image.width).toBe(CHART_WIDTH * CHART_SCALE);
    expect(image.height).toBeGreaterThan(200);
    expect(image.height).toBeLessThan(image.width);
    keep("timeline-us-huawei.png", image.png);
    const message = renderTimeline(a, image);
    expect(message.files?.[0]).toMatchObject({ name: TIMELINE_FILE });
    expect(message.embeds[0]!.image?.url).toBe(`attachment://${TIMELINE_FILE}`);
    expect(message.embeds[0]!.description).toMatch(/\*\*1\. 2 September 2019/);
  });

  it("one item: a single numbered dot; no items: an empty axis still renders", async () => {
    const one = await engineFor({ "b.txt": 'date: 2022-04-02\n\nIvo Brenn, a ferry pilot, said: "The fog horn is too quiet."\n' }).timeline(
      "Ivo Brenn",
      undefined,
      10,
    );
    expect(one.points).toHaveLength(1);
    const input = chartInput(one);
    expect(input.marks).toEqual([{ start: "2022-04-02", end: "2022-04-02", kind: "quote", polarity: null, label: "1" }]);
    const image = await timelinePng(input);
    expect(pngSize(image.png).width).toBe(CHART_WIDTH * CHART_SCALE);
    keep("timeline-one.png", image.png);

    const empty = await timelinePng({ title: "Timeline", subtitle: "0 dated items", marks: [] });
    expect(pngSize(empty.png).width).toBe(CHART_WIDTH * CHART_SCALE);
  });

  it("10,000 dated facts: all counted, the best MAX_MARKS drawn, the listed ones numbered", async () => {
    const a = answerTimeline(syntheticFacts(10_000), "Councillor Vale", "bridge toll", 10);
    expect(a.points).toHaveLength(10_000);
    expect(a.results).toHaveLength(10);
    const input = chartInput(a);
    expect(input.marks).toHaveLength(MAX_MARKS);
    expect(
      input.marks
        .filter((m) => m.label)
        .map((m) => m.label)
        .sort(),
    ).toEqual(["1", "10", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(input.subtitle).toContain(`10,000 dated items · the best ${MAX_MARKS} drawn`);
    // Months are bars, days dots.
    expect(input.marks.some((m) => m.start !== m.end)).toBe(true);
    const spec = timelineSpec(input) as unknown as { data: { values: Array<{ label: string }> } };
    expect(JSON.stringify(spec)).toContain('"type":"utc"');
    // Numbers that would print over each other are left off; those shown are distinct, 1 among them.
    const drawn = spec.data.values.map((v) => v.label).filter(Boolean);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn).toContain("1");
    const image = await timelinePng(input);
    expect(pngSize(image.png).width).toBe(CHART_WIDTH * CHART_SCALE);
    keep("timeline-10000.png", image.png);
  });
});

describe("routeTimeline", { timeout: 60_000 }, () => {
  it.each([
    ["/timeline actor:United States topic:Huawei", { actor: "United States", topic: "Huawei", loose: false }],
    ["/timeline topic:5G security", { actor: null, topic: "5G security", loose: false }],
    ["timeline of Mira Holt on the cider quota?", { actor: "Mira Holt", topic: "the cider quota", loose: false }],
    ["Timeline for Mira Holt", { actor: "Mira Holt", topic: null, loose: true }],
    ["/timeline", { actor: null, topic: null, loose: true }],
  ])("%s", (text, expected) => expect(routeTimeline(text)).toEqual(expected));

  it.each(["timelines are hard to draw", "who said timeline?", "what is the timeline", ""])("is not a timeline: %j", async (text) => {
    expect(routeTimeline(text)).toBeNull();
  });

  it("loose words that name no actor are asked as a topic", async () => {
    const asked: Array<[string, string | undefined]> = [];
    const a = await askTimeline((actor, topic) => {
      asked.push([actor, topic]);
      return bundled.timeline(actor, topic, 5);
    }, routeTimeline("timeline of Huawei 5G security")!);
    expect(asked).toEqual([
      ["Huawei 5G security", undefined],
      ["", "Huawei 5G security"],
    ]);
    expect(a.actor).toBeNull();
    expect(a.results.length).toBeGreaterThan(0);
  });
});

describe("attachments on the wire", () => {
  const message = {
    embeds: [{ title: "t", image: { url: "attachment://timeline.png" } }],
    components: [],
    files: [{ name: "timeline.png", data: Buffer.from([1, 2, 3]), description: "a picture" }],
  };

  it("the HTTP endpoint's bodies name the attachment (the file goes as a multipart part)", async () => {
    expect(editBody(message)).toMatchObject({ attachments: [{ id: 0, filename: "timeline.png", description: "a picture" }] });
    expect(messageBody(message, false)).toMatchObject({ attachments: [{ id: 0, filename: "timeline.png" }] });
    // Messages without files keep their bodies as they were.
    expect(editBody({ embeds: [], components: [] })).not.toHaveProperty("attachments");
  });

  it("discord.js gets the file's bytes and name; a message without files gets no files field", async () => {
    expect(replyOptions(message, false).files).toEqual([{ attachment: message.files[0]!.data, name: "timeline.png", description: "a picture" }]);
    expect(updateOptions(message).files).toHaveLength(1);
    expect(replyOptions({ embeds: [], components: [] }, false)).not.toHaveProperty("files");
  });
});
