// Page furniture that scraped news pages carry around the article: menus of short lines, share
// bars, comment prompts, "Recent Posts" teasers, author bios, copyright and cookie lines.
import type { Rng } from "./prng.js";
import type { Tail } from "./tail.js";
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, LAST_NAMES, PEOPLE_GROUPS, TOPICS } from "./words.js";

const MENU_ITEMS = [
  "Home",
  "World",
  "Business",
  "Markets",
  "Politics",
  "Technology",
  "Climate",
  "Health",
  "Opinion",
  "Analysis",
  "Blogs",
  "News",
  "Videos",
  "Money",
  "Podcasts",
  "Events",
  "Subscribe",
  "Sign in",
  "Latest",
  "All",
  "In Brief",
  "Features",
  "Webinars",
  "Reports",
  "Newsletters",
];
const LANGUAGES = ["English", "中文", "日本語", "한국어", "Español", "Français", "العربية", "Deutsch"];

export function menu(rng: Rng): string[] {
  const out: string[] = [];
  if (rng.chance(0.4)) out.push(...rng.sample(LANGUAGES, rng.int(3, LANGUAGES.length)));
  const n = rng.int(6, 30);
  for (let i = 0; i < n; i++) out.push(rng.pick(MENU_ITEMS));
  return out;
}

export function shareBar(rng: Rng): string[] {
  return rng.pick([
    ["Share this:", "Facebook", "Twitter", "LinkedIn", "Email", "Print"],
    ["Share", "Tweet", "Share on LinkedIn", "WhatsApp"],
    ["Click to share on Twitter (Opens in new window)", "Click to share on Facebook (Opens in new window)"],
  ]);
}

export function commentPrompt(rng: Rng): string[] {
  return rng.pick([
    ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Comment", "Name *", "Email *", "Post Comment"],
    ["Click to comment", "You must be logged in to post a comment Login", "Leave a Reply"],
    ["Comments are closed."],
  ]);
}

/** Teasers for other stories: a headline, a cut-off first line, and how long ago it went up. */
export function recentPosts(rng: Rng, tail: Tail): string[] {
  const out = [rng.pick(["Recent Posts", "Related", "Most Read", "More from this section"])];
  const n = rng.int(2, 5);
  for (let i = 0; i < n; i++) {
    const topic = rng.pick(TOPICS).np.replace(/^the /, "");
    const who = tail.drawName(rng);
    out.push(
      rng.pick([
        `${who} Confirms Plans For ${capitalizeWords(topic)}`,
        `${capitalizeWords(topic)}: What ${capitalizeWords(rng.pick(PEOPLE_GROUPS))} Need To Know`,
        `${who} Shareholders Sue Over ${capitalizeWords(topic)}`,
      ]),
    );
    out.push(
      `${rng.pick(["Amid concern at", "After weeks of talks on", "A new report on"])} ${topic}, ${rng.pick(["a senior executive tells staff", "regulators are said to be", "the board has"])}…`,
    );
    out.push(rng.pick([`${rng.int(1, 23)} hours ago`, `${rng.int(2, 6)} days ago`, "1 day ago"]));
  }
  return out;
}

export function authorBio(rng: Rng, site: string): { name: string; lines: string[] } {
  const she = rng.chance(0.5);
  const name = `${rng.pick(she ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE)} ${rng.pick(LAST_NAMES)}`;
  const first = name.split(" ")[0];
  const bio = `${first} ${rng.pick(["joined", "has written for"])} ${site} ${rng.pick(["in 2016", "several years ago", "after a decade in regional newspapers"])} and covers ${rng.pick(["trade and industry", "energy markets", "European politics", "technology policy", "labour and housing"])}. ${she ? "She" : "He"} previously worked at a number of media outlets...`;
  return { name, lines: rng.chance(0.5) ? ["Author", name, bio] : [name, bio, "Read more"] };
}

export function copyright(rng: Rng, site: string): string {
  const year = rng.int(2019, 2025);
  return rng.pick([`Copyright © ${year} ${site}`, `© ${year} ${site}. All rights reserved.`, `© ${site} ${year}`]);
}

export function cookieLine(rng: Rng): string {
  return rng.pick([
    "We use cookies to improve your experience on our site. Accept",
    "This site uses cookies. Manage preferences",
    "error: Content is protected !!",
  ]);
}

export function newsletter(rng: Rng): string[] {
  return rng.pick([
    ["Get Our Newsletter", "Sign up"],
    ["Sign up for our daily briefing", "Subscribe"],
    ["Follow us", "Get Our Newsletter"],
  ]);
}

function capitalizeWords(s: string): string {
  return s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}
