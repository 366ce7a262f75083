// The edges of an article: a file with no title keeps its first sentence, and a closing sentence
// full of figures is article text, not page furniture. Made-up files.
import { describe, expect, it } from "vitest";
import { features } from "../src/knowledge/boilerplate.js";
import { parseDocument } from "../src/knowledge/document.js";

const BODY = ["Members said the dredging would cost more than first expected.", "The work will start in the autumn, the board said in a statement."];

describe("a plain-text file without a title", () => {
  it.each([
    ["a sentence", "The harbour board met on Monday to approve the dredging plan."],
    ["a short sentence", "The harbour board met on Monday."],
    ["a question", "Will the harbour ever be dredged again?"],
  ])("keeps its first line when it is %s", (_kind, first) => {
    const d = parseDocument("board.txt", "txt", [first, ...BODY].join("\n"));
    expect(d.passages.map((p) => p.text)).toContain(first);
    expect(d.title).not.toBe(first);
  });

  it("still takes a headline-like first line as the title", () => {
    const d = parseDocument("board.txt", "txt", ["Harbour board backs dredging plan", ...BODY].join("\n"));
    expect(d.title).toBe("Harbour board backs dredging plan");
    expect(d.passages.map((p) => p.text)).not.toContain("Harbour board backs dredging plan");
  });
});

describe("sentences about numbers", () => {
  it.each(["It closed at 10,520.33, up 1.2%.", "The index ended at 7,114.3, down 251.4, or 3.4%."])("%s is not furniture and stays in the article", (last) => {
    expect(features(last).furniture).toBe(false);
    const d = parseDocument("markets.txt", "txt", ["Markets slide for a third day", ...BODY, last].join("\n"));
    expect(d.passages.map((p) => p.text)).toContain(last);
  });

  it.each(["Tel. 555-0142 / 555-0199", "12.40 | 13.10 | 9.80", "© 2021 Harbour News"])("%s is still furniture", (line) => {
    expect(features(line).furniture).toBe(true);
  });
});
