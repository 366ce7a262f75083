// Plain-text lines into units, and units into sentences: where a break is and is not.
import { describe, expect, it } from "vitest";
import { unitsFromPlainLines } from "../src/knowledge/units.js";
import { splitSentences } from "../src/text/sentences.js";

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));
const unitTexts = (...texts: string[]) => unitsFromPlainLines(lines(...texts)).map((u) => u.text);

describe("unitsFromPlainLines: a quotation closed by a comma waits for its attribution", () => {
  it.each([
    ["straight quotes", '"We will keep the depot open through the winter months,"', "Omar Haddad, the transit director, said on Friday."],
    ["curly quotes", "“Nobody on the council saw the final figures before the vote,”", "Greta Lind, a councillor for the harbour ward, wrote."],
  ])("%s: one unit", (_name, first, second) => {
    expect(unitTexts(first, second)).toEqual([`${first} ${second}`]);
  });

  it.each([
    [
      "a quotation closed by a full stop",
      '"The depot stays open through the winter months for everyone."',
      "Omar Haddad spoke to reporters on Friday afternoon.",
    ],
    ["a comma inside no quotation", "The depot stays open through the winter months, the board says.", "Omar Haddad spoke to reporters on Friday afternoon."],
  ])("%s: two units", (_name, first, second) => {
    expect(unitTexts(first, second)).toEqual([first, second]);
  });
});

describe("splitSentences: rank abbreviations do not end a sentence", () => {
  const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

  it.each(["Lieut.", "Comdr.", "Cdr.", "Pfc.", "Asst.", "Sens."])("%s Ames is one sentence", (abbr) => {
    const t = `The report was signed by ${abbr} Ames of the harbour patrol. It was filed on Monday.`;
    expect(texts(t)).toEqual([`The report was signed by ${abbr} Ames of the harbour patrol.`, "It was filed on Monday."]);
  });

  it("a sentence that ends in a plain word still ends there", () => {
    expect(texts("The patrol returned to port. Comdr. Ames said the night was quiet.")).toHaveLength(2);
  });
});
