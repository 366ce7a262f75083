// Who stands where, across the whole corpus. An actor keeps one position on a topic (people share
// their organization's), so the answer to "what is X's stance on Y" is well defined; pairs whose
// sentences disagree (positions change) are left out of the answer key rather than guessed.
import type { Rng } from "./prng.js";
import type { Polarity } from "./text.js";
import type { Topic } from "./words.js";

export interface StanceEvidence {
  file: string;
  lines: number[];
}

interface Pair {
  actor: string;
  topic: string;
  polarities: Set<Polarity>;
  evidence: StanceEvidence[];
}

export class StanceBook {
  private readonly dispositions = new Map<string, Polarity>();
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly rng: Rng) {}

  /** The principal's position on the topic, fixed the first time it is asked. */
  disposition(principal: string, topic: Topic): Polarity {
    const key = `${principal}\u0000${topic.np}`;
    let d = this.dispositions.get(key);
    if (!d) {
      d = topic.allegation
        ? "oppose"
        : topic.bannable
          ? this.rng.weighted({ support: 30, oppose: 50, neutral: 20 })
          : this.rng.weighted({ support: 50, oppose: 50 });
      this.dispositions.set(key, d);
    }
    return d;
  }

  record(actor: string, topic: string, polarity: Polarity, evidence: StanceEvidence): void {
    const key = `${actor}\u0000${topic}`;
    let p = this.pairs.get(key);
    if (!p) {
      p = { actor, topic, polarities: new Set(), evidence: [] };
      this.pairs.set(key, p);
    }
    p.polarities.add(polarity);
    if (p.evidence.length < 8) p.evidence.push(evidence);
  }

  /** Pairs with one consistent polarity, in a stable order; and how many were left out as mixed. */
  consistent(): { pairs: Array<{ actor: string; topic: string; polarity: Polarity; evidence: StanceEvidence[] }>; mixed: number } {
    const out = [];
    let mixed = 0;
    for (const p of this.pairs.values()) {
      if (p.polarities.size !== 1) {
        mixed++;
        continue;
      }
      out.push({ actor: p.actor, topic: p.topic, polarity: [...p.polarities][0]!, evidence: p.evidence });
    }
    return { pairs: out, mixed };
  }
}
