// Startup of the built command (ADR 0021): `tierwise presets` run N times, median and
// quartiles of the wall time, beside the same through tsx (bin/tierwise.js) and a bare
// `node -e 0` for the machine's own floor. Usage: npx tsx bench/startup.ts [runs=21]
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const root = join(__dirname, '..');
const runs = Number(process.argv[2] ?? 21);
execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')]);

function measure(args: string[]): string {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  times.sort((a, b) => a - b);
  const at = (q: number): string => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(0);
  return `median ${at(0.5)} ms (quartiles ${at(0.25)}-${at(0.75)} ms, min ${at(0)} ms)`;
}

console.log(`${runs} runs each, load average ${(loadavg()[0] ?? 0).toFixed(1)}`);
console.log(`node -e 0                      ${measure(['-e', '0'])}`);
console.log(`dist/tierwise.js presets       ${measure([join(root, 'dist', 'tierwise.js'), 'presets'])}`);
console.log(`bin/tierwise.js presets (tsx)  ${measure([join(root, 'bin', 'tierwise.js'), 'presets'])}`);
