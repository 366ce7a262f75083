// What both stores' stancesAbout share: which stances are kept whatever their passage holds.

/**
 * A target that ends in a dotted acronym cut at its last dot ("backed ties with the U.S" from
 * "the U.S."): its words ("u", "s") are not the passage's ("us"), so the passage's words cannot
 * tell whether it is about the topic. POSIX_CUT_ACRONYM is the same test in PostgreSQL's regex.
 */
export function cutAcronymAtEnd(target: string): boolean {
  return CUT_ACRONYM.test(target);
}

const CUT_ACRONYM = /\p{L}\.\p{L}$/u;
export const POSIX_CUT_ACRONYM = "[[:alpha:]]\\.[[:alpha:]]$";
