// The subset of Discord's request validation that a bot most plausibly trips
// over, answered with Discord's real error shapes (code 50035 "Invalid Form
// Body" with a nested `errors` tree, 50006 "Cannot send an empty message").
import type { Json } from "./standin-payloads.js";

export interface Problem {
  path: Array<string | number>;
  code: string;
  message: string;
}

/** Discord's nested error tree: { embeds: { 0: { title: { _errors: [...] } } } }. */
export function formErrors(problems: Problem[]): Json {
  const errors: Json = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) node = node[key] ??= {};
    (node._errors ??= []).push({ code: problem.code, message: problem.message });
  }
  return errors;
}

const length = (value: unknown): number => (typeof value === "string" ? [...value].length : 0);

/** Message limits: content 2000, 10 embeds, per-field embed limits and 6000 characters across all embeds. */
export function messageProblems(data: Json): Problem[] {
  const problems: Problem[] = [];
  const max = (value: unknown, limit: number, path: Problem["path"]) => {
    if (length(value) > limit) problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${limit} or fewer in length.` });
  };
  const required = (value: unknown, path: Problem["path"]) => {
    if (length(value) === 0) problems.push({ path, code: "BASE_TYPE_REQUIRED", message: "This field is required" });
  };

  max(data?.content, 2000, ["content"]);
  const embeds: Json[] = Array.isArray(data?.embeds) ? data.embeds : [];
  if (embeds.length > 10) problems.push({ path: ["embeds"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 10 or fewer in length." });
  let total = 0;
  embeds.forEach((embed, i) => {
    max(embed.title, 256, ["embeds", i, "title"]);
    max(embed.description, 4096, ["embeds", i, "description"]);
    max(embed.footer?.text, 2048, ["embeds", i, "footer", "text"]);
    max(embed.author?.name, 256, ["embeds", i, "author", "name"]);
    const fields: Json[] = embed.fields ?? [];
    if (fields.length > 25) problems.push({ path: ["embeds", i, "fields"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
    fields.forEach((field, j) => {
      required(field.name, ["embeds", i, "fields", j, "name"]);
      required(field.value, ["embeds", i, "fields", j, "value"]);
      max(field.name, 256, ["embeds", i, "fields", j, "name"]);
      max(field.value, 1024, ["embeds", i, "fields", j, "value"]);
      total += length(field.name) + length(field.value);
    });
    total += length(embed.title) + length(embed.description) + length(embed.footer?.text) + length(embed.author?.name);
  });
  if (total > 6000) problems.push({ path: ["embeds"], code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of 6000" });
  embeds.forEach((embed, i) => {
    if (embed.url !== undefined && !/^https?:\/\/\S+$/.test(String(embed.url))) {
      problems.push({ path: ["embeds", i, "url"], code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." });
    }
  });
  componentProblems(data?.components, problems);
  return problems;
}

/** Action rows of buttons: ≤ 5 rows of ≤ 5, custom_id 1–100 characters and unique in the message, label ≤ 80. */
function componentProblems(components: Json, problems: Problem[]): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components) || components.length > 5) {
    problems.push({ path: ["components"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 5 or fewer in length." });
    return;
  }
  const ids = new Set<string>();
  components.forEach((row: Json, i: number) => {
    const items: Json[] = Array.isArray(row?.components) ? row.components : [];
    if (row?.type !== 1 || items.length < 1 || items.length > 5) {
      problems.push({ path: ["components", i, "components"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 5 in length." });
    }
    items.forEach((item: Json, j: number) => {
      const path = ["components", i, "components", j];
      if (item.type !== 2) return; // only buttons are checked
      if (length(item.label) > 80) problems.push({ path: [...path, "label"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 80 or fewer in length." });
      if (item.style === 5) {
        if (!/^https?:\/\/\S+$/.test(String(item.url ?? "")))
          problems.push({ path: [...path, "url"], code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." });
        return;
      }
      const id = item.custom_id;
      if (length(id) < 1 || length(id) > 100) {
        problems.push({ path: [...path, "custom_id"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
      } else if (ids.has(id)) {
        problems.push({ path: [...path, "custom_id"], code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated" });
      }
      ids.add(id);
    });
  });
}

/** Autocomplete results: at most 25 choices, names 1–100 characters, string values ≤ 100. */
export function choiceProblems(data: Json): Problem[] {
  const problems: Problem[] = [];
  const choices: Json[] = Array.isArray(data?.choices) ? data.choices : [];
  if (choices.length > 25) problems.push({ path: ["data", "choices"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
  choices.forEach((choice: Json, i: number) => {
    if (length(choice.name) < 1 || length(choice.name) > 100) {
      problems.push({ path: ["data", "choices", i, "name"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
    }
    if (typeof choice.value === "string" && length(choice.value) > 100) {
      problems.push({ path: ["data", "choices", i, "value"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
    }
  });
  return problems;
}

/** What Discord rejects with 50006 when creating (not editing) a message. */
export function isEmptyMessage(data: Json, fileCount: number): boolean {
  return fileCount === 0 && length(data?.content) === 0 && !data?.embeds?.length && !data?.components?.length && !data?.sticker_ids?.length && !data?.poll;
}

// Discord's name rule for commands and options (lower case is enforced for chat-input commands).
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function optionProblems(options: Json, path: Problem["path"], problems: Problem[]): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options) || options.length > 25) {
    problems.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
    return;
  }
  let sawOptional = false;
  options.forEach((option: Json, i: number) => {
    if (typeof option.name !== "string" || !NAME.test(option.name) || option.name !== option.name.toLowerCase()) {
      problems.push({ path: [...path, i, "name"], code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
    }
    if (length(option.description) < 1 || length(option.description) > 100) {
      problems.push({ path: [...path, i, "description"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
    }
    if (Array.isArray(option.choices) && option.choices.length > 25) {
      problems.push({ path: [...path, i, "choices"], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 25 or fewer in length." });
    }
    if (option.required && sawOptional) {
      problems.push({
        path: [...path, i, "required"],
        code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        message: "Required options must be placed before non-required options",
      });
    }
    if (!option.required && option.type !== 1 && option.type !== 2) sawOptional = true;
    optionProblems(option.options, [...path, i, "options"], problems);
  });
}

/** Bulk-overwrite validation: names, descriptions, option ordering, duplicates, 100 commands max. */
export function commandProblems(commands: Json): Problem[] {
  if (!Array.isArray(commands)) return [{ path: [], code: "BASE_TYPE_ARRAY", message: "Must be an array." }];
  const problems: Problem[] = [];
  if (commands.length > 100) problems.push({ path: [], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
  const seen = new Set<string>();
  commands.forEach((command: Json, i: number) => {
    const type = command.type ?? 1;
    const name = command.name;
    if (typeof name !== "string" || (type === 1 && (!NAME.test(name) || name !== name.toLowerCase()))) {
      problems.push({ path: [i, "name"], code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" });
    }
    if (type === 1 && (length(command.description) < 1 || length(command.description) > 100)) {
      problems.push({ path: [i, "description"], code: "BASE_TYPE_BAD_LENGTH", message: "Must be between 1 and 100 in length." });
    }
    if (seen.has(`${type}:${name}`)) {
      problems.push({ path: [i, "name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME", message: `Application command names must be unique` });
    }
    seen.add(`${type}:${name}`);
    optionProblems(command.options, [i, "options"], problems);
  });
  return problems;
}
