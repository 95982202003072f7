/**
 * Preloaded into a child process (`node --require`): prints its peak resident memory (KiB) to stderr
 * when it exits, for tests that bound what a command may use.
 */
process.on('exit', () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`));
