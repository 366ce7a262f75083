// Articles rendered as the files a folder of scraped news really holds: plain-text web pages with
// their menus and comment boxes, wire copy, press releases, Markdown with front matter, and HTML
// with nav/aside/footer/script. Each renderer reports the file line every paragraph starts on (and
// where hard-wrapped paragraphs break), so the answer key can cite lines.
import type { Article } from "./article.js";
import { authorBio, commentPrompt, cookieLine, copyright, menu, newsletter, recentPosts, shareBar } from "./boilerplate.js";
import type { Ymd } from "./calendar.js";
import type { Rng } from "./prng.js";
import type { Tail } from "./tail.js";
import type { Paragraph } from "./text.js";
import { MONTHS } from "./words.js";

export type Format = "txt" | "md" | "html";
export type TxtStyle = "web" | "wire" | "press";
/** Where a dated document says its date (the answer key knows the date either way). */
export type DatePlace = "header" | "header-title" | "under" | "dateline" | "filename" | "frontmatter" | "meta" | "time" | "none";

export interface PageSetup {
  rng: Rng;
  tail: Tail;
  format: Format;
  style: TxtStyle;
  datePlace: DatePlace;
  date: Ymd | null;
  site: string;
  siteDomain: string;
  slug: string;
}

export interface Rendered {
  text: string;
  /** Per paragraph (in article order): ascending [offset in the paragraph text, 1-based file line]. */
  lineMaps: Array<Array<[number, number]>>;
}

const SHORT_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const pad = (n: number): string => String(n).padStart(2, "0");
export const iso = (d: Ymd): string => `${d.y}-${pad(d.m)}-${pad(d.d)}`;

function dateLine(rng: Rng, d: Ymd): string {
  return rng.pick([
    `${pad(d.d)} ${SHORT_MONTHS[d.m - 1]} ${d.y}`,
    `${MONTHS[d.m - 1]} ${d.d}, ${d.y}`,
    `Published: ${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
    `${d.d} ${MONTHS[d.m - 1]} ${d.y}`,
  ]);
}

const MARKUP_START = /^(?:\d+[.)](?:\s|$)|[-*+>#=](?:\s|$))/;

/** A page as lines, remembering where each paragraph went. */
class Lines {
  readonly lines: string[] = [];
  readonly maps: Array<Array<[number, number]>> = [];

  push(...ls: string[]): void {
    this.lines.push(...ls);
  }

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  /** A paragraph on one line, or hard-wrapped at `width`, each line prefixed. */
  paragraph(text: string, prefix = "", width = 0, wrapPrefix = prefix, suffix = ""): void {
    const map: Array<[number, number]> = [];
    if (!width) {
      map.push([0, this.lines.length + 1]);
      this.lines.push(prefix + text + suffix);
    } else {
      let at = 0;
      while (at < text.length) {
        let end = text.length;
        if (end - at > width) {
          // Break at a space, but never so that a line starts like a list item or a heading
          // (wrapping tools avoid that too: it would change what the Markdown means).
          end = text.lastIndexOf(" ", at + width);
          while (end > at && MARKUP_START.test(text.slice(end + 1, end + 8))) end = text.lastIndexOf(" ", end - 1);
          if (end <= at) end = text.indexOf(" ", at + width);
          if (end < 0) end = text.length;
        }
        map.push([at, this.lines.length + 1]);
        this.lines.push((at === 0 ? prefix : wrapPrefix) + text.slice(at, end) + (end >= text.length ? suffix : ""));
        at = end + 1;
      }
    }
    this.maps.push(map);
  }

  text(): string {
    return this.lines.join("\n") + "\n";
  }
}

export function render(a: Article, s: PageSetup): Rendered {
  if (s.format === "md") return renderMarkdown(a, s);
  if (s.format === "html") return renderHtml(a, s);
  return renderTxt(a, s);
}

function renderTxt(a: Article, s: PageSetup): Rendered {
  const { rng } = s;
  const out = new Lines();
  const d = s.date;
  // Some scraped pages separate paragraphs with single newlines, most with blank lines.
  const tight = s.style === "web" && rng.chance(0.15);
  const gap = (): void => {
    if (!tight) out.blank();
  };
  if (d && s.datePlace === "header") out.push(`date: ${iso(d)}`, "");
  if (d && s.datePlace === "header-title") out.push(` date ${iso(d)}  ${a.headline} – ${s.site}`);
  if (s.style === "web") {
    if (rng.chance(0.5)) out.push(...menu(rng));
    else if (rng.chance(0.3)) out.push("Connect with us", "", "");
    gap();
    if (rng.chance(0.3)) out.push(`${rng.pick(["Press Releases", "Top News", "Featured Content", "News"])} ${a.headline}`, "");
    out.push(a.headline);
    out.blank();
    if (d && s.datePlace === "under") out.push(dateLine(rng, d), "");
  } else if (s.style === "press") {
    out.push(`Press Releases ${a.headline}`, "", a.headline, "");
  } else {
    if (rng.chance(0.6)) out.push(a.headline, "");
  }
  for (const p of a.paragraphs) {
    if (p.style === "subhead") {
      gap();
      out.paragraph(p.text);
      if (!tight) out.blank();
      continue;
    }
    out.paragraph(p.text);
    gap();
  }
  out.blank();
  if (s.style === "press") out.push("You will find more information on the press release and on the Q&A", "");
  if (s.style === "web") {
    if (rng.chance(0.4)) out.push(...shareBar(rng), "");
    if (rng.chance(0.5)) {
      const bio = authorBio(rng, s.site);
      out.push(...bio.lines.flatMap((l) => [l, ""]));
    }
    if (rng.chance(0.5)) out.push(...recentPosts(rng, s.tail).flatMap((l) => [l, ""]));
    if (rng.chance(0.5)) out.push(...commentPrompt(rng), "");
    if (rng.chance(0.3)) out.push(...newsletter(rng), "");
    if (rng.chance(0.6)) out.push(copyright(rng, s.site), "");
    if (rng.chance(0.2)) out.push(cookieLine(rng));
  } else if (s.style === "wire" && rng.chance(0.3)) {
    out.push(copyright(rng, s.site));
  }
  while (out.lines.length && out.lines[out.lines.length - 1] === "") out.lines.pop();
  return { text: out.text(), lineMaps: out.maps };
}

function renderMarkdown(a: Article, s: PageSetup): Rendered {
  const { rng } = s;
  const out = new Lines();
  const d = s.date;
  const fm = ["---", `title: "${a.headline.replace(/"/g, '\\"')}"`];
  if (d && s.datePlace === "frontmatter") fm.push(`date: ${iso(d)}`);
  const bio = authorBio(rng, s.site);
  fm.push(
    `author: ${bio.name}`,
    `url: https://${s.siteDomain}/${s.slug}`,
    `tags: [${rng.sample(["trade", "energy", "policy", "europe", "markets", "tech"], 2).join(", ")}]`,
    "---",
    "",
  );
  out.push(...fm);
  if (rng.chance(0.7)) out.push(`# ${a.headline}`, "");
  else out.push(a.headline, "=".repeat(Math.min(a.headline.length, 60)), "");
  const width = rng.chance(0.5) ? rng.int(72, 80) : 0;
  for (const p of a.paragraphs) {
    if (p.style === "subhead") out.paragraph(p.text, "## ");
    else if (p.style === "blockquote") out.paragraph(p.text, "> ", width, "> ");
    else out.paragraph(p.text, "", width);
    out.blank();
  }
  if (rng.chance(0.5)) out.push("---", "", `*${bio.name} covers policy for ${s.site}.*`, "");
  if (rng.chance(0.4)) out.push("[Share on Twitter](https://twitter.com/share) · [Share on LinkedIn](https://linkedin.com/share)", "");
  while (out.lines.length && out.lines[out.lines.length - 1] === "") out.lines.pop();
  return { text: out.text(), lineMaps: out.maps };
}

