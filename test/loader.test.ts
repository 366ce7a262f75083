// Loading: each format, titles, dates, boilerplate out and article in, line numbers kept.
import { closeSync, openSync, ftruncateSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "../src/knowledge/document.js";
import { KnowledgeDirError, listKnowledgeFiles, looksBinary } from "../src/knowledge/files.js";
import { buildCorpus } from "../src/corpus.js";
import { Engine } from "../src/runtime/engine.js";
import { writeKnowledge } from "./helpers.js";

const article = (lines: string[]): string => lines.join("\n");
const passageTexts = (text: string, file = "a.txt", format: "txt" | "md" | "html" = "txt") => parseDocument(file, format, text).passages.map((p) => p.text);

describe("plain text", () => {
  it("takes the headline, skipping short navigation lines", () => {
    const d = parseDocument(
      "a.txt",
      "txt",
      article([
        "Connect with us",
        "",
        "",
        "Brussels Faces Clash Over Plan To Monitor Vendors",
        "",
        "The European Commission will this week call for the bloc's countries to provide data on their networks, diplomats say.",
        "",
        "The move is in line with the national strategies of many member states but at odds with pressure from abroad.",
      ]),
    );
    expect(d.title).toBe("Brussels Faces Clash Over Plan To Monitor Vendors");
    expect(d.date).toBeNull();
  });

  it("prefers a headline the page repeats, the shorter form", () => {
    const d = parseDocument(
      "a.txt",
      "txt",
      article([
        "Press Releases Ministers agree on a common approach to network security",
        "",
        "Ministers agree on a common approach to network security",
        "",
        "Ministers of all member states agreed on Tuesday on a common approach to the security of their networks, officials said.",
      ]),
    );
    expect(d.title).toBe("Ministers agree on a common approach to network security");
  });

  it("reads a date header line, a date line under the headline and a dateline", () => {
    expect(
      parseDocument("a.txt", "txt", "date: 1998-08-07\n\nBombs exploded outside two embassies on Friday, killing dozens of people, witnesses said.").date,
    ).toBe("1998-08-07");
    expect(
      parseDocument(
        "a.txt",
        "txt",
        " date 2019-09-02  US presses on with campaign – Site\nEnglish\n\nUS presses on with campaign\n\nThe US and Poland were tipped to sign an agreement on security, officials said on Monday.",
      ).date,
    ).toBe("2019-09-02");
    const under = parseDocument(
      "a.txt",
      "txt",
      "US presses on with its security campaign\n\n02 SEP 2019\n\nThe US and Poland were tipped to sign an agreement on network security measures this week.",
    );
    expect(under.date).toBe("2019-09-02");
    expect(under.title).toBe("US presses on with its security campaign");
    expect(
      parseDocument(
        "a.txt",
        "txt",
        "Ministers meet\n\nBRUSSELS, 7 June 2022 - Ministers of the member states met on Tuesday to agree on common rules for networks.",
      ).date,
    ).toBe("2022-06-07");
    expect(
      parseDocument(
        "a.txt",
        "txt",
        "Panel backs ban\n\nWASHINGTON, March 3, 2023 (Reuters) - A Senate committee on Thursday backed a bill that would bar agencies from buying drones.",
      ).date,
    ).toBe("2023-03-03");
    // a lead paragraph dense with names (few stopwords) still opens the body, dateline and all
    const lead = parseDocument(
      "a.txt",
      "txt",
      article([
        "Latest News Harbour fees rise again",
        "",
        "Harbour fees rise again",
        "",
        "OSLO, 14 April 2021 - Nordhavn Port Authority raised Bergen Quay berthing fees Tuesday, Harald Lunde said.",
        "",
        "The board said the money would pay for new cranes and for the dredging of the inner basin, which has been delayed for years by a dispute with the city.",
        "",
        "Shipping firms said they had not been consulted and that the increase would be passed on to their customers in the spring.",
      ]),
    );
    expect(lead.date).toBe("2021-04-14");
    expect(lead.passages[0]!.text).toMatch(/^OSLO, 14 April 2021 - Nordhavn/);
    // a line of names without a dateline in front stays out
    const names = parseDocument(
      "a.txt",
      "txt",
      article([
        "Harbour fees rise again",
        "",
        "Nordhavn Port Authority Bergen Quay Harald Lunde Oslo Fjord Ferries.",
        "",
        "The board said the money would pay for new cranes and for the dredging of the inner basin, which has been delayed for years by a dispute with the city.",
        "",
        "Shipping firms said they had not been consulted and that the increase would be passed on to their customers in the spring.",
      ]),
    );
    expect(names.date).toBeNull();
    expect(names.passages.map((p) => p.text).join(" ")).not.toContain("Harald Lunde");
  });

  it("never takes a copyright year for a publication date", () => {
    const d = parseDocument(
      "a.txt",
      "txt",
      article([
        "Vendors face new rules across the union",
        "",
        "Governments agreed on new rules for equipment vendors on Tuesday, according to officials who attended the talks.",
        "",
        "Copyright © 2024 Communications Today",
      ]),
    );
    expect(d.date).toBeNull();
    expect(d.passages.map((p) => p.text).join(" ")).not.toContain("Copyright");
  });

  it("keeps the article and drops menus, comment prompts, teaser lists and bios", () => {
    const menu = ["English", "中文", "Latest", "All", "Analysis", "Blogs", "News", "Videos", "Money", "All", "Analysis"];
    const text = article([
      ...menu,
      "",
      "Operators warn over new equipment rules",
      "",
      "Network operators said on Monday that the new equipment rules would cost billions and delay the rollout by years.",
      "",
      "Security rules",
      "",
      "The government has not indicated whether the rules would result in barring any vendor from the market, officials said.",
      "",
      "Leave a Reply",
      "",
      "Your email address will not be published. Required fields are marked *",
      "",
      "Recent Posts",
      "",
      "Shareholders Sue Carmaker Over Share Price",
      "",
      "Disgruntled shareholders are now suing the carmaker over volatile share price swings…",
      "",
      "19 hours ago",
      "",
      "Author",
      "",
      "Jane Doe",
      "",
      "Jane joined the team in 2016 having previously worked at a number of media outlets including regional papers and...",
    ]);
    const passages = passageTexts(text);
    expect(passages).toEqual([
      "Network operators said on Monday that the new equipment rules would cost billions and delay the rollout by years.",
      "The government has not indicated whether the rules would result in barring any vendor from the market, officials said.",
    ]);
  });

  it("never drops a real sentence between embeds", () => {
    const body = "Officials of the ministry said on Friday that the plan would be published in full before the end of the year.";
    const text = article([
      "Plan to be published",
      "",
      body,
      "",
      body.replace("Friday", "Monday"),
      "",
      '<tweet tweet-id="1"><tweet/>.',
      "",
      '<tweet tweet-id="2"><tweet/>.',
      "",
      '<tweet tweet-id="3"><tweet/>.',
      "",
      "Writing for a national newspaper, a columnist noted that the way the minister carried himself was critical to the plan's success.",
      "",
      "He delivered a mix of orthodoxy and rejoinders with a coolness and polish that his predecessors might have admired, she wrote.",
    ]);
    const passages = passageTexts(text);
    expect(passages).toHaveLength(4);
    expect(passages[3]).toContain("coolness and polish");
  });

  it("joins hard-wrapped lines and keeps each passage's source lines", () => {
    const d = parseDocument(
      "a.txt",
      "txt",
      article([
        "Wrapped article about the regulator",
        "",
        "The regulator said on Tuesday that it would review the",
        "merger of the two largest operators in the country, a",
        "process expected to take several months to complete.",
        "",
        "It did not say when the review would begin or who would lead it.",
      ]),
    );
    expect(d.passages[0]!.text).toBe(
      "The regulator said on Tuesday that it would review the merger of the two largest operators in the country, a process expected to take several months to complete.",
    );
    expect([d.passages[0]!.lineStart, d.passages[0]!.lineEnd]).toEqual([3, 5]);
    expect([d.passages[1]!.lineStart, d.passages[1]!.lineEnd]).toEqual([7, 7]);
  });

  it("cuts a very long paragraph into windows of sentences", () => {
    const sentence = "The committee heard evidence from several witnesses about the procurement of network equipment.";
    const d = parseDocument("a.txt", "txt", `Long hearing report\n\n${Array(40).fill(sentence).join(" ")}`);
    expect(d.passages.length).toBeGreaterThan(1);
    for (const p of d.passages) expect(p.text.length).toBeLessThanOrEqual(1200);
  });
});

describe("markdown", () => {
  it("reads front matter and strips inline markup", () => {
    const d = parseDocument(
      "post.md",
      "md",
      article([
        "---",
        "title: Council backs the plan",
        "date: 2021-03-04",
        "url: https://example.org/post",
        "author: A. Writer",
        "---",
        "",
        "# Council backs the plan",
        "",
        "The council **backed** the [plan](https://example.org/plan) on Thursday, its chair said.",
        "",
        "```",
        "code that is not article text",
        "```",
        "",
        "- Members voted by a large majority in favour of the proposal.",
      ]),
    );
    expect(d.title).toBe("Council backs the plan");
    expect(d.date).toBe("2021-03-04");
    expect(d.url).toBe("https://example.org/post");
    expect(d.author).toBe("A. Writer");
    expect(d.passages.map((p) => p.text)).toEqual([
      "The council backed the plan on Thursday, its chair said.",
      "Members voted by a large majority in favour of the proposal.",
    ]);
    expect(d.passages[0]!.lineStart).toBe(10);
  });

  it("takes the first heading as title without front matter", () => {
    expect(parseDocument("p.md", "md", "# The title here\n\nA paragraph of text that says something about the council and its plans.").title).toBe(
      "The title here",
    );
  });
});

describe("html", () => {
  const html = [
    "<!doctype html>",
    "<html><head><title>Site | Story</title>",
    '<meta property="article:published_time" content="2022-06-07T10:00:00Z">',
    '<link rel="canonical" href="https://news.example/story">',
    "<script>var comment = 'Leave a Reply';</script><style>p { color: red }</style></head>",
    "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>",
    "<article>",
    "<h1>Ministers sign the <em>network</em> pact</h1>",
    "<p>BRUSSELS - Ministers signed the pact",
    "on Tuesday after months of talks, officials said.</p>",
    "<p>&ldquo;It is a good day,&rdquo; said <b>Jane Doe</b>, the commissioner.</p>",
    "<aside>Related: another story about something else entirely</aside>",
    '<div class="share-bar">Share on social networks now</div>',
    "</article>",
    "<footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>",
  ].join("\n");

  it("takes title, date and url from the markup", () => {
    const d = parseDocument("s.html", "html", html);
    expect(d.title).toBe("Ministers sign the network pact");
    expect(d.date).toBe("2022-06-07");
    expect(d.url).toBe("https://news.example/story");
  });

  it("keeps the article body with the raw file's line numbers, nothing else", () => {
    const d = parseDocument("s.html", "html", html);
    const texts = d.passages.map((p) => p.text);
    expect(texts).toEqual([
      "BRUSSELS - Ministers signed the pact on Tuesday after months of talks, officials said.",
      "“It is a good day,” said Jane Doe, the commissioner.",
    ]);
    expect([d.passages[0]!.lineStart, d.passages[0]!.lineEnd]).toEqual([9, 10]);
    expect(d.passages[1]!.lineStart).toBe(11);
    expect(texts.join(" ")).not.toMatch(/Leave a Reply|Home|Related|Share on|Copyright|color/);
  });

  it("falls back to og:title and <time>", () => {
    const d = parseDocument(
      "t.html",
      "html",
      '<html><head><meta property="og:title" content="OG Title"></head><body><p>Posted <time datetime="2020-01-02">2 Jan</time></p><p>The board approved the budget for the next year after a long debate among members.</p></body></html>',
    );
    expect(d.title).toBe("OG Title");
    expect(d.date).toBe("2020-01-02");
  });
});

describe("knowledge folder", () => {
  let cleanup: (() => void) | null = null;
  afterEach(() => {
    cleanup?.();
    cleanup = null;
  });

  it("loads .txt, .md and .html recursively and skips bad files with a message", () => {
    const good = "A title for the test story\n\nThe committee approved the report on Monday after a short debate among its members.";
    const t = writeKnowledge({
      "a.txt": good,
      "sub/b.md": good,
      "sub/deeper/c.html": `<p>${good}</p>`,
      "empty.txt": "",
      "binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      "latin1.txt": Buffer.from("Caf\xe9 owners said on Monday that the new rules would hurt their business badly.", "latin1"),
      "notes.pdf": "ignored",
    });
    cleanup = t.cleanup;
    // A 100 MB file (sparse, so the test is fast) is skipped before it is read.
    const big = openSync(join(t.dir, "huge.txt"), "w");
    ftruncateSync(big, 100 * 1024 * 1024);
    closeSync(big);
    const warnings: string[] = [];
    const corpus = buildCorpus(t.dir, { onWarning: (w) => warnings.push(w) });
    expect(corpus.documents.map((d) => d.file).sort()).toEqual(["a.txt", "latin1.txt", "sub/b.md", "sub/deeper/c.html"]);
    expect(warnings.join("\n")).toMatch(/binary\.txt: binary content/);
    expect(warnings.join("\n")).toMatch(/huge\.txt: 100\.0 MB is over the 20 MB limit/);
    expect(warnings.join("\n")).toMatch(/latin1\.txt is not valid UTF-8/);
    expect(warnings.filter((w) => w.includes("empty.txt"))).toEqual(["skipped empty.txt: the file is empty"]);
    expect(corpus.passages.find((p) => p.file === "latin1.txt")!.text).toContain("Café owners");
  });

  it("does not list an empty file or one without article text as a source; one warning line each", async () => {
    const good = "A title for the test story\n\nThe committee approved the report on Monday after a short debate among its members.";
    const t = writeKnowledge({ "a.txt": good, "empty.txt": "", "blank.md": "\n   \n\t\n", "menu.html": "<nav><a href='/'>Home</a></nav><p>Home</p>" });
    cleanup = t.cleanup;
    const warnings: string[] = [];
    const engine = Engine.fromFolder(t.dir, { onWarning: (w) => warnings.push(w) });
    expect((await engine.sources()).results.map((s) => [s.file, s.passages])).toEqual([["a.txt", 1]]);
    expect(warnings).toEqual(["skipped blank.md: the file is empty", "skipped empty.txt: the file is empty", "skipped menu.html: no article text found in it"]);
  });

  it("reports a missing folder clearly", () => {
    expect(() => listKnowledgeFiles("/nonexistent/folder")).toThrow(KnowledgeDirError);
    expect(() => listKnowledgeFiles("/nonexistent/folder")).toThrow(/knowledge folder not found/);
  });

  it("tells binary from text", () => {
    expect(looksBinary(Buffer.from("plain text\nwith lines\n"))).toBe(false);
    expect(looksBinary(Buffer.from([1, 2, 3, 0, 5]))).toBe(true);
  });
});
