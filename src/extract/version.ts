/** Bumped whenever extraction changes, so cached facts from older code are not reused. */
export const EXTRACTOR_VERSION = 1;
