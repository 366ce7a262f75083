// MiniSearch's index in a compact layout: one string list of terms and a few typed arrays of
// postings, instead of a radix tree of Maps of Maps. It is what the cache stores, and what a loaded
// index searches through: saving and loading copy a handful of arrays (no JSON of every posting,
// no re-walking every term), it takes a fraction of the memory, and MiniSearch answers from it
// exactly as from its own index — each term's postings are turned back into MiniSearch's Maps
// only when a query looks that term up, and the term tree (for prefix and fuzzy matching) is
// built on the first query that needs it.
import { LRUCache } from "lru-cache";
import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";

/** MiniSearch's own state, as its (protected) fields hold it. */
interface Internals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

/** Everything a MiniSearch index over numeric ids holds, in flat arrays. */
export interface CompactIndex {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  /** The terms, in the order MiniSearch's tree lists them. */
  terms: string[];
  /** Term t's postings in field f are postings[offsets[t * F + f] … offsets[t * F + f + 1]), F the number of fields. */
  offsets: Uint32Array;
  /** Short document ids, ascending within each run. */
  postings: Int32Array;
  /** The term's frequency in that field of that document. */
  freqs: Int32Array;
  /** The document id of each short id (-1: removed). */
  ids: Int32Array;
  /** Each short id's field lengths, F per document (-1: the document has no such field). */
  fieldLengths: Int32Array;
}

function fieldCount(c: Pick<CompactIndex, "fieldIds">): number {
  return Object.keys(c.fieldIds).length;
}

/** The compact form of a MiniSearch index whose document ids are whole numbers ≥ 0 and whose stored fields are empty. */
export function compactFromMiniSearch(ms: MiniSearch<unknown>): CompactIndex {
  const m = ms as unknown as Internals;
  if (m._index instanceof CompactTermMap) return m._index.compact;
  if (m._storedFields.size > 0) throw new Error("compact index: stored fields are not supported");
  const F = fieldCount({ fieldIds: m._fieldIds });
  const terms: string[] = [];
  const offsets: number[] = [0];
  let postings = new Int32Array(1 << 16);
  let freqs = new Int32Array(1 << 16);
  let n = 0;
  for (const [term, byField] of m._index) {
    terms.push(term);
    for (let f = 0; f < F; f++) {
      const docs = byField.get(f);
      if (docs) {
        if (n + docs.size > postings.length) {
          const size = Math.max(postings.length * 2, n + docs.size);
          const p = new Int32Array(size);
          p.set(postings);
          postings = p;
          const q = new Int32Array(size);
          q.set(freqs);
          freqs = q;
        }
        const start = n;
        let sorted = true;
        for (const [doc, freq] of docs) {
          if (n > start && doc < postings[n - 1]!) sorted = false;
          postings[n] = doc;
          freqs[n++] = freq;
        }
        if (!sorted) sortRun(postings, freqs, start, n);
      }
      offsets.push(n);
    }
  }
  const ids = new Int32Array(m._nextId).fill(-1);
  for (const [short, id] of m._documentIds) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new Error("compact index: document ids must be whole numbers");
    ids[short] = id;
  }
  const fieldLengths = new Int32Array(m._nextId * F).fill(-1);
  for (const [short, lengths] of m._fieldLength) for (let f = 0; f < F; f++) if (lengths[f] !== undefined) fieldLengths[short * F + f] = lengths[f]!;
  return {
    documentCount: m._documentCount,
    nextId: m._nextId,
    fieldIds: { ...m._fieldIds },
    averageFieldLength: [...m._avgFieldLength],
    dirtCount: m._dirtCount,
    terms,
    offsets: Uint32Array.from(offsets),
    postings: postings.slice(0, n),
    freqs: freqs.slice(0, n),
    ids,
    fieldLengths,
  };
}

function sortRun(postings: Int32Array, freqs: Int32Array, start: number, end: number): void {
  const order = Array.from({ length: end - start }, (_, i) => start + i).sort((a, b) => postings[a]! - postings[b]!);
  const p = order.map((i) => postings[i]!);
  const q = order.map((i) => freqs[i]!);
  postings.set(p, start);
  freqs.set(q, start);
}

