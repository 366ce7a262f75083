// HTML through a real parser (htmlparser2). Metadata from <meta>, <h1>, <title> and <time>;
// text from the article body, block by block, each block keeping the raw file's line numbers.
import { type ChildNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { DocMeta, Unit } from "../../types.js";
import type { ReaderOutput } from "./txt.js";

/** Elements whose content never reaches the index. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "footer", "form", "button",
  "select", "option", "iframe", "object", "embed", "canvas", "video", "audio", "map", "dialog", "menu", "head",
]);
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd",
  "figure", "figcaption", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "address", "hr", "br", "body", "center",
]);
// Class/id/role words that mark page furniture around an article (the usual readability signals).
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|share|sharing|social|comments?|related|sidebar|footer|cookie|consent|newsletter|subscribe|promo|advert|ads?|sponsor(ed)?|banner|masthead|skip|popup|modal|login|signup|toolbar|tags?|pagination)($|[\s_-])/i;

export function readHtml(html: string): ReaderOutput {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const lineStarts = lineStartOffsets(html);
  const meta = metadata(doc.children);
  const root = contentRoot(doc.children);
  const units: Unit[] = [];
  let text = "";
  let lineMap: Array<[number, number]> = [];
  let hint: Unit["hint"] = "paragraph";
  let pendingSpace = false;
  const flush = (): void => {
    if (text) units.push({ text, lineMap, hint });
    text = "";
    lineMap = [];
    hint = "paragraph";
    pendingSpace = false;
  };
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) {
        appendText(node.data, node.startIndex ?? 0);
      } else if (isTag(node)) {
        const name = node.name.toLowerCase();
        if (SKIP.has(name) || isFurniture(node)) continue;
        const block = BLOCK.has(name);
        if (block) flush();
        if (/^h[1-6]$/.test(name)) hint = name === "h1" ? "title" : "heading";
        else if (name === "li" || name === "dt" || name === "dd") hint = "item";
        else if (name === "blockquote") hint = "quote";
        walk(node.children);
        if (block) flush();
      }
    }
  };
  // Decoded text keeps the raw newlines, so counting them gives each piece its raw line.
  const appendText = (data: string, startIndex: number): void => {
    let line = lineOf(lineStarts, startIndex);
    data.split("\n").forEach((piece, k) => {
      if (k > 0) line++;
      const words = piece.replace(/\s+/g, " ");
      const trimmed = words.trim();
      if (!trimmed) {
        if (text && (piece.length > 0 || k > 0)) pendingSpace = true;
        return;
      }
      if (text && (pendingSpace || k > 0 || words.startsWith(" "))) text += " ";
      pendingSpace = words.endsWith(" ");
      lineMap.push([text.length, line]);
      text += trimmed;
    });
  };
  walk(root);
  flush();
  return { meta, units };
}

function isFurniture(el: Element): boolean {
  const attrs = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""} ${el.attribs.role ?? ""}`;
  if (el.attribs.role === "main" || el.attribs.role === "article") return false;
  if (el.attribs.hidden !== undefined || el.attribs["aria-hidden"] === "true") return true;
  return FURNITURE.test(attrs);
}

/** The article (the one with most text), else <main>, else the body. */
function contentRoot(nodes: ChildNode[]): ChildNode[] {
  const articles = findAll((e) => e.name === "article" || e.attribs.role === "article", nodes);
  if (articles.length) {
    const best = articles.reduce((a, b) => (textContent(b).length > textContent(a).length ? b : a));
    return [best];
  }
  const main = findOne((e) => e.name === "main" || e.attribs.role === "main", nodes);
  if (main) return [main];
  const body = findOne((e) => e.name === "body", nodes);
  return body ? body.children : nodes;
}

function metadata(nodes: ChildNode[]): Partial<DocMeta> {
  const metaContent = (pred: (key: string) => boolean): string | null => {
    const el = findOne((e) => {
      if (e.name !== "meta") return false;
      const key = (e.attribs.property ?? e.attribs.name ?? e.attribs.itemprop ?? "").toLowerCase();
      return pred(key) && !!e.attribs.content?.trim();
    }, nodes);
    return el ? el.attribs.content!.trim() : null;
  };
  const out: Partial<DocMeta> = {};
  const h1 = findOne((e) => e.name === "h1", contentRoot(nodes));
  const titleEl = findOne((e) => e.name === "title", nodes);
  const title =
    (h1 && squash(textContent(h1))) ||
    metaContent((k) => k === "og:title" || k === "twitter:title") ||
    (titleEl && squash(textContent(titleEl))) ||
    null;
  if (title) out.title = title;
  const timeEl = findOne((e) => e.name === "time" && !!(e.attribs.datetime ?? textContent(e).trim()), contentRoot(nodes));
  const date =
    metaContent((k) => ["article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"].includes(k)) ??
    (timeEl ? (getAttributeValue(timeEl, "datetime") ?? squash(textContent(timeEl))) : null);
  if (date) out.date = date;
  const canonical = findOne((e) => e.name === "link" && (e.attribs.rel ?? "").toLowerCase().split(/\s+/).includes("canonical"), nodes);
  const url = (canonical && canonical.attribs.href) || metaContent((k) => k === "og:url");
  if (url && /^https?:\/\//.test(url)) out.url = url;
  const author = metaContent((k) => k === "author" || k === "article:author");
  if (author) out.author = author;
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function lineStartOffsets(s: string): number[] {
  const out = [0];
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
