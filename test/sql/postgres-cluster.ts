/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, listen on
 * 127.0.0.1 with a free port and a socket in that folder, run SQL through psql,
 * stop by the postmaster's pid. As root, the server runs as the postgres user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

/** The directory holding initdb, pg_ctl and psql, or undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  return BIN_DIRS.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'psql')));
}

export interface PostgresCluster {
  port: number;
  /** Runs SQL and returns psql's CSV output (with a header line). Throws with psql's stderr on failure. */
  query(sql: string): string;
  /** Runs SQL, returning the exit status and stderr instead of throwing. */
  tryQuery(sql: string): { status: number; stdout: string; stderr: string };
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; the caller must call stop() (in afterAll), which also removes the folder. */
export async function startPostgres(bin: string): Promise<PostgresCluster> {
  const root = mkdtempSync(join(tmpdir(), 'tierwise-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (file: string, args: string[], input?: string) => {
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, file), ...args] : args;
    return spawnSync(asRoot ? 'runuser' : join(bin, file), argv, {
      input,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      cwd: root,
    });
  };
  const init = run('initdb', ['-D', data, '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const start = run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(root, 'server.log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off`,
    'start',
  ]);
  if (start.status !== 0) {
    const log = existsSync(join(root, 'server.log')) ? readFileSync(join(root, 'server.log'), 'utf8') : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`pg_ctl start failed: ${start.stderr}\n${log}`);
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const tryQuery = (sql: string) => {
    const result = run(
      'psql',
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '--csv',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
      ],
      sql,
    );
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  let stopped = false;
  return {
    port,
    tryQuery,
    query(sql) {
      const result = tryQuery(sql);
      if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.stderr}`);
      return result.stdout;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        process.kill(pid, 'SIGINT'); // fast shutdown
        for (let i = 0; i < 100 && isAlive(pid); i++) execFileSync('sleep', ['0.1']);
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
