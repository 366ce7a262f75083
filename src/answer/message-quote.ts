// The words to look up in a chat message someone points at ("Who said this?", "Find sources"):
// Discord markup, links and mentions removed; for a quotation, the words inside the quote marks,
// or the message without its attribution ("— Name", "Name said:", "according to Name").
import { cleanInput } from "../text/normalize.js";
import { MAX_QUERY_CHARS } from "./validate.js";

/** Mentions, custom emoji, timestamps, links, code fences, markdown marks and block quotes. */
export function stripChatMarkup(text: string): string {
  return text
    .replace(/<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<t:\d+(?::\w)?>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^\s*>+\s?/gm, "")
    .replace(/(\*\*|__|~~|\|\||[*_`])/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// A quoted span: curly or straight double quotes, guillemets, or curly single quotes.
const QUOTED = /“([^”]+)”|"([^"]+)"|«([^»]+)»|‘([^’]+)’/g;
// Attribution before the words ("Wang Yi said:", "As X put it,") or after them ("— X", ", X said.").
const LEADING = /^(?:as\s+)?[\p{Lu}][\p{L}\p{N}'’.\- ]{0,60}?\s+(?:said|says|wrote|writes|told\s+\S+|stated|warned|added|put it|tweeted)\s*[:,]\s*/u;
const TRAILING = [
  // A dash with a space before it (not a hyphen) and a name after it: "— Alice Example, harbour master".
  /(?:\s+|(?<=[.!?"”’]))(?:[—–―]|-{1,2}|~)\s*\p{Lu}[^—–―~\s]*(?:\s+[^—–―~\s]+){0,7}$/u,
  /\s*[,.]?\s*(?:said|says|wrote|stated|warned|added|according to)\s+[\p{L}][\p{L}\p{N}'’.,\- ]{0,80}[.!]?$/iu,
  /\s*[,.]\s*[\p{Lu}][\p{L}\p{N}'’.\- ]{0,60}?\s+(?:said|says|wrote|stated|warned|added)\.?$/u,
];

/** The quotation in a message: its longest quoted span of two words or more, else the message without attribution. */
export function quotationOf(message: string): string {
  const text = stripChatMarkup(cleanInput(message));
  let best = "";
  for (const m of text.matchAll(QUOTED)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (inner.split(/\s+/).length >= 2 && inner.length > best.length) best = inner;
  }
  if (best) return limit(best.replace(/[,.]$/, ""));
  let bare = text.replace(LEADING, "");
  for (const re of TRAILING) bare = bare.replace(re, "");
  return limit(bare.replace(/^["“”'‘’]+|["“”'‘’]+$/g, "").trim());
}

/** The message's words for a search, markup removed. */
export function searchTextOf(message: string): string {
  return limit(stripChatMarkup(cleanInput(message)));
}

/** Within the query limit, cut at a word. */
function limit(text: string): string {
  if (text.length <= MAX_QUERY_CHARS) return text;
  const cut = text.slice(0, MAX_QUERY_CHARS);
  const space = cut.lastIndexOf(" ");
  return (space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut).trim();
}
