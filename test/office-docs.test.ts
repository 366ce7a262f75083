// PDF and Word files through the loader, from fixtures the tests generate (pdf-lib, docx):
// columns, repeated headers, page numbers, hyphenation, a quotation across a page break,
// metadata, and the files that must be refused with one line (scanned, encrypted, broken).
import { renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AlignmentType, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, FootnoteReferenceRun } from "docx";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { answer } from "../src/answer/dispatch.js";
import { Engine } from "../src/runtime/engine.js";
import { EngineHolder } from "../src/runtime/holder.js";
import { buildCorpus } from "../src/corpus.js";
import { startLiveReload } from "../src/live-reload.js";
import { toJson } from "../src/render/json.js";
import { renderText } from "../src/render/text.js";
import { tempDir, writeKnowledge } from "./helpers.js";
import { docxOf, PAGE, pdfWithPages, type PlacedText } from "./support/office-files.js";

const TIMEOUT = { timeout: 60_000 };

/** Lines of body text from the top, one every 15 points. */
const column = (lines: string[], x: number, firstTop = 120): PlacedText[] => lines.map((text, i) => ({ text, x, top: firstTop + i * 15 }));

async function corpusOf(files: Record<string, Uint8Array | Buffer>) {
  const t = writeKnowledge(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])));
  const warnings: string[] = [];
  try {
    return { corpus: buildCorpus(t.dir, { onWarning: (w) => warnings.push(w) }), warnings };
  } finally {
    t.cleanup();
  }
}

const allText = (c: { passages: Array<{ text: string }> }): string => c.passages.map((p) => p.text).join("\n");

