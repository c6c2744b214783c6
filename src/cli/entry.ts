/**
 * The process around main(): exit codes, a closed pipe, and a command whose
 * input ended without a word. The built command (dist/tierwise.js) starts here.
 */
import { main, unfinishedMessage } from './main';

// `tierwise ... | head`: a closed pipe ends the output quietly, not with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
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
  (error: unknown) => {
    settled = true;
    // Only programmer mistakes reach here; bad input is reported by the commands.
    const text = error instanceof Error && error.stack ? error.stack : String(error);
    process.stderr.write(`tierwise: internal error: ${text}\n`);
    process.exitCode = 70;
  },
);
