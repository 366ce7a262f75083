// Plain words or slash-style text → a command and its arguments. Used by the terminal prompt and
// by direct messages and mentions, so "who said groundless accusations?" works everywhere.
import { cleanInput } from "../text/normalize.js";
import type { Question } from "./question.js";
import type { Command } from "./types.js";

/** A question, or a request for help, or nothing typed. */
export type Routed = Question | { command: "help" } | { command: "empty" };

const OPTION_RE = /(\w+):\s*("[^"]*"|[^:]*?)(?=\s+\w+:|$)/g;

/** Reads `name:value` options of a slash-style line ("actor:Huawei topic:EU toolbox"). */
function options(rest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of rest.matchAll(OPTION_RE)) out[m[1]!.toLowerCase()] = m[2]!.replace(/^"|"$/g, "").trim();
  return out;
}

const SLASH: Record<string, Command | "help"> = {
  check: "check",
  said: "said",
  "who-said": "who-said",
  whosaid: "who-said",
  who: "who-said",
  when: "when",
  stance: "stance",
  search: "search",
  find: "search",
  sources: "sources",
  source: "sources",
  help: "help",
};

export function route(input: string): Routed {
  const cleaned = cleanInput(input).trim();
  const text = cleaned.replace(/^[\s,:;.!?]+/, "");
  // Only punctuation: a search, so the answer says there is nothing to look for (not silence).
  if (!text) return cleaned ? { command: "search", query: cleaned } : { command: "empty" };
  // Slash-style: "/who-said quote:...", "/stance actor:Huawei topic:toolbox", "search 5G".
  const slash = /^\/?([\w-]+)\b\s*(.*)$/s.exec(text);
  if (slash) {
    const cmd = SLASH[slash[1]!.toLowerCase()];
    const hasSlash = text.startsWith("/");
    if (cmd && (hasSlash || (/^(who-said|whosaid|stance|search|sources|help|when)$/i.test(slash[1]!) && (cmd !== "when" || /:/.test(slash[2]!))))) {
      const rest = slash[2]!.trim();
      const opts = options(rest);
      if (cmd === "sources") return { command: "sources" };
      if (cmd === "help") return { command: "help" };
      if (cmd === "check" || cmd === "said") {
        if (!hasSlash) return { command: "search", query: stripQuotes(text) };
        return quoteCommand(cmd, rest, opts);
      }
      if (cmd === "stance") {
        const actor = opts.actor ?? (rest.includes(":") ? "" : rest.split(/\s+(?:on|about)\s+/i)[0]!);
        const topic = opts.topic ?? (rest.includes(":") ? null : (rest.split(/\s+(?:on|about)\s+/i)[1] ?? null));
        return { command: "stance", actor: actor.trim(), topic: topic?.trim() || null };
      }
      const query = opts.quote ?? opts.event ?? opts.query ?? opts.words ?? (rest.includes(":") ? "" : rest);
      return { command: cmd, query: stripQuotes(query) };
    }
  }
  const q = text.replace(/[?？]+$/, "").trim();
  let m: RegExpExecArray | null;
  if (
    (m =
      /^who\s+(?:said|says|has said|had said|stated|wrote|writes|claimed|told|warned|added|called|described|tweeted|declared)\b[:,]?\s*(?:that\s+|the words\s+|this:?\s*)?(.+)$/i.exec(
        q,
      ))
  ) {
    return { command: "who-said", query: stripQuotes(m[1]!) };
  }
  if (
    (m = /^(?:when|what date|what day|what year|on what date|in what year|how long ago)\b\s*(?:did|was|were|is|are|does|do|will|has|have|had)?\s*(.+)$/i.exec(
      q,
    ))
  ) {
    return { command: "when", query: m[1]! };
  }
  const said = saidQuestion(q);
  if (said) return said;
  const stance = stanceQuestion(q);
  if (stance) return stance;
  if (/^(sources|list (?:the )?sources|what (?:do you|documents do you) know|which documents|what documents)\b/i.test(q)) return { command: "sources" };
  if (/^(help|commands|how do i use (?:you|this))$/i.test(q)) return { command: "help" };
  return { command: "search", query: stripQuotes(q) };
}

