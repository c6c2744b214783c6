/**
 * Tierwise's CSV parser against @fast-csv/parse (installed with ExcelJS), on the
 * same file in the same run, alternating A B A B (issue 14: use a library only
 * where it is faster). Run: npx tsx bench/csv-parsers.ts FILE.csv [runs]
 */
import { createReadStream } from 'node:fs';
import { parse } from '@fast-csv/parse';
import { readCsvBatches } from '../src/cli/csv';
import { spread } from './compare';

const [file, runs = '5'] = process.argv.slice(2) as [string, string?];

async function ours(): Promise<number> {
  let rows = 0;
  for await (const batch of readCsvBatches(createReadStream(file, { highWaterMark: 1 << 20 }), file))
    rows += batch.length;
  return rows;
}

function fastCsv(): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    createReadStream(file, { highWaterMark: 1 << 20 })
      .pipe(parse())
      .on('data', () => rows++)
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const rows = await run();
  return { ms: performance.now() - t0, rows };
}

async function main(): Promise<void> {
  const a: number[] = [];
  const b: number[] = [];
  let counts = '';
  for (let i = 0; i < Number(runs); i++) {
    const x = await timed(ours);
    const y = await timed(fastCsv);
    a.push(x.ms);
    b.push(y.ms);
    counts = `${x.rows} / ${y.rows} records`;
  }
  const ratio = spread(a.map((ms, i) => b[i]! / ms));
  const show = (ms: number[]): string => {
    const s = spread(ms);
    return `${s.median.toFixed(0)} ms median (${s.min.toFixed(0)}..${s.max.toFixed(0)})`;
  };
  console.log(`tierwise parser ${show(a)}; @fast-csv/parse ${show(b)}; ${counts}`);
  console.log(
    `fast-csv time / tierwise time ${ratio.median.toFixed(2)}x (min ${ratio.min.toFixed(2)}, max ${ratio.max.toFixed(2)}) above 1: Tierwise faster`,
  );
}

void main();