/** Makes `ms` (freshly constructed with the options the index was built with) search `c`. */
export function attachCompact(ms: MiniSearch<unknown>, c: CompactIndex): void {
  const F = fieldCount(c);
  if (
    c.offsets.length !== c.terms.length * F + 1 ||
    c.ids.length !== c.nextId ||
    c.fieldLengths.length !== c.nextId * F ||
    c.postings.length !== c.freqs.length
  ) {
    throw new Error("compact index: inconsistent arrays");
  }
  const m = ms as unknown as Internals;
  m._documentCount = c.documentCount;
  m._nextId = c.nextId;
  m._fieldIds = { ...c.fieldIds };
  m._avgFieldLength = [...c.averageFieldLength];
  m._dirtCount = c.dirtCount;
  m._storedFields = new Map();
  m._documentIds = new ShortIdMap(c.ids) as unknown as Map<number, unknown>;
  m._idToShortId = new IdMap(c.ids) as unknown as Map<unknown, number>;
  m._fieldLength = new FieldLengthMap(c.fieldLengths, F, c.ids) as unknown as Map<number, number[]>;
  m._index = new CompactTermMap(c) as unknown as SearchableMap<Map<number, Map<number, number>>>;
}

/** The document ids of the passages whose field `fieldId` holds the term, ascending; null when none does or the index is not compact. */
export function compactFieldIds(ms: MiniSearch<unknown>, term: string, fieldId: number): Int32Array | null | undefined {
  const index = (ms as unknown as Internals)._index;
  if (!(index instanceof CompactTermMap)) return undefined;
  return index.fieldDocIds(term, fieldId);
}

/** What the compact search code reads: the arrays, a term's index in them, and the term tree (built on first use). */
export interface CompactParts {
  compact: CompactIndex;
  termIndex(term: string): number | undefined;
  tree(): SearchableMap<number>;
}

/** The compact arrays behind `ms`, or undefined when the index is not compact. */
export function compactParts(ms: MiniSearch<unknown>): CompactParts | undefined {
  const index = (ms as unknown as Internals)._index;
  if (!(index instanceof CompactTermMap)) return undefined;
  return { compact: index.compact, termIndex: (term) => index.termIndex(term), tree: () => index.termTree() };
}

type FieldData = Map<number, Map<number, number>>;

/** Postings decoded per query are kept for the next queries, up to this many postings in all. */
const DECODED_POSTINGS = 400_000;

/** Read-only stand-in for MiniSearch's term tree (the parts search, autoSuggest and toJSON use). */
class CompactTermMap {
  private readonly F: number;
  private readonly byTerm = new Map<string, number>();
  private tree: SearchableMap<number> | null = null;
  private readonly decoded = new LRUCache<number, FieldData>({
    maxSize: DECODED_POSTINGS,
    sizeCalculation: (d) =>
      Math.max(
        1,
        [...d.values()].reduce((n, x) => n + x.size, 0),
      ),
  });

  constructor(readonly compact: CompactIndex) {
    this.F = fieldCount(compact);
    compact.terms.forEach((t, i) => this.byTerm.set(t, i));
  }

  get size(): number {
    return this.compact.terms.length;
  }

  has(term: string): boolean {
    return this.byTerm.has(term);
  }

  get(term: string): FieldData | undefined {
    const t = this.byTerm.get(term);
    return t === undefined ? undefined : this.data(t);
  }

  /** The sorted document ids holding the term in one field, straight from the arrays. */
  fieldDocIds(term: string, fieldId: number): Int32Array | null {
    const t = this.byTerm.get(term);
    if (t === undefined) return null;
    const { offsets, postings, ids } = this.compact;
    const from = offsets[t * this.F + fieldId]!;
    const to = offsets[t * this.F + fieldId + 1]!;
    if (to <= from) return null;
    const out = new Int32Array(to - from);
    let n = 0;
    for (let i = from; i < to; i++) {
      const id = ids[postings[i]!]!;
      if (id >= 0) out[n++] = id;
    }
    return n ? out.subarray(0, n).sort() : null;
  }

