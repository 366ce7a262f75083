// Counting word 5-grams over a whole corpus in fixed memory, to keep only quotes whose words occur
// once. A hashed counter (32 MB) instead of a map of strings: collisions only ever over-count, so
// a quote is at worst wrongly left out of the key, never wrongly kept.
import { normWords } from "./text.js";

const N = 5;
const BITS = 25;
const MASK = (1 << BITS) - 1;

function hash(words: string[], from: number): number {
  let h = 2166136261;
  for (let k = from; k < from + N; k++) {
    const w = words[k]!;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 32, 16777619);
  }
  return (h >>> 0) & MASK;
}

export class NgramSketch {
  private readonly counts = new Uint8Array(1 << BITS);

  addText(text: string): void {
    const words = normWords(text);
    for (let i = 0; i + N <= words.length; i++) {
      const h = hash(words, i);
      if (this.counts[h]! < 255) this.counts[h]!++;
    }
  }

  /** True when some 5-gram of the words occurs exactly once: the words, in order, are nowhere else. */
  unique(words: string[]): boolean {
    for (let i = 0; i + N <= words.length; i++) if (this.counts[hash(words, i)] === 1) return true;
    return false;
  }
}
