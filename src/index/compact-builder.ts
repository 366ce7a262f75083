// Builds the compact index (compact-index.ts) document by document, as MiniSearch's addAll would
// build its own and then be compacted — the same terms in the same order, the same postings, field
// lengths and averages — without MiniSearch's Map per term and per field. Documents can be added as
// they are extracted, a batch at a time, and the passage texts need not be kept.
import SearchableMap from "minisearch/SearchableMap";
import type { CompactIndex } from "./compact-index.js";

export class CompactBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term and field: [short id, frequency, short id, frequency, …]. */
  private readonly runs: number[][] = [];
  private readonly ids: number[] = [];
  private readonly fieldLengths: number[] = [];
  private readonly averages: number[];
  private count = 0;

  constructor(
    private readonly fields: string[],
    private readonly tokenize: (text: string) => string[],
  ) {
    this.averages = fields.map(() => 0);
  }

  /** One document: its id (a whole number ≥ 0) and its fields' texts, in `fields` order. */
  add(id: number, values: Array<string | null | undefined>): void {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new Error("compact index: document ids must be whole numbers");
    const short = this.count++;
    this.ids.push(id);
    const F = this.fields.length;
    for (let f = 0; f < F; f++) {
      const value = values[f];
      if (value == null) {
        this.fieldLengths.push(-1);
        continue;
      }
      const tokens = this.tokenize(value);
      const length = new Set(tokens).size;
      this.fieldLengths.push(length);
      // MiniSearch's running average, computed the same way so the scores are the same to the last bit.
      this.averages[f] = ((this.averages[f] || 0) * short + length) / (short + 1);
      const freqs = new Map<string, number>();
      for (const t of tokens) if (t) freqs.set(t, (freqs.get(t) ?? 0) + 1);
      for (const [term, n] of freqs) {
        let t = this.termIds.get(term);
        if (t === undefined) {
          t = this.terms.length;
          this.termIds.set(term, t);
          this.terms.push(term);
          for (let g = 0; g < F; g++) this.runs.push([]);
        }
        this.runs[t * F + f]!.push(short, n);
      }
    }
  }

  /** The finished index; the builder is spent. */
  finish(): CompactIndex {
    const F = this.fields.length;
    // MiniSearch lists terms in the order of its radix tree, which depends on the order they came in.
    const tree = new SearchableMap<number>();
    this.terms.forEach((t, i) => tree.set(t, i));
    let total = 0;
    for (const r of this.runs) total += r.length / 2;
    const offsets = new Uint32Array(this.terms.length * F + 1);
    const postings = new Int32Array(total);
    const freqs = new Int32Array(total);
    const terms: string[] = [];
    let n = 0;
    let k = 0;
    for (const [term, t] of tree) {
      terms.push(term);
      for (let f = 0; f < F; f++) {
        const run = this.runs[t * F + f]!;
        for (let i = 0; i < run.length; i += 2) {
          postings[n] = run[i]!;
          freqs[n++] = run[i + 1]!;
        }
        this.runs[t * F + f] = [];
        offsets[++k] = n;
      }
    }
    return {
      documentCount: this.count,
      nextId: this.count,
      fieldIds: Object.fromEntries(this.fields.map((f, i) => [f, i])),
      averageFieldLength: this.count ? [...this.averages] : [],
      dirtCount: 0,
      terms,
      offsets,
      postings,
      freqs,
      ids: Int32Array.from(this.ids),
      fieldLengths: Int32Array.from(this.fieldLengths),
    };
  }
}
