// Preloaded into the CLI by bench/run.mjs (`node --require`): writes the process's peak RSS (KB)
// to PHI_GUARD_BENCH_RSS_FILE when it exits, so the benchmark needs no external `time` tool.
const fs = require('node:fs');

const file = process.env.PHI_GUARD_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
