// src/render/discord.ts without Discord: every limit holds however large or odd the answer, the
// excerpt's markdown is escaped, and the highlight survives truncation.
import { describe, expect, it } from "vitest";
import type { Located, SearchAnswer, SourceInfo, SourcesAnswer, StanceAnswer, WhenAnswer, WhoSaidAnswer } from "../src/answer/types.js";
import {
  LIMITS,
  buttonRow,
  citationFooter,
  escapeMarkdown,
  fitEmbeds,
  highlightExcerpt,
  messageEmbedsLength,
  renderAnswer,
  renderHelp,
  renderNothingFound,
  renderReindex,
  renderSourceView,
  toChoices,
  truncate,
  type AnswerIds,
  type DiscordMessage,
} from "../src/render/discord.js";
import { messageProblems } from "./support/standin-validation.js";

const ids: AnswerIds = { source: (r, i) => `src:${i}:${r.source.lineStart}:${r.source.lineEnd}:${r.source.file}`, more: (offset) => `more:${offset}` };

function located(excerpt: string, highlight: Array<[number, number]> = [], extra: Partial<Located> = {}): Located {
  return {
    source: { file: "news/article.txt", lineStart: 21, lineEnd: 23, excerpt, url: "https://example.org/news/article.txt#L21-L23" },
    title: "An article",
    docDate: "2019-09-02",
    highlight,
    ...extra,
  };
}

function whoSaid(results: Array<Partial<WhoSaidAnswer["results"][number]> & Located>): WhoSaidAnswer {
  return {
    command: "who-said",
    results: results.map((r) => ({ speaker: "Wang Yi", role: "China's foreign minister", quote: "q", direct: true, score: 1, ...r })),
  };
}

