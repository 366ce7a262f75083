// The query mix of the real-text bench, drawn from the loaded corpus' own sentences: quoted words
// (who-said), the words around a time expression (when), an actor with the words their stance is
// about (stance), and a few consecutive words of a passage (search); each as written, with one or
// two typos, or made of words the corpus does not have — the mix the synthetic bench uses.
import { isStopToken, stem, tokenize } from "../src/text/tokenize.js";
import type { Corpus, Passage } from "../src/types.js";
import { Rng } from "./prng.js";
import { COMMANDS, type Command, type Query, type Variant, withTypos } from "./workload.js";

const MIX = { exact: 60, typo: 25, absent: 15 };

/** Content words of a text, as printed (letters only, 3+ long). */
function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopToken(t) && t.raw.length >= 3 && /^\p{L}+$/u.test(t.raw))
    .map((t) => t.raw);
}

/** `n` consecutive words of the text from a random place (whole words, punctuation dropped). */
function window(rng: Rng, text: string, min: number, max: number): string | null {
  const words = tokenize(text).map((t) => t.raw);
  if (words.length < min) return null;
  const n = rng.int(min, Math.min(max, words.length));
  const at = rng.int(0, words.length - n);
  return words.slice(at, at + n).join(" ");
}

/** Made-up words no passage holds: letters in a pronounceable pattern, checked against the corpus' stems. */
function absentWords(rng: Rng, known: (stem: string) => boolean, n: number): string[] {
  const c = "bcdfghklmnprstvz";
  const v = "aeiou";
  const out: string[] = [];
  while (out.length < n) {
    let w = "";
    for (let i = rng.int(3, 4); i > 0; i--) w += rng.pick([...c]) + rng.pick([...v]);
    if (!known(stem(w))) out.push(w);
  }
  return out;
}

/** Draws questions of one command from the corpus, or null when the draw found nothing usable. */
type Draw = (rng: Rng) => { input: Query["input"]; text: string; typoed: () => { input: Query["input"]; text: string } } | null;

function drawers(corpus: Corpus): Record<Command, Draw> {
  const direct = corpus.quotes.filter((q) => q.direct && q.speaker && tokenize(q.text).length >= 4);
  const passage = (id: number): Passage => corpus.passages[id]!;
  const sentenceAt = (p: Passage, at: number): string => {
    const s = p.sentences.find((x) => x.start <= at && at < x.end);
    return s ? p.text.slice(s.start, s.end) : p.text;
  };
  const stances = corpus.stances.filter((s) => s.weight === 1 && contentWords(s.target).length > 0);
  const asQuery = (command: "who-said" | "when" | "search", text: string) => ({
    input: { command, query: text } as Query["input"],
    text,
    typoed: () => {
      const t = withTypos(new Rng(text), text);
      return { input: { command, query: t } as Query["input"], text: t };
    },
  });
  return {
    "who-said": (rng) => {
      if (direct.length === 0) return null;
      const text = window(rng, rng.pick(direct).text, 4, 8);
      return text ? asQuery("who-said", text) : null;
    },
    when: (rng) => {
      if (corpus.times.length === 0) return null;
      const t = rng.pick(corpus.times);
      const p = passage(t.passageId);
      // The event: the sentence's content words without the time words themselves.
      const sentence = sentenceAt(p, t.start).replace(t.text, " ");
      const words = contentWords(sentence);
      if (words.length < 2) return null;
      const n = Math.min(words.length, rng.int(2, 5));
      const at = rng.int(0, words.length - n);
      return asQuery("when", words.slice(at, at + n).join(" "));
    },
    stance: (rng) => {
      if (stances.length === 0) return null;
      const s = rng.pick(stances);
      const topicWords = contentWords(s.target);
      const topic = rng.chance(0.8) ? topicWords.slice(0, rng.int(1, Math.min(3, topicWords.length))).join(" ") : null;
      const make = (actor: string, t: string | null) => ({ input: { command: "stance" as const, actor, topic: t }, text: t ? `${actor} ${t}` : actor });
      return {
        ...make(s.actorText, topic),
        typoed: () => {
          const r = new Rng(`${s.actorText}:${topic}`);
          return topic && r.chance(0.7) ? make(s.actorText, withTypos(r, topic)) : make(withTypos(r, s.actorText), topic);
        },
      };
    },
    search: (rng) => {
      const p = rng.pick(corpus.passages);
      const words = contentWords(sentenceAt(p, rng.int(0, Math.max(0, p.text.length - 1))));
      if (words.length < 2) return null;
      const n = rng.int(2, Math.min(4, words.length));
      const at = rng.int(0, words.length - n);
      return asQuery("search", words.slice(at, at + n).join(" "));
    },
  };
}

/** `total` queries, an equal share per command, shuffled so commands interleave as users' do. */
export function buildRealWorkload(corpus: Corpus, known: (stem: string) => boolean, total: number, seed: string): Query[] {
  const rng = new Rng(`real-workload:${seed}`);
  const absent = absentWords(rng.fork("absent"), known, 200);
  const draw = drawers(corpus);
  const per = Math.max(1, Math.floor(total / COMMANDS.length));
  const out: Query[] = [];
  for (const command of COMMANDS) {
    const r = rng.fork(command);
    for (let i = 0; i < per; i++) {
      const variant: Variant = r.weighted(MIX);
      let got = null;
      for (let tries = 0; tries < 20 && !got; tries++) got = draw[command](r);
      if (variant === "absent" || !got) {
        const text = r.sample(absent, r.int(2, 3)).join(" ");
        const input: Query["input"] = command === "stance" ? { command, actor: text, topic: null } : { command, query: text };
        out.push({ command, variant: "absent", input, text });
        continue;
      }
      const q = variant === "typo" ? got.typoed() : got;
      out.push({ command, variant, input: q.input, text: q.text });
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
