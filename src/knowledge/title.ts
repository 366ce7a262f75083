// The headline of a plain-text page: the title-like line just before the article body, with a
// strong preference for a line the page repeats (site header + article header).
import type { Unit } from "../types.js";
import { features } from "./boilerplate.js";
import { parseDateText } from "./pubdate.js";

/** `nextToBody`: a line right above the article may be a short sentence-case headline. */
export function isTitleLike(text: string, nextToBody = false): boolean {
  const t = text.trim();
  const f = features(t);
  if (f.words < 2 || f.words > 30 || t.length > 200) return false;
  if (f.furniture || f.teaser || f.innerSentence || /[,:]$/.test(t)) return false;
  if (parseDateText(t, true)) return false;
  // Datelines (NAIROBI, Kenya (AP) _) and wire slugs are not headlines.
  if (/^\p{Lu}{3,}[\p{Lu} .'-]*,/u.test(t) || /\((AP|Reuters|AFP|UPI|Xinhua|Bloomberg)\)/.test(t)) return false;
  const words = t.split(/\s+/);
  const capitalized = words.filter((w) => /^["“'‘(]?[\p{Lu}\p{N}]/u.test(w)).length / words.length;
  // Short navigation lines ("Connect with us") are mostly lower case; headlines are long or
  // capitalized. A headline may end with a period, but then it must be short.
  if (/[.;]$/.test(t) && f.words > 16 && capitalized < 0.6) return false;
  return f.words >= 6 || capitalized >= 0.6 || (nextToBody && f.words >= 3 && !/\b(us|you|your|here|now)\b/i.test(t));
}

/**
 * Picks the headline among the units before `bodyStart` (the first article unit).
 * Returns the unit index, or -1.
 */
export function findTitle(units: Unit[], bodyStart: number): number {
  const limit = Math.min(units.length, Math.max(bodyStart, 0) + 1);
  const normalized = new Map<number, string>();
  const normOf = (k: number): string => {
    let n = normalized.get(k);
    if (n === undefined) {
      n = units[k]!.text.length < 200 ? units[k]!.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() : "";
      normalized.set(k, n);
    }
    return n;
  };
  // A line the page repeats (or that repeats inside a longer line) is the strongest signal.
  for (let i = limit - 1; i >= 0; i--) {
    const u = units[i]!;
    if (!isTitleLike(u.text)) continue;
    const a = normOf(i);
    if (a.split(" ").length < 3) continue;
    for (let j = 0; j < units.length && j < limit + 5; j++) {
      if (j === i) continue;
      const b = normOf(j);
      if (b.length < 200 && (b === a || (b.includes(a) && a.length >= b.length * 0.5))) return i;
    }
  }
  const header = units.findIndex((u, i) => i < limit && u.hint === "title");
  if (header >= 0) {
    // A `title:` header line or an <h1>: take it as is.
    return header;
  }
  // Otherwise the nearest title-like line before the body, skipping date lines and bylines.
  // The body's first unit counts too, as a headline can look like a short paragraph; but not
  // when it ends like a sentence: a file with no title must keep its first sentence.
  for (let i = Math.min(bodyStart, units.length - 1); i >= 0 && i >= bodyStart - 4; i--) {
    if (i === bodyStart && !(units.length > i + 1 && i === 0)) continue;
    if (i === bodyStart && /[.!?]["'”’)]*$/u.test(units[i]!.text.trim())) continue;
    if (isTitleLike(units[i]!.text, i === bodyStart - 1 || i === bodyStart) && !/^by\s/i.test(units[i]!.text)) return i;
  }
  return -1;
}