  atPrefix(prefix: string): Iterable<[string, FieldData]> {
    const sub = this.terms().atPrefix(prefix);
    const data = (t: number): FieldData => this.data(t);
    return {
      *[Symbol.iterator]() {
        for (const [term, t] of sub) yield [term, data(t)];
      },
    };
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldData, number]> {
    const out = new Map<string, [FieldData, number]>();
    for (const [w, [t, d]] of this.terms().fuzzyGet(term, maxDistance)) out.set(w, [this.data(t), d]);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<[string, FieldData]> {
    for (let t = 0; t < this.compact.terms.length; t++) yield [this.compact.terms[t]!, this.data(t)];
  }

  entries(): IterableIterator<[string, FieldData]> {
    return this[Symbol.iterator]();
  }

  /** The term tree, in the order of the original index, built when prefix or fuzzy matching first needs it. */
  termIndex(term: string): number | undefined {
    return this.byTerm.get(term);
  }

  termTree(): SearchableMap<number> {
    return this.terms();
  }

  private terms(): SearchableMap<number> {
    if (!this.tree) {
      const tree = new SearchableMap<number>();
      this.compact.terms.forEach((t, i) => tree.set(t, i));
      this.tree = tree;
    }
    return this.tree;
  }

  /** Term t's postings as MiniSearch holds them: field id → short id → frequency, ids ascending. */
  private data(t: number): FieldData {
    const hit = this.decoded.get(t);
    if (hit) return hit;
    const { offsets, postings, freqs } = this.compact;
    const out: FieldData = new Map();
    for (let f = 0; f < this.F; f++) {
      const from = offsets[t * this.F + f]!;
      const to = offsets[t * this.F + f + 1]!;
      if (to <= from) continue;
      const docs = new Map<number, number>();
      for (let i = from; i < to; i++) docs.set(postings[i]!, freqs[i]!);
      out.set(f, docs);
    }
    this.decoded.set(t, out);
    return out;
  }

  set(): never {
    return readOnly();
  }

  fetch(): never {
    return this.set();
  }

  update(): never {
    return this.set();
  }

  delete(): never {
    return this.set();
  }
}

function readOnly(): never {
  throw new Error("a compact index is read-only: build a new one to add or remove documents");
}

/** short id → document id, over the ids array (MiniSearch's _documentIds). */
class ShortIdMap {
  constructor(private readonly ids: Int32Array) {}

  set(): never {
    return readOnly();
  }

  delete(): never {
    return readOnly();
  }

  get size(): number {
    let n = 0;
    for (const id of this.ids) if (id >= 0) n++;
    return n;
  }

  has(short: number): boolean {
    return (this.ids[short] ?? -1) >= 0;
  }

  get(short: number): number | undefined {
    const id = this.ids[short] ?? -1;
    return id >= 0 ? id : undefined;
  }

  *entries(): IterableIterator<[number, number]> {
    for (let s = 0; s < this.ids.length; s++) if (this.ids[s]! >= 0) yield [s, this.ids[s]!];
  }

  *keys(): IterableIterator<number> {
    for (const [s] of this.entries()) yield s;
  }

  *values(): IterableIterator<number> {
    for (const [, id] of this.entries()) yield id;
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (id: number, short: number) => void): void {
    for (const [s, id] of this.entries()) fn(id, s);
  }
}

/** document id → short id (MiniSearch's _idToShortId), its table built on first use. */
class IdMap {
  private byId: Map<number, number> | null = null;

  constructor(private readonly ids: Int32Array) {}

  set(): never {
    return readOnly();
  }

  delete(): never {
    return readOnly();
  }

  private table(): Map<number, number> {
    if (!this.byId) {
      this.byId = new Map();
      this.ids.forEach((id, s) => {
        if (id >= 0) this.byId!.set(id, s);
      });
    }
    return this.byId;
  }

  get size(): number {
    return this.table().size;
  }

  has(id: unknown): boolean {
    return this.table().has(id as number);
  }

  get(id: unknown): number | undefined {
    return this.table().get(id as number);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.table().entries();
  }
}

/** short id → field lengths (MiniSearch's _fieldLength), one small array per document made on first use. */
class FieldLengthMap {
  private readonly rows: Array<number[] | undefined>;

  constructor(
    private readonly lengths: Int32Array,
    private readonly F: number,
    private readonly ids: Int32Array,
  ) {
    this.rows = new Array<number[] | undefined>(ids.length);
  }

  get(short: number): number[] | undefined {
    if ((this.ids[short] ?? -1) < 0) return undefined;
    let row = this.rows[short];
    if (!row) {
      row = [];
      for (let f = 0; f < this.F; f++) {
        const n = this.lengths[short * this.F + f]!;
        if (n >= 0) row[f] = n;
      }
      this.rows[short] = row;
    }
    return row;
  }

  has(short: number): boolean {
    return (this.ids[short] ?? -1) >= 0;
  }

  *entries(): IterableIterator<[number, number[]]> {
    for (let s = 0; s < this.ids.length; s++) if (this.ids[s]! >= 0) yield [s, this.get(s)!];
  }

  [Symbol.iterator](): IterableIterator<[number, number[]]> {
    return this.entries();
  }
}
