// Loads the lexicons (data files) once, in the shapes the extractors use.
import firstNames from "./lexicons/first-names.json" with { type: "json" };
import organizations from "./lexicons/organizations.json" with { type: "json" };
import speakerNouns from "./lexicons/speaker-nouns.json" with { type: "json" };
import speechVerbs from "./lexicons/speech-verbs.json" with { type: "json" };
import titles from "./lexicons/titles.json" with { type: "json" };
import { PhraseMatcher } from "../text/phrases.js";

const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

export const SPEECH_VERBS = lower(speechVerbs.strong);
export const WEAK_SPEECH_VERBS = lower(speechVerbs.weak);
export const SPEECH_PHRASES = speechVerbs.phrases.map((p) => p.toLowerCase());
export const SPEAKER_NOUNS = lower(speakerNouns.nouns);
export const TITLE_WORDS = lower(titles.titles);
export const HONORIFIC_GENDER: Record<string, "m" | "f"> = titles.honorifics as Record<string, "m" | "f">;
export const ORG_SUFFIXES = lower(organizations.suffixes);
export const KNOWN_ORGS = new Set(organizations.known);
export const FEMALE_NAMES = lower(firstNames.female);
export const MALE_NAMES = lower(firstNames.male);

/** Speech verbs and phrases, found word by word (whole words, any case). */
export const SPEECH = new PhraseMatcher<true>([...SPEECH_PHRASES, ...SPEECH_VERBS, ...WEAK_SPEECH_VERBS].map((w) => [w, true] as [string, true]));
