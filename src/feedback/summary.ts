// What to fix first: the questions with the most 👎, with the answer people voted on.
import type { Vote } from "./log.js";

export interface QuestionFeedback {
  command: string;
  question: string;
  up: number;
  down: number;
  /** The first results the votes were cast on, most voted first ("file:12-14"). */
  answers: string[];
  last: string;
}

/** Votes per question; a user's later vote on the same question replaces their earlier one. */
export function summarize(votes: Vote[]): QuestionFeedback[] {
  const latest = new Map<string, Vote>();
  for (const v of votes) latest.set(`${v.command}\u0000${v.question}\u0000${v.user}`, v);
  const byQuestion = new Map<string, QuestionFeedback & { cited: Map<string, number> }>();
  for (const v of latest.values()) {
    const key = `${v.command}\u0000${v.question}`;
    let q = byQuestion.get(key);
    if (!q) byQuestion.set(key, (q = { command: v.command, question: v.question, up: 0, down: 0, answers: [], last: v.time, cited: new Map() }));
    if (v.vote === "up") q.up++;
    else q.down++;
    if (v.time > q.last) q.last = v.time;
    const cite = v.file ? `${v.file}:${v.lines ? (v.lines[1] > v.lines[0] ? `${v.lines[0]}-${v.lines[1]}` : v.lines[0]) : "?"}` : "(nothing found)";
    q.cited.set(cite, (q.cited.get(cite) ?? 0) + 1);
  }
  return [...byQuestion.values()]
    .map(({ cited, ...q }) => ({ ...q, answers: [...cited].sort((a, b) => b[1] - a[1]).map(([c]) => c) }))
    .sort((a, b) => b.down - a.down || a.up - b.up || b.last.localeCompare(a.last));
}

export function renderSummary(rows: QuestionFeedback[], votes: number, top = 20): string {
  if (rows.length === 0) return "No votes yet.";
  const worst = rows.filter((r) => r.down > 0).slice(0, top);
  const out = [`${votes} vote${votes === 1 ? "" : "s"} on ${rows.length} question${rows.length === 1 ? "" : "s"}: ${rows.reduce((n, r) => n + r.up, 0)} 👍, ${rows.reduce((n, r) => n + r.down, 0)} 👎.`];
  if (worst.length === 0) return [...out, "No question has a 👎."].join("\n");
  out.push("", "Most 👎 first:");
  worst.forEach((r, i) => {
    out.push(`${i + 1}. ${r.down} 👎 ${r.up} 👍  ${r.question}`);
    out.push(`   answered with ${r.answers.join(", ")}`);
  });
  return out.join("\n");
}