/** Everything Discord would reject in a message (the stand-in's checks, plus button ids and labels). */
function problems(m: DiscordMessage): unknown[] {
  const found: unknown[] = messageProblems(m);
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      if ("custom_id" in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ("label" in b) expect(b.label!.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
  return found;
}

describe("truncate", () => {
  it("cuts at a word boundary and ends with an ellipsis within the limit", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("the quick brown fox jumps", 12)).toBe("the quick…");
    expect(truncate("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
    expect(truncate("anything", 1)).toBe("…");
    expect(truncate("anything", 0)).toBe("");
  });

  it("never splits a surrogate pair", () => {
    const cut = truncate("😀".repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe("😀😀…");
  });
});

describe("escapeMarkdown", () => {
  it("escapes inline markdown, masked links, mentions and line-start block syntax", () => {
    expect(escapeMarkdown("*a* _b_ `c` ~~d~~ ||e|| \\ [f](g) <@123>")).toBe("\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\|\\|e\\|\\| \\\\ \\[f\\](g) \\<@123\\>");
    expect(escapeMarkdown("# Heading\n> quote\n- item\n1. first")).toBe("\\# Heading\n\\> quote\n\\- item\n1\\. first");
    expect(escapeMarkdown("plain words, 5G - and 3.5 GHz")).toBe("plain words, 5G - and 3.5 GHz");
  });
});

describe("highlightExcerpt", () => {
  it("bolds the highlighted words and escapes the rest", () => {
    expect(highlightExcerpt("He said *never* again.", [[8, 15]])).toBe("He said ****never**** again.".replace("****never****", "**\\*never\\***"));
    expect(highlightExcerpt("call it groundless accusations now", [[8, 30]])).toBe("call it **groundless accusations** now");
  });

  it("keeps spaces outside the bold markers and ignores bad spans", () => {
    expect(highlightExcerpt("a b c", [[1, 4]])).toBe("a **b** c");
    expect(
      highlightExcerpt("abc", [
        [2, 1],
        [-1, 2],
        [0, 99],
      ]),
    ).toBe("abc");
    expect(
      highlightExcerpt("abcdef", [
        [0, 3],
        [2, 5],
      ]),
    ).toBe("**abc**def");
  });

  it("a huge excerpt keeps a window around the highlight, whole words, within the limit", () => {
    const before = "lorem ipsum ".repeat(5000);
    const excerpt = `${before}the cited words${" dolor sit".repeat(5000)}`;
    const at = before.length;
    const out = highlightExcerpt(excerpt, [[at, at + "the cited words".length]], LIMITS.description);
    expect(out.length).toBeLessThanOrEqual(LIMITS.description);
    expect(out.length).toBeGreaterThan(LIMITS.description - 50);
    expect(out).toContain("**the cited words**");
    expect(out.startsWith("…lorem") || out.startsWith("…ipsum")).toBe(true);
    expect(out.endsWith("dolor…") || out.endsWith("sit…")).toBe(true);
    expect(out.split("**").length).toBe(3); // balanced markers
  });

  it("a highlight cut by the window is still balanced bold", () => {
    const excerpt = `${"word ".repeat(100)}${"bold ".repeat(400)}`;
    const out = highlightExcerpt(excerpt, [[500, excerpt.length]], 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it("escaping that doubles the length still fits", () => {
    const out = highlightExcerpt("*".repeat(5000), [], 100);
    expect(out.length).toBeLessThanOrEqual(100);
  });
});

describe("renderAnswer", () => {
  it("who-said: headline, bold quote, link, footer with file, lines, title and date, and a Show source button", () => {
    const { message, found } = renderAnswer(whoSaid([{ ...located("Wang Yi called them “groundless accusations”.", [[21, 43]]) }]), { ids });
    expect(found).toBe(true);
    expect(message.embeds).toEqual([
      {
        title: "Wang Yi — China's foreign minister",
        color: expect.any(Number),
        description: "Wang Yi called them “**groundless accusations**”.",
        url: "https://example.org/news/article.txt#L21-L23",
        footer: { text: "news/article.txt · lines 21–23 · An article · 2 September 2019" },
      },
    ]);
    expect(message.components[0]!.components).toEqual([{ type: 2, style: 2, label: "Show source", custom_id: "src:0:21:23:news/article.txt" }]);
    expect(problems(message)).toEqual([]);
  });

  it("reported speech says so; an undated document says undated; a non-http url is left out", () => {
    const r = { ...located("x"), direct: false, docDate: null, source: { ...located("x").source, url: "javascript:alert(1)" } };
    const [embed] = renderAnswer(whoSaid([r]), { ids }).message.embeds;
    expect(embed!.title).toBe("Wang Yi — China's foreign minister (reported speech)");
    expect(embed!.footer!.text).toBe("news/article.txt · lines 21–23 · An article · undated");
    expect(embed!.url).toBeUndefined();
  });

  it("when: the expression and the resolved date, or why there is none", () => {
    const a: WhenAnswer = {
      command: "when",
      results: [
        { ...located("In January, Huawei…", [[3, 10]]), expression: "January", date: "2019-01", score: 1 },
        { ...located("last week"), expression: "last week", date: null, unresolved: "undated", score: 1 },
      ],
    };
    const titles = renderAnswer(a, { ids }).message.embeds.map((e) => e.title);
    expect(titles).toEqual(["1. January → January 2019", "2. last week → date unknown (the article is undated)"]);
  });

  it("stance: the verdict first, then one embed per piece of evidence", () => {
    const a: StanceAnswer = {
      command: "stance",
      actor: "Huawei",
      topic: "the EU toolbox",
      polarity: "mixed",
      results: [
        { ...located("Huawei welcomed the toolbox."), actor: "Huawei", polarity: "support", cue: "welcomed", target: "the toolbox", score: 1 },
        { ...located("Huawei criticised the toolbox."), actor: "Huawei", polarity: "oppose", cue: "criticised", target: "the toolbox", score: 1 },
      ],
    };
    const { message } = renderAnswer(a, { ids });
    expect(message.embeds[0]).toMatchObject({
      title: "Huawei on the EU toolbox: mixed",
      description: "Overall: **mixed** · 1 for, 1 against, 0 neutral (2 passages)",
    });
    expect(message.embeds.slice(1).map((e) => e.title)).toEqual(["1. for: the toolbox · “welcomed”", "2. against: the toolbox · “criticised”"]);
    expect(message.components[0]!.components.map((b) => ("label" in b ? b.label : null))).toEqual(["Show source 1", "Show source 2"]);
  });

  it("many results: three per page with More, and the page after an offset", () => {
    const results = Array.from({ length: 50 }, (_, i) => ({
      ...located(`hit ${i}`),
      score: 1,
      source: { ...located("").source, excerpt: `hit ${i}`, lineStart: i + 1, lineEnd: i + 1 },
    }));
    const a: SearchAnswer = { command: "search", results };
    const first = renderAnswer(a, { ids }).message;
    expect(first.embeds).toHaveLength(3);
    expect(first.components[0]!.components.map((b) => ("custom_id" in b ? b.custom_id : null))).toEqual([
      "src:0:1:1:news/article.txt",
      "src:1:2:2:news/article.txt",
      "src:2:3:3:news/article.txt",
      "more:3",
    ]);
    const later = renderAnswer(a, { ids, offset: 48 }).message;
    expect(later.embeds.map((e) => e.title)).toEqual(["49. An article", "50. An article"]);
    expect(later.components[0]!.components).toHaveLength(2); // no More on the last page
    expect(renderAnswer(a, { ids, offset: 99 }).found).toBe(false);
  });

  it("huge excerpts, titles, roles and file names: every limit holds and the 6000 total is kept", () => {
    const huge = "word ".repeat(20_000);
    const results = Array.from({ length: 3 }, () => ({
      ...located(huge, [[50_000, 50_020]], { title: "T".repeat(5000) }),
      speaker: "S".repeat(500),
      role: "R".repeat(5000),
      source: { file: `${"dir/".repeat(300)}f.txt`, lineStart: 1, lineEnd: 2, excerpt: huge, url: `https://example.org/${"p".repeat(3000)}` },
    }));
    const { message } = renderAnswer(whoSaid(results), { ids: { source: () => "s".repeat(300), more: () => "m" } });
    expect(problems(message)).toEqual([]);
    expect(messageEmbedsLength(message.embeds)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    for (const e of message.embeds) {
      expect(e.title!.length).toBeLessThanOrEqual(LIMITS.title);
      expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
      expect(e.footer!.text.length).toBeLessThanOrEqual(LIMITS.footer);
      expect(e.description).toContain("**word word word word**");
      expect(e.url).toBeUndefined(); // over 2048 characters
    }
    // Buttons whose ids are too long are dropped rather than failing the send.
    expect(message.components).toEqual([]);
  });

  it("nothing found: the engine's message and suggestions as short content, escaped", () => {
    const none = renderAnswer({ command: "search", results: [], message: 'No passage matches "*x*".', suggestions: ["huawei", "5g"] }, { ids });
    expect(none.found).toBe(false);
    expect(none.message).toEqual({ content: 'No passage matches "\\*x\\*".\nDid you mean: **huawei**, **5g**?', embeds: [], components: [] });
    const stance = renderNothingFound({ command: "stance", actor: "Huawei", topic: null, polarity: null, results: [] });
    expect(stance.content).toBe("**Huawei**: no evidence in the documents.");
    const long = renderNothingFound({ command: "search", results: [], message: "m".repeat(10_000) });
    expect(long.content!.length).toBeLessThanOrEqual(LIMITS.content);
  });

  it("sources: titles linked, dates and counts, paginated ten to a page", () => {
    const docs: SourceInfo[] = Array.from({ length: 500 }, (_, i) => ({
      file: `doc_${i}.txt`,
      title: i === 0 ? "A [weird] (title) *with* markdown" : `Document ${i} ${"long title ".repeat(30)}`,
      date: i % 2 ? "2019-09-02" : null,
      url: i === 0 ? "https://example.org/doc_0.txt" : null,
      passages: i,
      quotes: 1,
      format: "txt",
    }));
    const a: SourcesAnswer = { command: "sources", results: docs };
    const first = renderAnswer(a, { ids }).message;
    expect(problems(first)).toEqual([]);
    expect(first.embeds).toHaveLength(1);
    expect(first.embeds[0]!.title).toBe("Sources: 500 documents (1–10)");
    expect(first.embeds[0]!.description).toContain(
      "**1.** [A \\[weird\\] \\(title\\) \\*with\\* markdown](https://example.org/doc_0.txt)\ndoc\\_0.txt · undated · 0 passages · 1 quote",
    );
    expect(first.embeds[0]!.description).toContain("2 September 2019 · 1 passage · 1 quote");
    expect(first.components[0]!.components[0]).toMatchObject({ custom_id: "more:10", label: "More (490 left)" });
    const last = renderAnswer(a, { ids, offset: 490 }).message;
    expect(last.embeds[0]!.title).toBe("Sources: 500 documents (491–500)");
    expect(last.components).toEqual([]);
  });
});

describe("fitEmbeds and buttonRow", () => {
  it("at most 10 embeds and 6000 characters in all, shrinking the longest descriptions first", () => {
    const embeds = Array.from({ length: 14 }, (_, i) => ({ title: `t${i}`, description: "d".repeat(i === 0 ? 4000 : 300) }));
    const fitted = fitEmbeds(embeds);
    expect(fitted).toHaveLength(10);
    expect(messageEmbedsLength(fitted)).toBeLessThanOrEqual(6000);
    expect(fitted[1]!.description).toHaveLength(300); // the short ones are untouched
    expect(fitted[0]!.description!.length).toBeLessThan(4000);
  });

  it("drops duplicate and oversize custom_ids, shortens labels, five buttons a row", () => {
    const b = (id: string, label = "L") => ({ type: 2 as const, style: 2 as const, custom_id: id, label });
    const rows = buttonRow([b("a"), b("a"), b("x".repeat(101)), b("c", "l".repeat(200)), b("d"), b("e"), b("f"), b("g")]);
    expect(rows.map((r) => r.components.map((c) => ("custom_id" in c ? c.custom_id : "")))).toEqual([["a", "c", "d", "e", "f"], ["g"]]);
    expect(rows[0]!.components[1]).toMatchObject({ label: `${"l".repeat(79)}…` });
  });

  it("the citation footer shortens long parts first", () => {
    const footer = citationFooter(
      located("x", [], { title: "T".repeat(3000), source: { file: "f".repeat(3000), lineStart: 7, lineEnd: 7, excerpt: "x", url: null } }),
    );
    expect(footer.length).toBeLessThanOrEqual(LIMITS.footer);
    expect(footer).toContain(" · line 7 · ");
  });
});

describe("other replies", () => {
  it("help turns the command table into code and explanation", () => {
    const m = renderHelp("Ask.\n\n  /who-said quote:<words>          who said it\n  /sources                         the documents", ["extra line"]);
    expect(m.embeds[0]!.description).toBe("Ask.\n\n`/who-said quote:<words>` — who said it\n`/sources` — the documents\nextra line");
  });

  it("reindex report: counts, and the first warnings", () => {
    const m = renderReindex({ documents: 3, passages: 10, quotes: 4, times: 5, stances: 1, warnings: Array.from({ length: 7 }, (_, i) => `w_${i}`), ms: 12 });
    expect(m.content).toBe(
      "Reindexed **3** documents: 10 passages, 4 quotes, 5 time expressions, 1 stance cues (12 ms).\n7 warnings:\n• w\\_0\n• w\\_1\n• w\\_2\n• w\\_3\n• w\\_4\n… and 2 more (see the bot's log).",
    );
  });

  it("source view: numbered lines, the cited ones marked, a closing fence in the text cannot break out, and huge lines fit", () => {
    const lines = [
      { n: 9, text: "before ```code```", cited: false },
      { n: 10, text: "cited", cited: true },
      { n: 11, text: "x".repeat(20_000), cited: false },
      { n: 12, text: "y".repeat(20_000), cited: true },
    ];
    const m = renderSourceView({ file: "a.txt", lineStart: 10, lineEnd: 12, lines, title: "Doc", date: "2020-01-01", url: null, note: "changed" });
    const d = m.embeds[0]!.description!;
    expect(d.length).toBeLessThanOrEqual(LIMITS.description);
    expect(d.startsWith("```\n") && d.endsWith("\n```")).toBe(true);
    expect(d.match(/```/g)).toHaveLength(2);
    expect(d).toContain("\n› 10 │ cited\n");
    expect(d).toContain("   9 │ before `\u200b``code`\u200b``");
    expect(m.embeds[0]!.title).toBe("a.txt · lines 10–12");
    expect(m.embeds[0]!.footer!.text).toBe("Doc · 1 January 2020");
    expect(m.content).toBe("changed");
  });

  it("autocomplete choices: filtered by what was typed, prefix matches then most mentioned, 25 at most, 100 characters", () => {
    const names = [
      { name: "Julian King", mentions: 5 },
      { name: "July Huawei", mentions: 9 },
      { name: "Ms Julia", mentions: 20 },
      { name: "Émile Zola", mentions: 1 },
      { name: "x".repeat(300), mentions: 2 },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `Actor ${i}`, mentions: i })),
    ];
    expect(toChoices(names, "jul").map((c) => c.name)).toEqual(["July Huawei", "Julian King", "Ms Julia"]);
    expect(toChoices(names, "emile")).toEqual([{ name: "Émile Zola", value: "Émile Zola" }]);
    const all = toChoices(names, "");
    expect(all).toHaveLength(25);
    expect(all[0]!.name).toBe("Actor 39");
    const long = toChoices(names, "xxx")[0]!;
    expect(long.name.length).toBeLessThanOrEqual(100);
    expect(long.value.length).toBeLessThanOrEqual(100);
  });
});
