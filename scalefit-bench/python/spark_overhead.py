#!/usr/bin/python3
"""Runs `scalefit fit` natively (`./scalefit … --threads N`) and on Spark in local mode
(`scalefit-spark/scalefit-spark … --engine spark --master local[N]`), alternately, on the same data, law, delta and
grid; checks that the two result files are the same bytes apart from the run's timing, and prints a markdown table
(the fit's own `seconds`, wall time with JVM and Spark start-up, CPU time, overhead) for BENCHMARKS.md.
Progress goes to stderr.

    /usr/bin/python3 spark_overhead.py --cases hot-2,hot100b-3 --threads 2
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CASES = {
    "hot-2": dict(data="gemstones:hot", law="chinchilla"),
    "hot100b-3": dict(data="gemstones:hot_100b+", law="width-depth"),
}
TIMING = re.compile(r'"seconds" : [0-9.Ee+-]+')


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run(command, out):
    """Runs one fit; returns (the fit's seconds, wall seconds, CPU seconds of the process, result file text)."""
    subprocess.run([command[0], "--version"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)  # builds if stale
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = Path(out).read_text()
    seconds = float(re.search(r'"seconds" : ([0-9.Ee+-]+)', text).group(1))
    return seconds, wall, cpu, text


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default="hot-2,hot100b-3")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--delta", default="1e-3")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases.split(","):
            case = CASES[name]
            fit = ["fit", "--data", case["data"], "--law", case["law"], "--delta", args.delta, "--no-cache"]
            native_out = os.path.join(tmp, name + "-native.json")
            spark_out = os.path.join(tmp, name + "-spark.json")
            log(f"{name}: native, {args.threads} threads")
            native = run(["./scalefit", *fit, "--threads", str(args.threads), "--out", native_out], native_out)
            log(f"{name}: spark local[{args.threads}]")
            spark = run(["scalefit-spark/scalefit-spark", *fit, "--engine", "spark",
                         "--master", f"local[{args.threads}]", "--out", spark_out], spark_out)
            same = TIMING.sub("", native[3]) == TIMING.sub("", spark[3])
            rows.append((name, case, native, spark, same))
            log(f"  native {native[0]:.2f} s, spark {spark[0]:.2f} s, same bytes apart from timing: {same}")
    print(f"| case | data | law | starts | native fit s ({args.threads} threads) | Spark fit s (local[{args.threads}]) "
          "| overhead (fit) | native wall s / CPU s | Spark wall s / CPU s | overhead (wall) | result files |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, case, native, spark, same in rows:
        starts = re.search(r'"starts" : ([0-9]+)', native[3]).group(1)
        print(f"| {name} | {case['data']} | {case['law']} | {starts} | {native[0]:.2f} | {spark[0]:.2f} | "
              f"{100 * (spark[0] / native[0] - 1):+.0f} % | {native[1]:.1f} / {native[2]:.1f} | "
              f"{spark[1]:.1f} / {spark[2]:.1f} | {100 * (spark[1] / native[1] - 1):+.0f} % | "
              f"{'identical apart from seconds' if same else 'DIFFERENT'} |")
    return 0 if all(row[4] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
