// Builds the command line into dist/tierwise.js (ADR 0021) and the entry of its
// worker threads into dist/tierwise-worker.js (ADR 0032): esbuild (installed with
// tsx) bundles src/cli and the engine; exceljs stays a dependency. Run by
// `npm run build:cli` and by `prepare` on `npm install`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'tierwise.js');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  legalComments: 'none',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'entry.ts')],
  outfile,
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync(outfile, 0o755);
// Found next to dist/tierwise.js by src/cli/parallel/workers.ts.
await build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'parallel', 'worker.ts')],
  outfile: join(root, 'dist', 'tierwise-worker.js'),
});
