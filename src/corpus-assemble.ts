// Document entries → one corpus: numbering documents, passages and facts. No extraction code is
// imported here (types only), so a start from the cache never loads the extractors; reading files
// and extracting (corpus.ts) is loaded only when a file must be (re)extracted.
import type { DocumentFacts } from "./extract/facts.js";
import type { PassageDraft } from "./knowledge/passages.js";
import type { Corpus, DocMeta, Format, Passage, Quote, SpeakerKind, StanceFact, TimeExpression } from "./types.js";

export { EXTRACTOR_VERSION } from "./extract/version.js";

export interface DocEntry {
  file: string;
  format: Format;
  bytes: number;
  mtimeMs: number;
  hash: string;
  meta: DocMeta & { title: string };
  warnings: string[];
  passages: PassageDraft[];
  facts: DocumentFacts;
  /** Paged formats (PDF): the document-wide line number each page starts on. */
  pageStarts?: number[];
}

/** How much a corpus holds; quotes counts attributed direct quotations only (what stats show everywhere). */
export function corpusCounts(c: Corpus): { documents: number; passages: number; quotes: number; times: number; stances: number } {
  return {
    documents: c.documents.length,
    passages: c.passages.length,
    quotes: c.quotes.filter((q) => q.speaker && q.direct).length,
    times: c.times.length,
    stances: c.stances.length,
  };
}

export function emptyCorpus(root: string): Corpus {
  return { root, documents: [], passages: [], quotes: [], times: [], stances: [], actors: new Map(), warnings: [] };
}

/** Puts document entries together into one corpus, numbering documents, passages and facts. */
export function assembleCorpus(root: string, entries: DocEntry[], warnings: string[] = []): Corpus {
  const corpus = emptyCorpus(root);
  corpus.warnings = warnings;
  for (const e of entries) addEntry(corpus, e);
  return corpus;
}

function addEntry(corpus: Corpus, e: DocEntry): void {
  const docId = corpus.documents.length;
  const first = corpus.passages.length;
  corpus.documents.push({
    id: docId,
    file: e.file,
    format: e.format,
    ...e.meta,
    bytes: e.bytes,
    hash: e.hash,
    passageIds: e.passages.map((_, i) => first + i),
    warnings: e.warnings,
    ...(e.pageStarts ? { pageStarts: e.pageStarts } : {}),
  });
  e.passages.forEach((p, i) => {
    const passage: Passage = { id: first + i, docId, file: e.file, ...p };
    corpus.passages.push(passage);
  });
  for (const q of e.facts.quotes) {
    const quote: Quote = {
      id: corpus.quotes.length,
      passageId: first + q.passage,
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      role: q.role,
      speakerKind: q.speakerKind,
      via: q.via,
      direct: q.direct,
    };
    if (q.attribution) quote.attribution = { passageId: first + q.attribution.passage, start: q.attribution.start, end: q.attribution.end };
    corpus.quotes.push(quote);
    if (q.speaker) noteActor(corpus, q.speaker, q.speakerKind);
  }
  e.facts.times.forEach((list, i) => {
    for (const t of list) {
      const te: TimeExpression = { passageId: first + i, text: t.text, start: t.start, end: t.end, value: t.value };
      if (t.unresolved) te.unresolved = t.unresolved;
      corpus.times.push(te);
    }
  });
  for (const s of e.facts.stances) {
    const { passage, ...rest } = s;
    const st: StanceFact = { ...rest, passageId: first + passage };
    corpus.stances.push(st);
    noteActor(corpus, s.actorText, "unknown", s.actor);
  }
}

function noteActor(corpus: Corpus, name: string, kind: SpeakerKind, key = name.toLowerCase()): void {
  const a = corpus.actors.get(key);
  if (a) a.mentions++;
  else corpus.actors.set(key, { name, kind, mentions: 1 });
}
