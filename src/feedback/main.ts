// `npm run feedback [-- --file FILE] [--top N]`: the questions with the most 👎 and their answers.
import { parseArgs } from "node:util";
import { configOrReport } from "../config.js";
import { FeedbackLog, readVotes } from "./log.js";
import { renderSummary, summarize } from "./summary.js";

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { file: { type: "string" }, top: { type: "string" } } }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nusage: npm run feedback -- [--file FILE] [--top N]\n`);
    return 2;
  }
  const config = configOrReport();
  if (!config) return 1;
  const file = values.file ?? config.FEEDBACK_FILE;
  if (!file) {
    process.stderr.write("error: no feedback file: set FEEDBACK_FILE (where the bot records 👍/👎 votes) or pass --file.\n");
    return 1;
  }
  const files = new FeedbackLog(file).files();
  if (files.length === 0) {
    process.stdout.write(`No votes yet (${file} does not exist).\n`);
    return 0;
  }
  const votes = readVotes(files);
  process.stdout.write(`${renderSummary(summarize(votes), votes.length, Math.max(1, Number(values.top) || 20))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
