// wordUsage answers what two regular expressions per word used to: the same answers, table-driven,
// including words the document never writes that way.
import { describe, expect, it } from "vitest";
import { wordUsage } from "../src/extract/word-usage.js";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const byRegex = (doc: string, w: string) => ({
  midSentence: new RegExp(`[^.!?"“\\s]\\s+${escape(w)}\\b`).test(doc),
  lower: new RegExp(`\\b${escape(w.toLowerCase())}\\b`).test(doc),
});

const cases: Array<[doc: string, word: string, midSentence: boolean, lower: boolean]> = [
  ["Harbors opened early. The mayor thanked Harbors for it.", "Harbors", true, false],
  ["Harbors opened early. Ships left the harbors at dawn.", "Harbors", false, true],
  ['Tolls rose. "Tolls hurt," one driver said.', "Tolls", false, false],
  ["Tolls rose! Tolls fell? Tolls stayed.", "Tolls", false, false],
  ["Crews met \n\t  Crews later.", "Crews", true, false],
  ["Grantham spoke; the Granthamshire board and grantham2 did not.", "Grantham", false, false],
  ["Ferries ran. The U.S. ferries ran too, and so did U.S. lines.", "U.S.", false, false],
  ["Nothing here mentions it at all.", "Pilots", false, false],
  ["the word pilots_ is joined; pilots-led crews flew.", "Pilots", false, true],
  ["Zürich voted. Zürich's council and zürich residents agreed.", "Zürich", false, true],
  ["Voters in Zürich agreed.", "Zürich", true, false],
  ["Over “Ports” and ports.", "Ports", false, true],
];

describe("wordUsage", () => {
  it.each(cases)("%s — %s", (doc, word, midSentence, lower) => {
    const got = wordUsage(doc)(word);
    expect(got).toEqual({ midSentence, lower });
    expect(got).toEqual(byRegex(doc, word));
  });

  it("agrees with the regular expressions on every capitalized word of a longer text", () => {
    const doc =
      'Lena Ortiz said Monday. Ortiz, a pilot, told Reuters: "Fares will rise." Fares did.\nThe board met. Board members and the ortiz family left. A.B.C. Ltd. sold (ABC) shares.';
    const usage = wordUsage(doc);
    for (const w of new Set(doc.match(/\p{Lu}[\p{L}.'’-]*/gu))) expect(usage(w)).toEqual(byRegex(doc, w));
  });
});
