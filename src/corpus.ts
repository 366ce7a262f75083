// Files → documents → passages with facts: the whole corpus in plain data.
import { EXTRACTOR_VERSION, extractFacts } from "./extract/facts.js";
import { type LoadedFile, type LoadOptions, loadFolder } from "./knowledge/load.js";
import type { Corpus, DocumentRecord, Passage, Quote, SpeakerKind, StanceFact, TimeExpression } from "./types.js";

export { EXTRACTOR_VERSION };

export function emptyCorpus(root: string): Corpus {
  return { root, documents: [], passages: [], quotes: [], times: [], stances: [], actors: new Map(), warnings: [] };
}

/** Indexes every readable file under `root`. */
export function buildCorpus(root: string, opts: LoadOptions = {}): Corpus {
  const warnings: string[] = [];
  const files = loadFolder(root, { ...opts, onWarning: (w) => (warnings.push(w), opts.onWarning?.(w)) });
  const corpus = emptyCorpus(root);
  corpus.warnings = warnings;
  for (const f of files) addDocument(corpus, f);
  return corpus;
}

/** Appends one loaded file (its passages and facts) to the corpus. */
export function addDocument(corpus: Corpus, f: LoadedFile): DocumentRecord {
  const docId = corpus.documents.length;
  const firstPassage = corpus.passages.length;
  const doc: DocumentRecord = {
    id: docId,
    file: f.entry.file,
    format: f.entry.format,
    title: f.title,
    date: f.date,
    url: f.url,
    author: f.author,
    bytes: f.entry.bytes,
    hash: f.hash,
    passageIds: [],
    warnings: f.warnings,
  };
  corpus.documents.push(doc);
  f.passages.forEach((p, i) => {
    const passage: Passage = { id: firstPassage + i, docId, file: f.entry.file, ...p };
    corpus.passages.push(passage);
    doc.passageIds.push(passage.id);
  });
  const facts = extractFacts(f.passages, f.date);
  for (const q of facts.quotes) {
    const quote: Quote = {
      id: corpus.quotes.length,
      passageId: firstPassage + q.passage,
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      role: q.role,
      speakerKind: q.speakerKind,
      via: q.via,
      direct: q.direct,
    };
    if (q.attribution) quote.attribution = { passageId: firstPassage + q.attribution.passage, start: q.attribution.start, end: q.attribution.end };
    corpus.quotes.push(quote);
    if (q.speaker) noteActor(corpus, q.speaker, q.speakerKind);
  }
  facts.times.forEach((list, i) => {
    for (const t of list) {
      const te: TimeExpression = { passageId: firstPassage + i, text: t.text, start: t.start, end: t.end, value: t.value };
      if (t.unresolved) te.unresolved = t.unresolved;
      corpus.times.push(te);
    }
  });
  for (const s of facts.stances) {
    const st: StanceFact = { ...s, passageId: firstPassage + s.passage };
    delete (st as Partial<typeof s>).passage;
    corpus.stances.push(st);
    noteActor(corpus, s.actorText, "unknown", s.actor);
  }
  return doc;
}

function noteActor(corpus: Corpus, name: string, kind: SpeakerKind, key = name.toLowerCase()): void {
  const a = corpus.actors.get(key);
  if (a) a.mentions++;
  else corpus.actors.set(key, { name, kind, mentions: 1 });
}
