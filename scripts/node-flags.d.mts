/** The V8 flags of the long-running answering processes (scripts/node-flags.mjs). */
export const ANSWERING_NODE_FLAGS: string[];
