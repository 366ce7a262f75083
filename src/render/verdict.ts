// The one-line verdict of /check, shared by the terminal and Discord: each renderer says how a
// word the question has (struck out) and a word the text has (emphasized) look.
import type { CheckAnswer } from "../answer/types.js";

export interface DiffMarks {
  /** A word of the question that the text does not have. */
  asked: (s: string) => string;
  /** A word the text has instead. */
  said: (s: string) => string;
  /** Any text taken from the question or the documents (escaping). */
  plain: (s: string) => string;
}

const VERDICT_LABEL: Record<CheckAnswer["verdict"], string> = {
  exact: "Exact",
  close: "Close",
  "other-speaker": "Attributed to someone else",
  "not-found": "Not found",
};

/** "the text says ~~must~~ **should**; ~~very~~": each difference, the question's words first. */
export function describeDiff(diff: Array<{ query: string; text: string }>, marks: DiffMarks): string {
  return diff
    .map((d) => [d.query ? marks.asked(marks.plain(d.query)) : "", d.text ? marks.said(marks.plain(d.text)) : ""].filter(Boolean).join(" "))
    .join("; ");
}

export function verdictLine(a: CheckAnswer, marks: DiffMarks): string {
  const label = VERDICT_LABEL[a.verdict];
  const top = a.results[0];
  if (!top) return `${label}: the documents do not say this, nor anything close to it.`;
  const who = top.speaker ? `${marks.plain(top.speaker)}${top.role ? `, ${marks.plain(top.role)}` : ""}` : null;
  const differs = top.diff.length ? `the text says ${describeDiff(top.diff, marks)}` : "";
  switch (a.verdict) {
    case "exact":
      return `${label}: the documents say exactly this${who ? `, quoting ${who}` : ""}.`;
    case "close":
      return `${label}: ${differs}${who ? ` — quoting ${who}` : ""}.`;
    case "other-speaker":
      return `${label}: the text gives these words to ${who ?? "someone else"}${a.speaker ? ` — not ${marks.plain(a.speaker)}` : ""}${differs ? `; ${differs}` : ""}.`;
    default:
      return `${label}.`;
  }
}

/** Git's word-diff marks, for plain terminals: [-asked-] {+said+}. */
export const TEXT_MARKS: DiffMarks = { asked: (s) => `[-${s}-]`, said: (s) => `{+${s}+}`, plain: (s) => s };
