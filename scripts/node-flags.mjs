// The V8 flags of the long-running answering processes (`npm start`, `npm run serve:http`; the
// bench's answering process runs with them too). Written in package.json's scripts as well, where
// a test holds them equal to these.
//
// --max-semi-space-size=8: a young generation of 8 MB semi-spaces instead of Node 20's 16 MB. Each
// answer allocates a few MB that die with it (rows, parsed facts, typo keys); with the larger
// young generation more of them were still alive when it filled and were promoted, and the old
// generation's collections that followed (about 7 ms each, one every 60 answers) were most of the
// slowest answers. Measured on the real 1M-passage database: 36 such collections in 2,000 answers
// became 10, stance p99 46–59 ms became 31–34, and the process holds about 20 MB less.
export const ANSWERING_NODE_FLAGS = ["--max-semi-space-size=8"];