function stanceQuestion(q: string): Routed | null {
  const patterns: RegExp[] = [
    /^what(?:'s|’s| is| was| are| were)\s+(?:the\s+)?(.+?)(?:'s|’s|')\s+(?:stance|position|view|views|opinion|take|attitude)\s+(?:on|about|toward|towards|regarding|over)\s+(.+)$/i,
    /^what(?:'s|’s| is| was)\s+the\s+(?:stance|position|view|opinion|attitude)\s+of\s+(.+?)\s+(?:on|about|toward|towards|regarding)\s+(.+)$/i,
    // Without the possessive: "what is the US stance on Huawei", "what's China position on 5G".
    /^what(?:'s|’s| is| was| are| were)\s+(?:the\s+)?(.+?)\s+(?:stance|position|positions|views|attitude)\s+(?:on|about|toward|towards|regarding|over)\s+(.+)$/i,
    /^(?:what|how)\s+(?:does|did|do)\s+(.+?)\s+(?:think|feel|say|stand)\s+(?:of|about|on|toward|towards)\s+(.+)$/i,
    /^(?:is|was|are|were|does|did)\s+(.+?)\s+(?:for|against|in favou?r of|opposed to|supporting|opposing|support|oppose|backing|back)\s+(.+)$/i,
    /^(?:where\s+does|where\s+did)\s+(.+?)\s+stand\s+on\s+(.+)$/i,
    /^(.+?)(?:'s|’s|')\s+(?:stance|position|view)\s+(?:on|about|toward|towards|regarding)\s+(.+)$/i,
    /^(?:stance|position)\s+of\s+(.+?)\s+(?:on|about|toward|towards)\s+(.+)$/i,
  ];
  for (const re of patterns) {
    const m = re.exec(q);
    if (m) return { command: "stance", actor: m[1]!.trim(), topic: m[2]!.trim() || null };
  }
  const bare = /^what(?:'s|’s| is| was)\s+(.+?)(?:'s|’s)\s+(?:stance|position|view)$/i.exec(q) ?? /^(.+?)(?:'s|’s)\s+(?:stance|position)$/i.exec(q);
  if (bare) return { command: "stance", actor: bare[1]!.trim(), topic: null };
  return null;
}

/** `/check quote:… speaker:…` and `/said speaker:… topic:…` (or `/said Huawei about the toolbox`). */
function quoteCommand(cmd: "check" | "said", rest: string, opts: Record<string, string>): Routed {
  const bare = !rest.includes(":");
  if (cmd === "check") return { command: "check", query: stripQuotes(opts.quote ?? opts.query ?? (bare ? rest : "")), speaker: opts.speaker?.trim() || null };
  const [who, about] = bare ? rest.split(/\s+(?:on|about)\s+/i) : [];
  return { command: "said", speaker: (opts.speaker ?? opts.actor ?? who ?? "").trim(), topic: (opts.topic ?? about)?.trim() || null };
}

/** "what did X say (about Y)?" → said; "did X say "…"?" (words in quote marks) → check. */
function saidQuestion(q: string): Routed | null {
  const said =
    /^what\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|tell us|told us|state|stated)(?:\s+(?:about|on|regarding|concerning|of)\s+(.+))?$/i.exec(q);
  if (said) return { command: "said", speaker: said[1]!.trim(), topic: said[2]?.trim() || null };
  const check = /^(?:did|does)\s+(.+?)\s+(?:really\s+)?(?:say|said|write|wrote)\s*[:,]?\s*["“'‘](.+)["”'’]$/i.exec(q);
  if (check) return { command: "check", query: check[2]!.trim(), speaker: check[1]!.trim() };
  return null;
}

function stripQuotes(s: string): string {
  return s
    .trim()
    .replace(/^["“'‘]+|["”'’]+$/g, "")
    .trim();
}
