// Many near-identical copies of one story (a wire story reprinted by many outlets) must not make
// an answer vanish or fill every result slot: who-said answers once, cites the copy the words fit
// best (the earliest dated among equals) and says how many other documents carry the words.
// The article is written for this test.
import { describe, expect, it } from "vitest";
import { renderAnswer } from "../src/render/discord.js";
import { toJson } from "../src/render/json.js";
import { renderText } from "../src/render/text.js";
import { engineFor } from "./helpers.js";

const COPIES = 30;
/** The copy dated earliest: not the first file, so "first in the folder" cannot pass for "earliest". */
const EARLIEST = 17;

function article(i: number, opts: { minutes?: string } = {}): string {
  const day = i === EARLIEST ? 2 : 3 + (i % 25);
  return [
    `date: 2023-04-${String(day).padStart(2, "0")}`,
    "",
    "Bridge repairs to close the river road",
    "",
    "The county will close the river road for six weeks while crews repair the old stone bridge, officials said on Monday.",
    "",
    "“We cannot keep patching a bridge that was built for horses,” said county engineer Marta Olsen.",
    "",
    `Shop owners on the east bank worry about lost trade. “Nobody will drive an extra ${opts.minutes ?? "twenty"} minutes for bread,” said baker Luis Ortega.`,
    "",
    "The work is due to start in June.",
  ].join("\n");
}

function corpus(copies: number, changed: Record<number, { minutes: string }> = {}): Record<string, string> {
  const files: Record<string, string> = {
    "notes/other.txt": "date: 2023-05-01\n\nA different story\n\n“The ferry will run every hour,” said harbour master Ines Roth.\n",
  };
  for (let i = 0; i < copies; i++) files[`outlet${String(i).padStart(2, "0")}/bridge.txt`] = article(i, changed[i]);
  return files;
}

describe(`who-said over ${COPIES} copies of one article`, () => {
  const engine = engineFor(corpus(COPIES, { 5: { minutes: "forty" } }));

  it("answers once, from the earliest copy, and counts the others", async () => {
    const a = await engine.whoSaid("patching a bridge that was built");
    expect(a.results).toHaveLength(1);
    const [r] = a.results;
    expect(r!.speaker).toBe("Marta Olsen");
    expect(r!.source.file).toBe(`outlet${EARLIEST}/bridge.txt`);
    expect(r!.copies).toBe(COPIES - 1);
  });

  it("reports the count in JSON as an optional field after the contract's", async () => {
    const json = toJson(await engine.whoSaid("patching a bridge that was built")) as { results: Array<Record<string, unknown>> };
    expect(Object.keys(json.results[0]!)).toEqual(["speaker", "role", "quote", "source", "copies"]);
    expect(json.results[0]!.copies).toBe(COPIES - 1);
  });

  it("says so in the terminal and in Discord", async () => {
    const a = await engine.whoSaid("patching a bridge that was built");
    expect(renderText(a)).toContain(`also in ${COPIES - 1} other documents`);
    const ids = { source: (_: unknown, i: number) => `src:${i}`, more: (offset: number) => `more:${offset}` };
    expect(renderAnswer(a, { ids }).message.embeds[0]!.title).toBe(`Marta Olsen — county engineer · also in ${COPIES - 1} other documents`);
  });

  it("cites the copy asked about when one copy's words differ", async () => {
    const a = await engine.whoSaid("drive an extra forty minutes for bread");
    expect(a.results[0]?.speaker).toBe("Luis Ortega");
    expect(a.results[0]?.source.file).toBe("outlet05/bridge.txt");
    expect(a.results[0]?.copies).toBeUndefined();
  });

  it.each(["bridge horses minutes bread extra", "the county will keep patching the ferry"])(
    "finds nothing for words the copies never say together: %s",
    async (q) => {
      expect((await engine.whoSaid(q)).results).toEqual([]);
    },
  );
});

describe("who-said when more copies hold the words than an answer reads", () => {
  const engine = engineFor(corpus(45));

  it("still answers, once, and counts the copies it read", async () => {
    const a = await engine.whoSaid("Nobody will drive an extra twenty minutes");
    expect(a.results).toHaveLength(1);
    expect(a.results[0]!.speaker).toBe("Luis Ortega");
    expect(a.results[0]!.copies).toBeGreaterThanOrEqual(COPIES - 1);
  });
});

describe("a quotation in a single document", () => {
  const engine = engineFor(corpus(1));

  it("has no copy count", async () => {
    const a = await engine.whoSaid("patching a bridge that was built");
    expect(a.results[0]?.speaker).toBe("Marta Olsen");
    expect(a.results[0]?.copies).toBeUndefined();
    const json = toJson(a) as { results: Array<Record<string, unknown>> };
    expect(Object.keys(json.results[0]!)).not.toContain("copies");
  });
});
