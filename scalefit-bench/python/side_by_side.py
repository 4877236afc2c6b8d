#!/usr/bin/python3
"""Runs reference_fit.py (single process) and `./scalefit fit` on the same data, law, delta and grid, and prints
markdown tables (objective values, parameters, times, speed ratio) for BENCHMARKS.md. Progress goes to stderr.

    /usr/bin/python3 side_by_side.py --cases hot-2,slim-2,epoch-fitA
    /usr/bin/python3 side_by_side.py --cases two-input --case-deltas 1e-3,1e-4 --case-sample-every 7
    /usr/bin/python3 side_by_side.py --data gemstones:hot --law chinchilla --delta 1e-3 --grid gemstones
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the repository
import reference_fit as ref  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# Sampling strides are coprime with 30 so the sampled starts cover every grid value (see reference_fit.py).
CASES = {
    "hot-2": dict(data="gemstones:hot", law="chinchilla", delta=1e-3, grid="gemstones"),
    "slim-2": dict(data="gemstones:slim_chinchilla", law="chinchilla", delta=1e-3, grid="gemstones"),
    "cool-end-2": dict(data="gemstones:cool_end", law="chinchilla", delta=1e-3, grid="gemstones"),
    "lr-hot-2": dict(data="gemstones:lr_ablation_hot", law="chinchilla", delta=1e-3, grid="gemstones"),
    "epoch-fitA": dict(data="chinchilla:epoch", law="chinchilla", delta=1e-3, grid="epoch", drop_highest_losses=5),
    "hot100b-3": dict(data="gemstones:hot_100b+", law="width-depth", delta=1e-3, grid="gemstones", sample_every=997),
    "hot100b-4": dict(data="gemstones:hot_100b+", law="width-depth-params", delta=1e-3, grid="gemstones",
                      sample_every=9973),
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_reference(c):
    log(f"  reference: {c}")
    return ref.run(c["data"], c["law"], c["delta"], c["grid"], c.get("no_embeds", False),
                   c.get("drop_highest_losses", 0), c.get("sample_every", 1), processes=1)


def scalefit_command(c, threads, out, extra):
    cmd = ["./scalefit", "fit", "--data", c["data"], "--law", c["law"], "--delta", repr(c["delta"]),
           "--grid", c["grid"]]
    if c.get("no_embeds"):
        cmd.append("--no-embeds")
    if c.get("drop_highest_losses"):
        cmd += ["--drop-highest-losses", str(c["drop_highest_losses"])]
    return cmd + ["--threads", str(threads), "--out", out] + extra


def run_scalefit(repo, c, threads, extra, timeout):
    """Returns (result dict or None, note, command string)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "scalefit.json")
        cmd = scalefit_command(c, threads, out, extra)
        shown = " ".join(cmd).replace(out, "/tmp/x.json")
        exe = Path(repo) / "scalefit"
        if not (exe.is_file() and os.access(exe, os.X_OK)):
            return None, f"`{exe}` not found or not executable (scalefit CLI not built yet?)", shown
        log(f"  scalefit: {shown}")
        try:
            p = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, f"timed out after {timeout} s", shown
        if p.returncode != 0 or not os.path.exists(out):
            return None, f"exit code {p.returncode}: {error_lines(p.stderr + p.stdout)}", shown
        with open(out) as f:
            return json.load(f), "", shown


def error_lines(text):
    """The first lines that look like errors (e.g. a Maven compile error), else the last lines; ANSI colours removed."""
    lines = [l.strip() for l in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if l.strip()]
    errors = [l for l in lines if re.search(r"ERROR|[Ee]rror:|Exception", l)]
    return " / ".join(l[:200] for l in (errors[:2] or lines[-3:]))


def vector(r):
    return list(r["exponents"]) + list(r["coefficients"]) + [r["irreducible_error"]]


def max_rel_diff(a, b):
    return max(abs(x - y) / max(abs(x), abs(y), 1e-300) for x, y in zip(a, b))


def fmt_vec(v):
    return "[" + ", ".join(f"{x:.6g}" for x in v) + "]"