const escapeHtml = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function renderHtml(a: Article, s: PageSetup): Rendered {
  const { rng } = s;
  const out = new Lines();
  const d = s.date;
  const h = escapeHtml(a.headline);
  out.push("<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', `<title>${h} | ${escapeHtml(s.site)}</title>`);
  out.push(`<meta property="og:title" content="${h.replace(/"/g, "&quot;")}">`);
  if (d && s.datePlace === "meta") out.push(`<meta property="article:published_time" content="${iso(d)}T${pad(rng.int(5, 20))}:${pad(rng.int(0, 59))}:00Z">`);
  out.push(`<link rel="canonical" href="https://${s.siteDomain}/${s.slug}">`);
  out.push("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>");
  out.push('<link rel="stylesheet" href="/static/site.css">', "</head>", "<body>");
  out.push('<header class="site-header">', "<nav>", "<ul>");
  for (const item of menu(rng)) out.push(`<li><a href="/${item.toLowerCase().replace(/\W+/g, "-")}">${escapeHtml(item)}</a></li>`);
  out.push("</ul>", "</nav>", "</header>");
  const useArticle = rng.chance(0.75);
  out.push(useArticle ? '<main id="content">' : '<div id="page">', useArticle ? '<article class="post">' : '<div class="content">');
  out.push(`<h1>${h}</h1>`);
  const bio = authorBio(rng, s.site);
  out.push(`<p class="byline">By <a href="/authors/${bio.name.toLowerCase().replace(/\W+/g, "-")}">${escapeHtml(bio.name)}</a></p>`);
  if (d && s.datePlace === "time") out.push(`<time datetime="${iso(d)}">${d.d} ${MONTHS[d.m - 1]} ${d.y}</time>`);
  for (const p of a.paragraphs) {
    if (p.style === "subhead") out.paragraph(escapeHtml(p.text), "<h2>", 0, "", "</h2>");
    else if (p.style === "blockquote") out.paragraph(escapeHtml(p.text), "<blockquote><p>", 0, "", "</p></blockquote>");
    else out.paragraph(escapeHtml(p.text), "<p>", 0, "", "</p>");
  }
  out.push('<div class="share-bar">', ...shareBar(rng).map((x) => `<a href="#">${escapeHtml(x)}</a>`), "</div>");
  out.push(useArticle ? "</article>" : "</div>");
  out.push('<aside class="related">', "<ul>");
  for (const l of recentPosts(rng, s.tail).slice(1)) out.push(`<li>${escapeHtml(l)}</li>`);
  out.push("</ul>", "</aside>");
  out.push(useArticle ? "</main>" : "</div>");
  out.push(
    "<footer>",
    `<p>${escapeHtml(copyright(rng, s.site))}</p>`,
    '<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms of use</a></p>',
    "</footer>",
  );
  if (rng.chance(0.5)) out.push(`<div class="cookie-consent">${escapeHtml(cookieLine(rng))}</div>`);
  out.push('<script src="/static/app.js" defer></script>', "</body>", "</html>");
  return { text: out.text(), lineMaps: out.maps };
}

/** The file lines a span [start, end) of a paragraph falls on. */
export function linesOf(map: Array<[number, number]>, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < map.length; i++) {
    const from = map[i]![0];
    const to = i + 1 < map.length ? map[i + 1]![0] : Infinity;
    if (from < end && start < to) out.push(map[i]![1]);
  }
  return out;
}

export type { Paragraph };
