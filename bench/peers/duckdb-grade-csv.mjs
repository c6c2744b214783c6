// Peer for `tierwise grade` on a CSV: DuckDB (@duckdb/node-api) runs Tierwise's
// exported SQL (`tierwise sql --source "read_csv('IN')"`, saved to SQL_FILE) and
// COPYs the result to a CSV. usage: node bench/peers/duckdb-grade-csv.mjs SQL_FILE OUT.csv
// (timed end to end by bench/compare.ts).
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { DuckDBInstance } from '@duckdb/node-api';

const [sqlFile, output] = process.argv.slice(2);
const sql = readFileSync(sqlFile, 'utf8');
const connection = await (await DuckDBInstance.create(':memory:')).connect();
await connection.run(`COPY (${sql}) TO '${output.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
