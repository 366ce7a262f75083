// PDF layout from positioned text, without a parser: columns, furniture, paragraphs, and where
// a document-wide line falls on its page.
import { describe, expect, it } from "vitest";
import { pageOf } from "../src/answer/citation.js";
import { findGutter, furnitureLines, layoutPdf, pageLines, type PdfItem, type PdfPage } from "../src/knowledge/readers/pdf-layout.js";
import { placeLabel } from "../src/render/place.js";

const W = 600;
const H = 800;
/** A line of text at `top` (from the top of the page), about 5.5 points a character. */
const at = (str: string, x: number, top: number, h = 10): PdfItem => ({ str, x, y: H - top, w: str.length * 5.5, h });
const page = (items: PdfItem[]): PdfPage => ({ width: W, height: H, items });

describe("findGutter", () => {
  it("finds the empty middle of a two-column page", () => {
    const items = [0, 1, 2, 3].flatMap((i) => [at("left column words here", 50, 100 + i * 14), at("right column words too", 320, 100 + i * 14)]);
    const x = findGutter(page(items));
    expect(x).toBeGreaterThan(50 + 22 * 5.5);
    expect(x).toBeLessThan(320);
  });

  it.each([
    ["one column of full lines", [0, 1, 2, 3, 4, 5].map((i) => at("a long line of prose that runs across most of the page width ok", 50, 100 + i * 14))],
    ["a ragged single column", [0, 1, 2, 3, 4, 5].map((i) => at(i % 2 ? "short" : "a longer line of text here", 50, 100 + i * 14))],
    ["a label beside each line", [0, 1, 2].flatMap((i) => [at("name", 50, 100 + i * 14)])],
  ])("finds none on %s", (_name, items) => expect(findGutter(page(items))).toBeNull());
});

describe("furnitureLines", () => {
  it("drops a repeated header and page numbers at the edges, not repeated body text", () => {
    const words = ["apples", "pears", "plums"];
    const pages = [1, 2, 3].map((n) => {
      const w = words[n - 1]!;
      const body = [`Growers of ${w} met.`, `Prices of ${w} fell.`, "Thanks for reading.", `Stocks of ${w} rose.`, `Exports of ${w} grew.`];
      return pageLines(page([at("Quarterly Bulletin · Issue 4", 50, 30), ...body.map((t, i) => at(t, 50, 100 + i * 14)), at(`- ${n} -`, 290, 780)]), n);
    });
    const dropped = [...furnitureLines(pages)].map((l) => l.text);
    expect(dropped).toEqual(["Quarterly Bulletin · Issue 4", "- 1 -", "Quarterly Bulletin · Issue 4", "- 2 -", "Quarterly Bulletin · Issue 4", "- 3 -"]);
  });

  it("drops nothing from a single page without numbers", () => {
    expect(furnitureLines([pageLines(page([at("A heading", 50, 30), at("One sentence of text.", 50, 60)]), 1)]).size).toBe(0);
  });
});

describe("layoutPdf paragraphs", () => {
  it("joins wrapped lines and a hyphenated word, and breaks after a short line", () => {
    const { units } = layoutPdf([
      page([
        at("The river authority published a long report on the flood-", 50, 100),
        at("plain maps and asked the towns along the water for comments on it", 50, 114),
        at("before the summer.", 50, 128),
        at("A second paragraph starts here and runs on for a good while yet", 50, 142),
      ]),
    ]);
    expect(units.map((u) => u.text)).toEqual([
      "The river authority published a long report on the floodplain maps and asked the towns along the water for comments on it before the summer.",
      "A second paragraph starts here and runs on for a good while yet",
    ]);
    const text = units[0]!.text;
    expect(units[0]!.lineMap).toEqual([
      [0, 1],
      [text.indexOf("plain maps"), 2],
      [text.indexOf("before the"), 3],
    ]);
  });

  it("keeps a menu's short lines apart", () => {
    const { units } = layoutPdf([page([at("Home", 50, 100), at("World", 50, 114), at("Business and markets in a long line of text here", 50, 128)])]);
    expect(units.map((u) => u.text)).toEqual(["Home", "World", "Business and markets in a long line of text here"]);
  });
});

describe("page places", () => {
  it.each([
    [[1, 41, 80], 1, { page: 1, line: 1 }],
    [[1, 41, 80], 40, { page: 1, line: 40 }],
    [[1, 41, 80], 41, { page: 2, line: 1 }],
    [[1, 41, 80], 95, { page: 3, line: 16 }],
  ])("pageOf(%j, %i)", (starts, line, want) => expect(pageOf(starts, line)).toEqual(want));

  it.each([
    [{ lineStart: 12, lineEnd: 14 }, "lines 12–14"],
    [{ lineStart: 3, lineEnd: 3, page: 2 }, "p. 2, line 3"],
    [{ lineStart: 12, lineEnd: 14, page: 3 }, "p. 3, lines 12–14"],
    [{ lineStart: 40, lineEnd: 2, page: 3, pageEnd: 4 }, "p. 3, line 40 – p. 4, line 2"],
  ])("placeLabel(%j)", (place, want) => expect(placeLabel(place)).toBe(want));
});
