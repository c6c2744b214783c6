#!/usr/bin/env bash
# Installs PySpark (which bundles Spark) from PyPI into a virtual environment outside the clone,
# once per pinned version, and prints the path of its python. Used by test/sql/spark.spec.ts,
# bench/sql-spark.ts and .ci/run. Needs python3 with venv, Java 17+ and network to PyPI on first use.
#   TIERWISE_PYSPARK_VERSION  the PySpark version (default: the one the tests pin below)
#   TIERWISE_CACHE            where environments live (default /var/cache/tierwise, else ~/.cache/tierwise)
set -euo pipefail

version="${TIERWISE_PYSPARK_VERSION:-4.0.1}"
cache="${TIERWISE_CACHE:-}"
if [ -z "$cache" ]; then
  if mkdir -p /var/cache/tierwise 2>/dev/null && [ -w /var/cache/tierwise ]; then
    cache=/var/cache/tierwise
  else
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/tierwise"
  fi
fi
venv="$cache/spark-venv-$version"

ready="$venv/.tierwise-ready"
if [ ! -f "$ready" ]; then
  mkdir -p "$cache"
  exec 9>"$venv.lock"
  flock 9 # one install at a time; the second waits and then finds it ready
  if [ ! -f "$ready" ]; then
    echo "ensure-pyspark: installing pyspark==$version into $venv (about 500 MB, once)" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark==$version" >&2
    "$venv/bin/python" -c 'import pyspark' >&2
    touch "$ready"
  fi
fi
echo "$venv/bin/python"
