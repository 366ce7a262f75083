// Human-readable answers for the terminal.
import { placeLabel } from "./place.js";
import type { Answer, Located } from "../answer/types.js";
import { TEXT_MARKS, verdictLine } from "./verdict.js";

export interface TextStyle {
  bold: (s: string) => string;
  dim: (s: string) => string;
}

export const plain: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ansi: TextStyle = { bold: (s) => `\u001b[1m${s}\u001b[22m`, dim: (s) => `\u001b[2m${s}\u001b[22m` };

/** Colour only on a terminal, and never when NO_COLOR is set. */
export function styleFor(stream: NodeJS.WriteStream): TextStyle {
  return stream.isTTY && !process.env.NO_COLOR ? ansi : plain;
}

export function highlight(r: Located, style: TextStyle): string {
  const ex = r.source.excerpt;
  const spans = r.highlight.filter(([a, b]) => a >= 0 && b <= ex.length && a < b).sort((x, y) => x[0] - y[0]);
  let out = "";
  let at = 0;
  for (const [a, b] of spans) {
    if (a < at) continue;
    out += ex.slice(at, a) + style.bold(ex.slice(a, b));
    at = b;
  }
  return out + ex.slice(at);
}

export function describeDate(date: string | null, unresolved?: "undated" | "vague"): string {
  if (date) return formatIsoForPeople(date);
  if (unresolved === "vague") return "no fixed date (the text is vague)";
  return "date unknown (the article is undated)";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2019-07-15" → "15 July 2019", "2019-07" → "July 2019", intervals as "a – b". */
export function formatIsoForPeople(iso: string): string {
  if (iso.includes("/")) return iso.split("/").map(formatIsoForPeople).join(" – ");
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return /^\d{3}$/.test(iso) ? `the ${iso}0s` : iso;
  const [, y, mo, d] = m;
  if (d) return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
  if (mo) return `${MONTHS[Number(mo) - 1]} ${y}`;
  return y!;
}

function where(r: Located, style: TextStyle): string {
  const s = r.source;
  const lines = s.lineEnd > s.lineStart ? `${s.lineStart}-${s.lineEnd}` : `${s.lineStart}`;
  const when = r.docDate ? formatIsoForPeople(r.docDate) : "undated";
  const at = s.page === undefined ? `${s.file}:${lines}` : `${s.file} · ${placeLabel(s)}`;
  const head = style.dim(`${at} · ${r.title} (${when})`);
  return s.url ? `${head}\n     ${style.dim(s.url)}` : head;
}

export function renderText(a: Answer, style: TextStyle = plain): string {
  const out: string[] = [];
  // A refused query (empty, too long) has only its message; any other check has a verdict.
  if (a.command === "check" && (a.results.length > 0 || !a.message)) out.push(style.bold(verdictLine(a, TEXT_MARKS)));
  if (a.results.length === 0) {
    if (a.command !== "check" || a.message) out.push(a.message ?? "Nothing found.");
    if (a.suggestions?.length) out.push(`Did you mean: ${a.suggestions.join(", ")}?`);
    // Without an actor the message says what is wrong; "no evidence" about nobody would only confuse.
    if (a.command === "stance" && a.actor.trim()) out.unshift(`${style.bold(a.actor)}${a.topic ? ` on ${a.topic}` : ""}: no evidence in the documents.`);
    return out.join("\n");
  }
  switch (a.command) {
    case "who-said":
      a.results.forEach((r, i) => {
        out.push(`${i + 1}. ${style.bold(r.speaker)}${r.role ? ` — ${r.role}` : ""}${r.direct ? "" : style.dim(" (reported speech)")}`);
        out.push(`   ${highlight(r, style)}`);
        out.push(`   ${where(r, style)}${r.copies ? style.dim(` (also in ${r.copies} other document${r.copies === 1 ? "" : "s"})`) : ""}`);
      });
      break;
    case "when":
      a.results.forEach((r, i) => {
        out.push(`${i + 1}. ${style.bold(r.expression)} → ${describeDate(r.date, r.unresolved)}`);
        out.push(`   ${highlight(r, style)}`);
        out.push(`   ${where(r, style)}`);
      });
      break;
    case "stance": {
      const counts = (p: string): number => a.results.filter((r) => r.polarity === p).length;
      out.push(
        `${style.bold(a.actor)}${a.topic ? ` on ${a.topic}` : ""}: ${style.bold((a.polarity ?? "no evidence").toUpperCase())} (${counts("support")} for, ${counts("oppose")} against, ${counts("neutral")} neutral)`,
      );
      a.results.forEach((r, i) => {
        out.push(`${i + 1}. ${stanceLine(r)}`);
        out.push(`   ${highlight(r, style)}`);
        out.push(`   ${where(r, style)}`);
      });
      break;
    }
    case "check":
      a.results.forEach((r, i) => {
        out.push(`${i + 1}. ${r.speaker ? style.bold(r.speaker) : "(no speaker given)"}${r.role ? ` — ${r.role}` : ""}`);
        out.push(`   ${highlight(r, style)}`);
        out.push(`   ${where(r, style)}`);
      });
      break;
    case "said":
      a.results.forEach((r, i) => {
        out.push(
          `${i + 1}. ${style.bold(r.speaker)}${r.role ? ` — ${r.role}` : ""}, ${r.docDate ? formatIsoForPeople(r.docDate) : "undated"}${r.direct ? "" : style.dim(" (reported speech)")}`,
        );
        out.push(`   “${r.quote}”`);
        out.push(`   ${where(r, style)}`);
      });
      break;
    case "search":
      a.results.forEach((r, i) => {
        out.push(`${i + 1}. ${highlight(r, style)}`);
        out.push(`   ${where(r, style)}`);
      });
      break;
    case "sources":
      for (const d of a.results) {
        out.push(`${style.bold(d.title)}`);
        out.push(
          `   ${d.file} · ${d.date ? formatIsoForPeople(d.date) : "undated"} · ${d.passages} passages · ${d.quotes} quotes${d.url ? ` · ${d.url}` : ""}`,
        );
      }
      break;
  }
  if (a.message) out.push(style.dim(a.message));
  return out.join("\n");
}

const STANCE_WORD = { support: "for", oppose: "against", neutral: "neutral on" } as const;

/** One piece of stance evidence: what it is for or against, and the words that say so. */
export function stanceLine(r: { polarity: keyof typeof STANCE_WORD; cue: string | null; target: string }): string {
  return `${STANCE_WORD[r.polarity]}: ${r.target || "(what the passage says)"}${r.cue ? ` · “${r.cue}”` : ""}`;
}
