// stance: placeholder until the stance extractor lands.
import type { Engine } from "./engine.js";
import type { StanceAnswer } from "./types.js";
export function answerStance(_engine: Engine, actor: unknown, topic?: unknown): StanceAnswer {
  return { command: "stance", actor: String(actor ?? ""), topic: typeof topic === "string" ? topic : null, polarity: null, results: [] };
}
