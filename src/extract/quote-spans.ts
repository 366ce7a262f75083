// Where the quotations are in a passage: straight, curly and ``TeX'' double quotes, curly and
// straight single quotes, quotes left open at the end of a paragraph (continued in the next one) and stray marks.

export interface QuoteSpan {
  /** Offset of the opening mark (or of the passage start when the quote continues from before). */
  markStart: number;
  /** The quoted words. */
  start: number;
  end: number;
  /** Offset just after the closing mark (== end when the quote runs to the end of the passage). */
  markEnd: number;
  closed: boolean;
  /** Opened by a mark at the very start of the passage. */
  opensPassage: boolean;
}

type Kind = "open" | "close" | "either";
interface Mark {
  at: number;
  len: number;
  kind: Kind;
  family: "double" | "single";
  /** Marks of one style pair with each other; another style inside a quote is a nested quote. */
  style: "straight" | "curly" | "tex" | "angle" | "single";
}

const MARK_RE = /``|''|[“”"„«»]|[‘’']/g;

function marks(text: string): Mark[] {
  const out: Mark[] = [];
  for (const m of text.matchAll(MARK_RE)) {
    const c = m[0];
    const at = m.index;
    const prev = text[at - 1] ?? " ";
    const next = text[at + c.length] ?? " ";
    if (c === "‘" || c === "’") {
      // Apostrophes (it’s, Clinton’s, ’90s) are not quote marks.
      if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) continue;
      if (c === "’" && /\d/.test(next)) continue;
      if (c === "‘" && /[\s(“"—–-]|^$/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) out.push({ at, len: 1, kind: "open", family: "single", style: "single" });
      else if (c === "’" && /[\p{L}\p{N}.,!?…]/u.test(prev) && /[\s.,;:!?)”"—–-]|^$/u.test(next) && !/s/i.test(prev))
        out.push({ at, len: 1, kind: "close", family: "single", style: "single" });
      else if (c === "’" && /[.,!?…]/u.test(prev)) out.push({ at, len: 1, kind: "close", family: "single", style: "single" });
      // After an s: a plural possessive (the workers’ pay) or the close of a quote, as for '.
      else if (c === "’" && /s/i.test(prev) && /[\s.,;:!?)”"—–-]|^$/u.test(next))
        out.push({ at, len: 1, kind: /\s/.test(next) ? "either" : "close", family: "single", style: "single" });
      continue;
    }
    if (c === "'") {
      const single = straightSingle(text, at);
      if (single) out.push({ at, len: 1, kind: single, family: "single", style: "single" });
      continue;
    }
    if (c === "''" && /[\p{L}]/u.test(next)) continue; // an odd apostrophe pair inside a word
    const kind: Kind = c === "“" || c === "„" || c === "``" || c === "«" ? "open" : c === '"' ? "either" : "close";
    const style = c === '"' ? "straight" : c === "``" || c === "''" ? "tex" : c === "«" || c === "»" ? "angle" : "curly";
    out.push({ at, len: c.length, kind, family: "double", style });
  }
  return out;
}

// Words written with a leading apostrophe ('em, 'til, rock 'n' roll): an elision, not a quote.
const ELISION = /^(?:em|til|till|tis|twas|cause|bout|round|n|s)(?![\p{L}])/iu;

/**
 * A straight ' as a quotation mark: it opens after a space, bracket or dash and before a word,
 * and closes after a word or punctuation before a space or punctuation. Between letters it is an
 * apostrophe (it's, O'Neill) and before two digits an elided century ('90s): no mark at all.
 */
function straightSingle(text: string, at: number): Kind | null {
  const prev = text[at - 1] ?? " ";
  const next = text[at + 1] ?? " ";
  const rest = text.slice(at + 1, at + 8);
  if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) return null;
  if (/[\s([{“"—–-]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)) return /^\d\d/.test(rest) || ELISION.test(rest) ? null : "open";
  if (/[\p{L}\p{N}.,!?…]/u.test(prev) && /[\s.,;:!?)\]”"—–-]/u.test(next)) {
    // (After an s and before a word it may be a plural possessive, "the workers' pay": it closes
    // only a quote that nothing else closes.)
    return /s/i.test(prev) && /\s/.test(next) && at + 1 < text.length ? "either" : "close";
  }
  return null;
}

const spaceBefore = (text: string, at: number): boolean => at === 0 || /[\s([{—–-]/.test(text[at - 1]!);
const spaceAfter = (text: string, at: number): boolean => at >= text.length || /[\s.,;:!?)\]}—–-]/.test(text[at]!);

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const all = marks(text);
  const doubles = all.filter((m) => m.family === "double");
  // A stack: a quote of another style inside a quote is nested ("…: “Do you agree?” Thirty…").
  const stack: Mark[] = [];
  for (const m of doubles) {
    const before = spaceBefore(text, m.at);
    const after = spaceAfter(text, m.at + m.len);
    if (stack.length === 0) {
      if (m.kind === "open" || (m.kind === "either" && !(after && !before)) || (m.kind === "close" && (before || m.at === 0))) {
        // A closing mark after a space opens a quote too (” provide much-needed…).
        stack.push(m);
      } else if (spans.length === 0 && !/["“”]|``|''/.test(text.slice(0, m.at))) {
        // A closing mark with nothing open: the quote began before this passage.
        spans.push({ markStart: 0, start: 0, end: m.at, markEnd: m.at + m.len, closed: true, opensPassage: false });
      }
      continue;
    }
    const top = stack[stack.length - 1]!;
    const closes = m.kind === "close" || (m.kind === "either" && (after || !before));
    if (m.style === top.style) {
      if (closes) {
        stack.pop();
        if (stack.length === 0) push(spans, text, top, m.at, m.at + m.len, true);
      } else if (stack.length === 1) {
        // The same style reopened without closing: close the first where the second starts.
        push(spans, text, top, m.at, m.at, false);
        stack[0] = m;
      }
    } else if (!closes) {
      stack.push(m);
    } else if (stack.length === 1) {
      // Mixed marks (“…," or "…”): the closing mark of another style closes the quote.
      stack.pop();
      push(spans, text, top, m.at, m.at + m.len, true);
    } else {
      stack.pop();
    }
  }
  if (stack.length) push(spans, text, stack[0]!, text.length, text.length, false);
  // Single-quoted passages only where no double quote covers them (British style, headlines).
  const singles = all.filter((m) => m.family === "single");
  for (let i = 0; i < singles.length; i++) {
    const o = singles[i]!;
    if (o.kind !== "open") continue;
    const c = closingSingle(singles, i);
    if (!c || c.at - o.at > 400) continue;
    if (spans.some((s) => s.markStart <= o.at && o.at < s.markEnd)) continue;
    push(spans, text, o, c.at, c.at + c.len, true);
    i = singles.indexOf(c);
  }
  // A nickname inside a name (Rosa "Ro" Quispe, Juan 'El Rayo' Pinto) is not a quotation. (One
  // of several words only where the sentence goes on in lower case: in a headline every word is
  // capitalised, and `Mayor 'A Disgrace' Says Rival` is a quotation.)
  const nickname = (q: QuoteSpan): boolean =>
    /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(text.slice(q.start, q.end)) &&
    /\p{Lu}[\p{L}.]*\s$/u.test(text.slice(0, q.markStart)) &&
    /^\s\p{Lu}/u.test(text.slice(q.markEnd)) &&
    (!/\s/.test(text.slice(q.start, q.end)) || /^\s\p{Lu}[\p{L}'’.-]*[\s,]+\p{Ll}/u.test(text.slice(q.markEnd)));
  return spans.filter((q) => !nickname(q)).sort((a, b) => a.markStart - b.markStart);
}

/**
 * The mark that closes the single quote opened by singles[i]: the first sure closing mark before
 * another opening one, else the first mark that may close ('…the mayor's cuts' on Friday).
 */
function closingSingle(singles: Mark[], i: number): Mark | undefined {
  let maybe: Mark | undefined;
  for (let j = i + 1; j < singles.length; j++) {
    const m = singles[j]!;
    if (m.kind === "close") return m;
    if (m.kind === "open") break;
    maybe ??= m;
  }
  return maybe;
}

function push(spans: QuoteSpan[], text: string, open: Mark, endAt: number, markEnd: number, closed: boolean): void {
  let start = open.at + open.len;
  let end = endAt;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  spans.push({ markStart: open.at, start, end, markEnd, closed, opensPassage: text.slice(0, open.at).trim() === "" });
}