describe("PDF documents", TIMEOUT, () => {
  it("reads a two-column page column by column, under a full-width headline", async () => {
    const left = [
      "The harbour board met on Monday to",
      "weigh the plan for a second quay,",
      "which would double the cargo space.",
      "Members argued for most of the day.",
    ];
    const right = [
      "In the evening the chair told the",
      "press that a vote would follow soon,",
      "once the engineers had reported on",
      "the soil under the old warehouses.",
    ];
    const pdf = await pdfWithPages([[{ text: "Harbour Board Weighs Second Quay", x: 60, top: 70, size: 18 }, ...column(left, 60), ...column(right, 320)]]);
    const { corpus } = await corpusOf({ "quay.pdf": pdf });
    const doc = corpus.documents[0]!;
    expect(doc.title).toBe("Harbour Board Weighs Second Quay");
    const text = allText(corpus);
    expect(text).toContain("to weigh the plan for a second quay, which would double the cargo space.");
    expect(text).toContain("told the press that a vote would follow soon, once the engineers");
    // Left column before right column, never interleaved line by line.
    expect(text.indexOf("Members argued")).toBeLessThan(text.indexOf("In the evening"));
    expect(text).not.toMatch(/Monday to In the evening/);
  });

  it("drops a header repeated on every page and page numbers, and joins a hyphenated word", async () => {
    const pages: PlacedText[][] = [];
    const body = [
      [
        "The committee published its findings on the ferry service",
        "after two years of hearings with operators and passen-",
        "gers from both islands, and it asked for new timetables.",
      ],
      ["Several members said the old boats should be retired early", "because repairs now cost more each winter than leasing."],
      ["The operators replied that new boats would take four years", "to build and that fares would rise in the meantime."],
    ];
    body.forEach((lines, i) =>
      pages.push([
        { text: "Island Transport Review · Spring Edition", x: 60, top: 40, size: 9 },
        ...column(lines, 60),
        { text: `${i + 1}`, x: PAGE.width / 2, top: PAGE.height - 30, size: 9 },
      ]),
    );
    const { corpus } = await corpusOf({ "ferry.pdf": await pdfWithPages(pages) });
    const text = allText(corpus);
    expect(text).toContain("with operators and passengers from both islands");
    expect(text).not.toContain("passen- gers");
    expect(text).not.toContain("Island Transport Review");
    expect(corpus.passages.some((p) => /^\d+$/.test(p.text.trim()))).toBe(false);
    // Each page's lines count from its top: the header is line 1, so body text starts on line 2.
    expect(corpus.documents[0]!.pageStarts).toEqual([1, 6, 10]);
  });

  it("says on which page and line words nobody is credited with appear", async () => {
    const pages: PlacedText[][] = [
      column(["Gull Island Ferry Review", "", "The ferry board met on Friday to discuss the winter timetable."], 60),
      column(['A sign on the pier read "mind the gap between boat and berth" for years.'], 60),
    ];
    const t = writeKnowledge({ "pier.pdf": Buffer.from(await pdfWithPages(pages)) });
    try {
      const engine = Engine.fromFolder(t.dir, { onWarning: () => {} });
      const a = await engine.whoSaid("mind the gap between boat and berth");
      expect(a.results).toEqual([]);
      expect(a.message).toMatch(/^Those words appear in pier\.pdf \(p\. 2, line 1\), but the text does not say who said them\.$/);
    } finally {
      t.cleanup();
    }
  });

  it("keeps a quotation that runs across a page break in one passage, cited with both pages", async () => {
    const first = [
      "The mayor spoke to reporters outside the town hall after the",
      "council vote on the new library. “We have waited a long time for",
      "a building that everyone can use, and the money is finally there,",
      "so construction will begin before the end of the year and the doors",
      "will open to the public by the following autumn at the latest,",
    ];
    const second = ["whatever the weather does to the schedule,” said Mayor Lena Ortiz.", "The library will hold a café and a workshop for repairs."];
    const pdf = await pdfWithPages([column(first, 60, 80), column(second, 60, 80)], { title: "New library approved" });
    const t = writeKnowledge({ "library.pdf": Buffer.from(pdf) });
    try {
      const engine = await Engine.fromFolder(t.dir, { onWarning: () => {}, sourceBaseUrl: "https://files.example.org/kb" });
      const out = toJson(await answer(engine, { command: "who-said", query: "a building that everyone can use" })) as {
        results: Array<{ speaker: string; quote: string; source: Record<string, unknown> }>;
      };
      const top = out.results[0]!;
      expect(top.speaker).toContain("Lena Ortiz");
      expect(top.quote).toContain("doors will open to the public");
      expect(top.source).toMatchObject({ file: "library.pdf", page: 1, pageEnd: 2, lineEnd: 1 });
      expect(top.source.url).toBe("https://files.example.org/kb/library.pdf#page=1");
      const text = renderText(await answer(engine, { command: "who-said", query: "a building that everyone can use" }));
      expect(text).toContain("library.pdf · p. 1, line 2 – p. 2, line 1");
      expect(engine.corpus.documents[0]!.title).toBe("New library approved");
    } finally {
      t.cleanup();
    }
  });

  it("takes the date from the text first and the creation date only when the text has none", async () => {
    const lines = ["The water utility raised its rates for the coming year after a", "long review of the pipes under the old town and the river crossings."];
    const created = new Date(Date.UTC(2021, 4, 17));
    const dated = await pdfWithPages([[{ text: "March 3, 2020", x: 60, top: 90 }, ...column(lines, 60)]], { created });
    const undated = await pdfWithPages([column(lines, 60)], { created, title: "Microsoft Word - rates.docx" });
    const { corpus } = await corpusOf({ "a.pdf": dated, "b.pdf": undated });
    const [a, b] = corpus.documents;
    expect(a!.date).toBe("2020-03-03");
    expect(b!.date).toBe("2021-05-17");
    // A title the tool wrote by itself is no title: the file name stands in.
    expect(b!.title).toBe("b");
  });

  it("refuses a scanned, an encrypted and a broken PDF with one line each, and indexes the rest", async () => {
    const scanned = await PDFDocument.create({ updateMetadata: false });
    scanned.addPage([PAGE.width, PAGE.height]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    const locked = await PDFDocument.create({ updateMetadata: false });
    locked.addPage([PAGE.width, PAGE.height]).drawText("Secret text.", { x: 60, y: 700 });
    // A standard security handler whose user password is not empty: a reader must ask for it.
    const filler = PDFString.of("0123456789abcdef0123456789abcdef");
    const encrypt = locked.context.obj({ Filter: PDFName.of("Standard"), V: 1, R: 2, O: filler, U: filler, P: -44 });
    locked.context.trailerInfo.Encrypt = locked.context.register(encrypt);
    locked.context.trailerInfo.ID = locked.context.obj([filler, filler]);
    const good = await pdfWithPages([
      column(["The bakery on Mill Street reopened this week after a fire in the", "spring, and the owners thanked neighbours for their help."], 60),
    ]);
    const { corpus, warnings } = await corpusOf({
      "scan.pdf": await scanned.save(),
      "locked.pdf": await locked.save({ useObjectStreams: false }),
      "broken.pdf": Buffer.from("%PDF-1.7\nthis is not really a pdf\n"),
      "good.pdf": good,
    });
    expect(corpus.documents.map((d) => d.file)).toEqual(["good.pdf"]);
    expect(warnings.filter((w) => w.includes("scan.pdf"))).toEqual(["skipped scan.pdf: no text layer (a scanned PDF?): run it through OCR first"]);
    expect(warnings.filter((w) => w.includes("locked.pdf"))).toEqual([
      "skipped locked.pdf: the PDF is encrypted (it needs a password); save an unprotected copy",
    ]);
    expect(warnings.filter((w) => w.includes("broken.pdf"))).toHaveLength(1);
    expect(warnings.find((w) => w.includes("broken.pdf"))).toMatch(/^skipped broken\.pdf: not a readable PDF file/);
  });
});

describe("Word documents", TIMEOUT, () => {
  it("reads headings, paragraphs, lists, tables and footnotes, one line per block, with core properties", async () => {
    const docx = await docxOf(
      [
        new Paragraph({ text: "Parks Department Annual Note", heading: HeadingLevel.HEADING_1 }),
        new Paragraph({
          children: [
            new TextRun("The department planted four hundred trees along the canal this year, twice as many as planned."),
            new FootnoteReferenceRun(1),
          ],
        }),
        new Paragraph({ text: "Volunteers worked on weekends", bullet: { level: 0 } }),
        new Paragraph({ text: "Schools joined in the autumn", bullet: { level: 0 } }),
        new Table({
          rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("Oak")] }), new TableCell({ children: [new Paragraph("120 trees")] })] })],
        }),
        new Paragraph({
          text: "“We will keep planting until every street has shade,” said Director Amal Haddad at the closing event.",
          alignment: AlignmentType.LEFT,
        }),
      ],
      {
        title: "Trees for the canal",
        created: "2023-11-02T09:00:00Z",
        footnotes: { 1: { children: [new Paragraph("Counted by the volunteers in October.")] } },
      },
    );
    const t = writeKnowledge({ "parks.docx": docx });
    try {
      const engine = await Engine.fromFolder(t.dir, { onWarning: () => {}, sourceBaseUrl: "https://files.example.org/kb/" });
      const doc = engine.corpus.documents[0]!;
      expect(doc.title).toBe("Trees for the canal");
      expect(doc.date).toBe("2023-11-02");
      expect(doc.pageStarts).toBeUndefined();
      const text = allText(engine.corpus);
      expect(text).toContain("planted four hundred trees along the canal");
      expect(text).toContain("Counted by the volunteers in October.");
      expect(text).not.toContain("↑");
      const out = toJson(await answer(engine, { command: "who-said", query: "until every street has shade" })) as {
        results: Array<{ speaker: string; source: Record<string, unknown> }>;
      };
      expect(out.results[0]!.speaker).toContain("Amal Haddad");
      // Line k of a Word file is its k-th block: heading 1, paragraph 2, two items, one table row, the quote.
      expect(out.results[0]!.source).toMatchObject({ file: "parks.docx", lineStart: 6, lineEnd: 6 });
      expect(out.results[0]!.source).not.toHaveProperty("page");
      // No viewer numbers a Word file's blocks: the link opens the file, without a line anchor.
      expect(out.results[0]!.source.url).toBe("https://files.example.org/kb/parks.docx");
    } finally {
      t.cleanup();
    }
  });

  it("refuses a file that is not a Word document, and a password-protected one, with one line each", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const { corpus, warnings } = await corpusOf({ "notes.docx": Buffer.from("plain words, not a zip"), "locked.docx": ole });
    expect(corpus.documents).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings).toContain("skipped locked.docx: the Word file is password-protected (or an old .doc file): save an unprotected .docx");
    expect(warnings.find((w) => w.includes("notes.docx"))).toMatch(/^skipped notes\.docx: not a readable Word \(\.docx\) file/);
  });
});

