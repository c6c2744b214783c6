#!/usr/bin/env node
// The command-line entry: runs the TypeScript sources through tsx, so the
// command works right after `npm ci` with no separate build step.
require('tsx/cjs');
// `tierwise ... | head`: a closed pipe ends the output quietly, not with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main, unfinishedMessage } = require('../src/cli/main.ts');
let settled = false;
// A stream that ends without a word (a damaged input) must not end the process with exit 0 and nothing said.
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  process.stderr.write(unfinishedMessage(process.argv.slice(2)) + '\n');
  process.exitCode = 70;
});
main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error) => {
    settled = true;
    // Only programmer mistakes reach here; bad input is reported by the commands.
    process.stderr.write(`tierwise: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
