// Checking a user's query before any work: too long, empty, or nothing searchable gets a clear
// message and changes nothing.
import { cleanInput } from "../text/normalize.js";
import { makeQuery, type Query } from "./match.js";

export const MAX_QUERY_CHARS = 500;

export type Checked = { ok: true; query: Query; text: string } | { ok: false; message: string };

export function checkQuery(input: unknown, what = "query"): Checked {
  if (typeof input !== "string") return { ok: false, message: `Missing ${what}: give me a few words to look for.` };
  if (input.length > MAX_QUERY_CHARS * 4) {
    return { ok: false, message: `That ${what} is ${input.length.toLocaleString("en-US")} characters long; keep it under ${MAX_QUERY_CHARS}.` };
  }
  const text = cleanInput(input);
  if (!text) return { ok: false, message: `Empty ${what}: give me a few words to look for.` };
  if (text.length > MAX_QUERY_CHARS) {
    return { ok: false, message: `That ${what} is ${text.length.toLocaleString("en-US")} characters long; keep it under ${MAX_QUERY_CHARS}.` };
  }
  const query = makeQuery(text);
  if (query.terms.length === 0) return { ok: false, message: `Nothing to search for in "${text}": use a few distinctive words.` };
  return { ok: true, query, text };
}
