#!/usr/bin/env bash
# `npm run test:spark` (the last step of `npm test`): the exported SQL on Apache Spark, local[2].
# On the pinned PySpark (4.x): every preset, RFM variant and date table, all 40 generated tables and
# the ABC cases; on Spark 3.5.9 the same without the generated tables.
# Without Java or PySpark it skips loudly, except under CI=true, where it fails.
#   --older                      also Spark 3.4.4 and 3.3.4 (presets, RFM variants, date tables, ABC);
#                                not in CI: each adds a JVM start and minutes (docs/sql.md)
#   TIERWISE_SPARK_ONLY=<regex>  the tables to run on the pinned Spark (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."
export TIERWISE_SPARK=1
older=()
for arg in "$@"; do
  case "$arg" in
    --older) older=(3.4.4 3.3.4) ;;
    *) echo "test-spark.sh: unknown argument $arg (--older)" >&2; exit 2 ;;
  esac
done
TIERWISE_SPARK_ONLY="${TIERWISE_SPARK_ONLY-}" npx jest test/sql/spark.spec.ts
for version in 3.5.9 "${older[@]}"; do
  TIERWISE_PYSPARK_VERSION="$version" TIERWISE_SPARK_ONLY='^(?!arbitrary)' npx jest test/sql/spark.spec.ts
done
