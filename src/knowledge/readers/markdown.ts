// Markdown: YAML front matter for metadata; headings, list items, quotes and paragraphs as units;
// inline markup removed so only the words reach the index.
import { parse as parseYaml } from "yaml";
import type { DocMeta, Unit } from "../../types.js";
import { type SourceLine, splitLines, unitFromLines } from "../units.js";
import type { ReaderOutput } from "./txt.js";

export function readMarkdown(text: string): ReaderOutput {
  const raw = splitLines(text);
  const meta: Partial<DocMeta> = {};
  let i = 0;
  if (raw[0]?.trim() === "---") {
    const end = raw.findIndex((l, k) => k > 0 && (l.trim() === "---" || l.trim() === "..."));
    if (end > 0) {
      Object.assign(meta, frontMatter(raw.slice(1, end).join("\n")));
      i = end + 1;
    }
  }
  const units: Unit[] = [];
  let para: SourceLine[] = [];
  let hint: Unit["hint"] = "paragraph";
  let fence: string | null = null;
  const flush = (): void => {
    const u = unitFromLines(para, hint);
    if (u) units.push(u);
    para = [];
    hint = "paragraph";
  };
  for (; i < raw.length; i++) {
    const line = raw[i]!;
    const n = i + 1;
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (fence) {
      if (f && f[1]!.startsWith(fence)) fence = null;
      continue; // code is not article text
    }
    if (f) {
      flush();
      fence = f[1]!;
      continue;
    }
    if (line.trim() === "" || /^\s*([-*_])\s*(\1\s*){2,}$/.test(line) || /^\s*<!--.*-->\s*$/.test(line) || /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const u = unitFromLines([{ line: n, text: inline(heading[2]!) }], heading[1]!.length === 1 ? "title" : "heading");
      if (u) units.push(u);
      continue;
    }
    // Setext heading underline: the paragraph so far was a heading.
    if (/^\s*(=+|-+)\s*$/.test(line) && para.length === 1) {
      hint = line.includes("=") ? "title" : "heading";
      flush();
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      para = [{ line: n, text: inline(item[1]!) }];
      hint = "item";
      continue;
    }
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (quote) {
      if (hint !== "quote") flush();
      hint = "quote";
      para.push({ line: n, text: inline(quote[1]!) });
      continue;
    }
    if (hint === "quote") flush();
    para.push({ line: n, text: inline(line) });
  }
  flush();
  return { meta, units };
}

function frontMatter(src: string): Partial<DocMeta> {
  let data: unknown;
  try {
    data = parseYaml(src);
  } catch {
    return {};
  }
  if (!data || typeof data !== "object") return {};
  const d = data as Record<string, unknown>;
  const str = (v: unknown): string | null =>
    v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "string" || typeof v === "number" ? String(v).trim() || null : null;
  const out: Partial<DocMeta> = {};
  const title = str(d.title);
  if (title) out.title = title;
  const date = str(d.date ?? d.published ?? d.pubDate);
  if (date) out.date = date;
  const url = str(d.url ?? d.link ?? d.canonical);
  if (url) out.url = url;
  const author = Array.isArray(d.author) ? d.author.map(str).filter(Boolean).join(", ") : str(d.author ?? d.authors);
  if (author) out.author = author;
  return out;
}

/** Inline markdown to plain words: links keep their text, images and HTML tags go. */
export function inline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?!\w)/g, "$1$3")
    .replace(/~~(.+?)~~/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}
