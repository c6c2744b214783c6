#!/usr/bin/env bash
# The command as users install it (ADR 0021): `npm pack`, then `npm install -g` of the
# tarball into a fresh prefix, then `tierwise demo` run from an empty folder with a bare
# environment, so nothing of this clone (its node_modules, tsx) can be reached.
# Called from .ci/run; about 20-60 s (the registry is asked for exceljs and its dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --pack-destination "$work" --silent >/dev/null
tarball=$(ls "$work"/tierwise-*.tgz)
prefix="$work/prefix"
npm install -g --prefix "$prefix" --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
mkdir "$work/run"
cd "$work/run"
node_dir=$(dirname "$(command -v node)")
out=$(env -i PATH="$prefix/bin:$node_dir:/usr/bin:/bin" HOME="$work" "$prefix/bin/tierwise" demo --lang en-US)
echo "$out"
installed="$prefix/lib/node_modules/tierwise"
fail() { echo "test-package: $1" >&2; exit 1; }
grep -q 'Wrote 300 row(s) to' <<<"$out" || fail "demo did not grade the sample"
for tier in 'A  *Grade A  *66' 'B  *Grade B  *129' 'C  *Grade C  *100'; do
  grep -Eq "$tier" <<<"$out" || fail "demo's summary lacks '$tier'"
done
[ -e "$installed/node_modules/tsx" ] && fail "tsx was installed with the package"
[ -e "$installed/src" ] && fail "the TypeScript sources were packed"
# The worker thread's file (dist/tierwise-worker.js) is in the package: `tierwise rfm` on two threads
# (forced for a small file) writes what it writes on one.
awk 'BEGIN { print "customer_id,order_date,revenue"; for (i = 0; i < 5000; i++) printf "C%d,2024-%02d-%02d,%d.%02d\n", i % 300, 1 + i % 12, 1 + i % 28, i % 500, i % 100 }' >orders.csv
run_rfm() { env -i PATH="$prefix/bin:$node_dir:/usr/bin:/bin" HOME="$work" TIERWISE_THREADS="$1" TIERWISE_PARALLEL_MIN_BYTES=0 "$prefix/bin/tierwise" rfm orders.csv --out "rfm-$1.csv" --lang en-US >/dev/null; }
run_rfm 1 || fail "tierwise rfm on one thread failed"
run_rfm 2 || fail "tierwise rfm on two threads failed"
cmp -s rfm-1.csv rfm-2.csv || fail "tierwise rfm wrote other customers on two threads"
echo "test-package: $(basename "$tarball") installs and runs tierwise demo and rfm on two threads ($(du -sk "$tarball" | cut -f1) KB packed)"
