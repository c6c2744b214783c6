"""Runs many SQL statements on one local Spark session (the JVM starts once).

Usage: python run-statements.py JOB.json RESULT.json

JOB: {"modes": [{"name": str, "conf": {key: value}}],
      "cases": [{"name": str,
                 "setup": [str, ...],            # optional: statements run first (a VALUES temp view)
                 "view": str, "parquet": str,    # optional: files to read as the temp view `view`
                 "repeat": int,                  # optional: run n times, report the best time
                 "query": str,                   # its rows are collected
                 "modes": [mode name, ...]}]}    # optional: a subset of the modes
RESULT: {"sparkVersion": str, "startMs": float,
         "cases": {name: {mode: {"rows": [[...], ...], "ms": float, "setupMs": float, "analyseMs": float}
                                | {"error": str}}}}
Rows travel inside the SQL (VALUES), not through createDataFrame: a Python-built DataFrame is an RDD
of pickled rows, and its first collect per table cost 5-10 s; a VALUES view is a LocalRelation that
Spark grades in the driver. `ms` is the collect alone, `analyseMs` the spark.sql call (parse,
analysis), `setupMs` the setup statements.
Doubles that JSON cannot hold come back as the strings "Infinity", "-Infinity", "NaN".
"""
import datetime
import json
import math
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

from pyspark.sql import SparkSession  # noqa: E402

def plain(value):
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "is_finite"):  # Decimal
        return float(value)
    return value


def session():
    return (
        SparkSession.builder.master("local[2]")
        .appName("tierwise-sql-tests")
        .config("spark.driver.memory", os.environ.get("TIERWISE_SPARK_DRIVER_MEMORY", "1g"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )


def main(job_path, result_path):
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    t0 = time.time()
    spark = session()
    spark.sparkContext.setLogLevel("ERROR")
    out = {"sparkVersion": spark.version, "startMs": (time.time() - t0) * 1000, "cases": {}}
    # One session per mode (own SQL settings and temp views, one shared SparkContext), run side by side.
    def run_mode(mode):
        session = spark.newSession()
        for key, value in mode["conf"].items():
            session.conf.set(key, value)
        results = {}
        for case in job["cases"]:
            if case.get("modes") and mode["name"] not in case["modes"]:
                continue
            try:
                start = time.time()
                if "parquet" in case:
                    session.read.parquet(case["parquet"]).createOrReplaceTempView(case["view"])
                for statement in case.get("setup", []):
                    session.sql(statement)
                setup_ms = (time.time() - start) * 1000
                best = math.inf
                for _ in range(case.get("repeat", 1)):
                    start = time.time()
                    frame = session.sql(case["query"])
                    analyse_ms = (time.time() - start) * 1000
                    start = time.time()
                    collected = frame.collect()
                    best = min(best, (time.time() - start) * 1000)
                rows = [[plain(v) for v in row] for row in collected]
                results[case["name"]] = {"rows": rows, "ms": best, "setupMs": setup_ms, "analyseMs": analyse_ms}
                took = f"setup {setup_ms / 1000:.2f} s, analyse {analyse_ms / 1000:.2f} s, collect {best / 1000:.2f} s"
            except Exception as error:  # reported per case and mode; the test names it
                lines = [x for x in str(error).split("\n") if x.strip() and "An error occurred while calling" not in x]
                results[case["name"]] = {"error": " | ".join(lines[:3])[:2000]}
                took = "failed"
            print(f"spark: {mode['name']}: {case['name']} ({took}) at {(time.time() - t0):.1f} s", file=sys.stderr, flush=True)
        return mode["name"], results

    with ThreadPoolExecutor(max_workers=len(job["modes"])) as pool:
        for name, results in pool.map(run_mode, job["modes"]):
            for case_name, outcome in results.items():
                out["cases"].setdefault(case_name, {})[name] = outcome
    spark.stop()
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=True, allow_nan=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
