// "Show source" in a process without the knowledge folder (PostgreSQL on another machine): the
// cited lines come from the passages the store holds, and a line no passage covers is not invented.
import { describe, expect, it } from "vitest";
import { lookupSource } from "../src/bot/source-view.js";
import { engineFor } from "./helpers.js";

// engineFor removes the folder once the engine is built: exactly a process without the folder.
const engine = engineFor({
  "dam.txt": [
    "Dam repairs",
    "",
    "April 4, 2019",
    "",
    "The engineers inspected the dam on Friday.",
    "",
    '"The spillway needs new gates," said Lena Roos, the chief engineer.',
  ].join("\n"),
});

describe("lookupSource without the knowledge folder", () => {
  it("shows the cited line as indexed, with its neighbours that passages cover, and says where it comes from", async () => {
    const found = await lookupSource(engine, engine.corpus.root, "dam.txt", 7, 7);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.view.lines.find((l) => l.cited)).toEqual({
      n: 7,
      text: expect.stringContaining('"The spillway needs new gates," said Lena Roos'),
      cited: true,
    });
    expect(found.view.lines.map((l) => l.n)).toContain(5);
    expect(found.view.lines.map((l) => l.n)).not.toContain(6); // the empty line between paragraphs is in no passage
    expect(found.view).toMatchObject({ title: engine.corpus.documents[0]!.title, note: expect.stringContaining("not on this machine") });
  });

  it("says so for lines no passage holds, and for a file the index does not have", async () => {
    expect(await lookupSource(engine, engine.corpus.root, "dam.txt", 40, 41)).toMatchObject({
      ok: false,
      message: expect.stringContaining("not in the index"),
    });
    expect(await lookupSource(engine, engine.corpus.root, "other.txt", 1, 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining("`other.txt` is not in the index"),
    });
  });
});
