// Builds the command line into one JavaScript file, dist/tierwise.js (ADR 0021):
// esbuild (installed with tsx) bundles src/cli and the engine; exceljs stays a
// dependency. Run by `npm run build:cli` and by `prepare` on `npm install`.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'tierwise.js');
await build({
  entryPoints: [join(root, 'src', 'cli', 'entry.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  banner: { js: '#!/usr/bin/env node' },
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
