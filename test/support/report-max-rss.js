/**
 * Preloaded into a child process (`node --require`): prints its peak resident memory (KiB) to stderr
 * when it exits, for tests and benchmarks that bound what a command may use. Read from VmHWM, the peak of
 * this process's own memory: getrusage's maxRSS would also count the parent's memory at the fork, which
 * Linux keeps across exec (a large test worker made a small command look large).
 */
const { readFileSync } = require('node:fs');

process.on('exit', () => {
  const peak = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stderr.write(`maxRSS=${peak ? peak[1] : process.resourceUsage().maxRSS}\n`);
});