def main():
    p = ref.add_arguments(argparse.ArgumentParser(description=__doc__.split("\n")[0]))
    p.set_defaults(data=None)
    for a in p._actions:  # --data is only needed without --cases
        if a.dest == "data":
            a.required = False
    p.add_argument("--cases", help=f"comma-separated list of {', '.join(CASES)} (or 'all')")
    p.add_argument("--case-deltas", help="comma-separated δ values: run every case at each (default: the case's own)")
    p.add_argument("--case-sample-every", type=int, default=None,
                   help="reference: run every K-th start of the 2-input cases (K coprime with 30), timing "
                        "extrapolated to the full grid")
    p.add_argument("--scalefit-threads", type=int, default=1)
    p.add_argument("--scalefit-args", default="", help="extra arguments appended to the scalefit command")
    p.add_argument("--scalefit-timeout", type=float, default=None, help="seconds; default: none")
    p.add_argument("--skip-scalefit", action="store_true")
    p.add_argument("--repo", default=str(REPO), help="repository root holding ./scalefit (default: %(default)s)")
    a = p.parse_args()

    if a.cases:
        two_input = [n for n in CASES if n.endswith("-2") or n == "epoch-fitA"]
        names = list(CASES) if a.cases == "all" else two_input if a.cases == "two-input" else a.cases.split(",")
        unknown = [n for n in names if n not in CASES]
        if unknown:
            sys.exit(f"unknown case(s) {unknown}; known: {', '.join(CASES)}")
        cases = [(n, CASES[n]) for n in names]
        if a.case_sample_every:
            ref.warn_sampling(a.case_sample_every)
            cases = [(n, dict(c, sample_every=a.case_sample_every) if n in two_input else c) for n, c in cases]
        if a.case_deltas:
            cases = [(n, dict(c, delta=float(d))) for n, c in cases for d in a.case_deltas.split(",")]
    elif a.data:
        ref.warn_sampling(a.sample_every)
        cases = [("custom", dict(data=a.data, law=a.law, delta=a.delta, grid=a.grid, no_embeds=a.no_embeds,
                                 drop_highest_losses=a.drop_highest_losses, sample_every=a.sample_every))]
    else:
        sys.exit("give --cases or --data")

    rows = []
    for name, c in cases:
        log(f"case {name}")
        load = os.getloadavg()[0]
        r = run_reference(c)
        log("  " + ref.summary(r).replace("\n", "\n  "))
        if a.skip_scalefit:
            s, note, cmd = None, "skipped (--skip-scalefit)", " ".join(
                scalefit_command(c, a.scalefit_threads, "/tmp/x.json", a.scalefit_args.split()))
        else:
            s, note, cmd = run_scalefit(a.repo, c, a.scalefit_threads, a.scalefit_args.split(), a.scalefit_timeout)
        if note:
            log(f"  scalefit: {note}")
        rows.append((name, c, r, s, note, cmd, (load, os.getloadavg()[0])))

    print(f"Reference: Python {platform.python_version()}, scipy {ref.scipy.__version__}, numpy "
          f"{ref.np.__version__}, 1 process; L-BFGS-B with finite differences, default tolerances. "
          f"{cpu()}, {time.strftime('%Y-%m-%d')}.\n")
    print("| case | data | law | δ | grid | points | reference loss | scalefit loss | max rel. param diff "
          "| reference s | scalefit s (threads) | ratio ref/scalefit | load (1 min) before/after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, c, r, s, note, _, load in rows:
        sampled = r["starts_run"] < r["grid_size"]
        ref_s = r["extrapolated_full_grid_seconds"] if sampled else r["seconds"]
        ref_txt = (f"{ref_s:.1f} (extrapolated from {r['starts_run']} of {r['grid_size']} starts, "
                   f"{1e3 * r['seconds_per_start']:.1f} ms/start)" if sampled else f"{ref_s:.2f} (measured)")
        data = c["data"] + (" no-embeds" if c.get("no_embeds") else "") + (
            f", drop {c['drop_highest_losses']} highest" if c.get("drop_highest_losses") else "")
        if s:
            sf = (f"{s['loss']:.10g}", f"{max_rel_diff(vector(r), vector(s)):.2e}",
                  f"{s['seconds']:.2f} ({s.get('threads', '?')})", f"{ref_s / s['seconds']:.1f}×")
        else:
            sf = ("n/a", "n/a", "n/a: " + note.replace("|", "\\|"), "n/a")
        print(f"| {name} | {data} | {c['law']} | {c['delta']:g} | {c['grid']} | {r['n_points']} | "
              f"{r['loss']:.10g}{' (best of sampled starts)' if sampled else ''} | {sf[0]} | {sf[1]} | {ref_txt} | {sf[2]} | {sf[3]} | "
              f"{load[0]:.1f} / {load[1]:.1f} |")

    print("\n| case | implementation | exponents | coefficients (ln) | irreducible error (ln) | starts (successful) |")
    print("|---|---|---|---|---|---|")
    for name, c, r, s, note, _, _ in rows:
        for impl, x in (("reference", r), ("scalefit", s)):
            if x is None:
                continue
            starts = x.get("starts_run", x.get("starts", "?"))
            print(f"| {name} | {impl} | {fmt_vec(x['exponents'])} | {fmt_vec(x['coefficients'])} | "
                  f"{x['irreducible_error']:.6g} | {starts} ({x.get('successful_starts', '?')}) |")

    print("\nCommands (from the repository root):\n")
    for name, c, r, s, note, cmd, _ in rows:
        opts = f"--data {c['data']} --law {c['law']} --delta {c['delta']:g} --grid {c['grid']}" + (
            " --no-embeds" if c.get("no_embeds") else "") + (
            f" --drop-highest-losses {c['drop_highest_losses']}" if c.get("drop_highest_losses") else "") + (
            f" --sample-every {c['sample_every']}" if c.get("sample_every", 1) > 1 else "")
        print(f"- {name}: `/usr/bin/python3 scalefit-bench/python/reference_fit.py {opts}`; `{cmd}`")


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            model = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        model = platform.processor() or "unknown CPU"
    return f"{model}, {os.cpu_count()} CPUs"


if __name__ == "__main__":
    main()