describe("live reload", TIMEOUT, () => {
  it("picks up a PDF and a Word file added, changed and removed while watching", async () => {
    const t = tempDir("office-watch-");
    const holder = new EngineHolder(t.dir, { cacheDir: null, onWarning: () => {} });
    const live = startLiveReload(holder, { intervalMs: 50, onReload: () => {}, onError: () => {} });
    const until = async (cond: () => boolean): Promise<void> => {
      for (const end = Date.now() + 50_000; !cond();) {
        if (Date.now() > end) throw new Error("live reload did not notice in time");
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const files = () => holder.current.corpus.documents.map((d) => `${d.file}:${d.title}`).sort();
    try {
      const body = column(
        ["The county opened a new cycle path along the old railway line,", "and walkers and riders crowded onto it on the first weekend."],
        60,
      );
      writeFileSync(join(t.dir, "path.pdf"), await pdfWithPages([body], { title: "Cycle path opens" }));
      writeFileSync(
        join(t.dir, "minutes.docx"),
        await docxOf([new Paragraph("The council approved the budget for the cycle path after a short debate on lighting.")], { title: "Council minutes" }),
      );
      await until(() => files().length === 2);
      expect(files()).toEqual(["minutes.docx:Council minutes", "path.pdf:Cycle path opens"]);
      // An atomic save of a new version, and a removal.
      writeFileSync(join(t.dir, ".tmp.pdf"), await pdfWithPages([body], { title: "Cycle path opens early" }));
      renameSync(join(t.dir, ".tmp.pdf"), join(t.dir, "path.pdf"));
      unlinkSync(join(t.dir, "minutes.docx"));
      await until(() => files().length === 1 && files()[0] === "path.pdf:Cycle path opens early");
    } finally {
      live.stop();
      t.cleanup();
    }
  });
});
