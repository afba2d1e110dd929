// Preloaded into a run by memory.bench.ts (node --require): prints the process's peak resident set
// size at exit, on stderr, as "peak-rss KB".
'use strict';
process.on('exit', () => {
  process.stderr.write(`\npeak-rss ${process.resourceUsage().maxRSS}\n`);
});
