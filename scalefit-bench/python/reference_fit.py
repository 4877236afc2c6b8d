#!/usr/bin/python3
"""Independent Python/scipy reference for scalefit's Approach 3 fit, written from the spec:
gemstones-core.md §1 and §4 (data, law, Huber-in-log-space objective, multi-start L-BFGS-B grid) and
epoch-chinchilla-and-gemstones-extras.md §1.2-1.4 (Epoch's Fit A: outlier rule, grid order, init layout).

Run with Debian's python (python3-scipy, python3-pandas):
    /usr/bin/python3 reference_fit.py --data gemstones:hot --law chinchilla --delta 1e-3 --grid gemstones
"""
import argparse
import itertools
import json
import math
import multiprocessing
import os
import sys
import time

import numpy as np
import pandas as pd
import scipy
from scipy.optimize import minimize
from scipy.special import huber, logsumexp

DATA_ROOT = os.environ.get("SCALEFIT_DATA", "/work/shared/data")
VOCAB = 50304
LAWS = {
    "chinchilla": ["params", "tokens"],
    "width-depth": ["width", "depth", "tokens"],
    "width-depth-params": ["width", "depth", "params", "tokens"],
}
EXPS = [0.0, 0.5, 1.0, 1.5, 2.0]
COEFS = [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
ES = [-1.0, -0.5, 0.0, 0.5, 1.0]


def load_data(spec, no_embeds=False, drop_highest=0):
    """Columns params, tokens, loss (and width, depth for Gemstones sets), all float64."""
    source, _, name = spec.partition(":")
    if source == "gemstones":
        path = f"{DATA_ROOT}/gemstones/wandb_dfs/wandb_df_for_fitting_{name}.jsonl"
        with open(path) as f:  # json module: correctly rounded floats (pandas' default parser is not)
            df = pd.DataFrame([json.loads(line) for line in f if line.strip()])
        df = df.rename(columns={"params_active_precise": "params", "final_loss": "loss"})
        if no_embeds:
            df["params"] = df["params"] - VOCAB * df["width"]
    elif spec == "chinchilla:epoch":
        if no_embeds:
            sys.exit("--no-embeds applies to Gemstones data only")
        df = pd.read_csv(f"{DATA_ROOT}/chinchilla/svg_extracted_data.csv")
        df = df.rename(columns={"Model Size": "params", "Training FLOP": "flops"})
        df["tokens"] = df["flops"] / (6.0 * df["params"])
    else:
        sys.exit(f"unknown --data {spec!r}: use gemstones:<set> or chinchilla:epoch")
    if drop_highest:  # Epoch's rule: keep losses strictly below the N-th largest loss
        df = df[df["loss"] < np.sort(df["loss"].to_numpy())[-drop_highest]]
    return df.astype({c: float for c in df.columns if c in ("params", "tokens", "width", "depth", "loss")})


def lean_logsumexp(a):
    """scipy.special.logsumexp(a, axis=0) with the same floating-point operations in the same order
    (bit-identical results), minus its argument handling, which costs ~40% of an objective evaluation."""
    m = a.max(axis=0)
    m[~np.isfinite(m)] = 0
    out = np.log(np.exp(a - m).sum(axis=0))
    out += m
    return out


def make_objective(logx, logy, delta, lse=lean_logsumexp):
    """Huber sum over points; p = [alpha_1..alpha_k, c_1..c_k, e] (gemstones-core §4)."""
    k = logx.shape[0]
    e_row = np.empty((1, logx.shape[1]))

    def objective(p):
        e_row.fill(p[2 * k])
        terms = np.concatenate([p[k:2 * k, None] - p[:k, None] * logx, e_row])
        return huber(delta, logy - lse(terms)).sum()
    return objective


def grid_starts(grid, k):
    """Yields start vectors in the layout the optimiser sees, in the grid's product order."""
    if grid == "gemstones":
        for s in itertools.product(*[EXPS] * k, *[COEFS] * k, ES):
            yield np.array(s)
    elif grid == "epoch":
        for alpha, beta, e, a, b in itertools.product(EXPS, EXPS, ES, COEFS, COEFS):
            yield np.array([a, b, e, alpha, beta])  # Epoch's vector [a, b, e, alpha, beta]
    else:
        raise ValueError(f"unknown grid {grid!r}")


EPOCH_TO_GEMSTONES = [3, 4, 0, 1, 2]  # [a, b, e, alpha, beta] -> [alpha, beta, a, b, e]

_F = None  # the optimiser's objective; a global so forked pool workers inherit it


def _fit(x0):
    r = minimize(_F, x0, method="L-BFGS-B")  # no jac: forward differences, scipy defaults
    return bool(r.success), float(r.fun), r.x, x0


def run(data, law, delta=1e-4, grid="gemstones", no_embeds=False, drop_highest=0, sample_every=1, processes=1,
        scipy_lse=False):
    global _F
    df = load_data(data, no_embeds, drop_highest)
    cols = LAWS[law]
    missing = [c for c in cols if c not in df.columns]
    if missing:
        sys.exit(f"{data} has no column(s) {missing} needed by law {law}")
    k = len(cols)
    if grid == "epoch" and k != 2:
        sys.exit("--grid epoch is for the 2-input chinchilla law only")
    logx = np.log(df[cols].to_numpy().T)
    logy = np.log(df["loss"].to_numpy())
    f = make_objective(logx, logy, delta, (lambda a: logsumexp(a, axis=0)) if scipy_lse else lean_logsumexp)
    _F = (lambda x: f(x[EPOCH_TO_GEMSTONES])) if grid == "epoch" else f
    grid_size = (len(EXPS) ** k) * (len(COEFS) ** k) * len(ES)
    starts = itertools.islice(grid_starts(grid, k), 0, None, sample_every)

    best, n_run, n_ok = (math.inf, None, None), 0, 0
    t0, c0 = time.perf_counter(), time.process_time()
    with np.errstate(all="ignore"):  # overflow in exp/log at wild iterates is expected; keeps output readable
        pool = multiprocessing.get_context("fork").Pool(processes) if processes > 1 else None
        results = pool.imap(_fit, starts, chunksize=16) if pool else map(_fit, starts)
        for ok, fun, x, x0 in results:  # grid order, so strict < keeps the first of equal optima
            n_run += 1
            n_ok += ok
            if ok and fun < best[0]:
                best = (fun, x, x0)
        if pool:
            pool.close()
            pool.join()
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0

    fun, x, x0 = best
    if x is None:
        sys.exit("no successful start")
    if grid == "epoch":
        x = x[EPOCH_TO_GEMSTONES]  # report in [alphas, coefs, e]; best_start stays in Epoch's layout
    per_start = seconds / n_run
    return {
        "data": data, "law": law, "inputs": cols, "delta": delta, "grid": grid, "no_embeds": no_embeds,
        "drop_highest_losses": drop_highest, "n_points": len(df), "sample_every": sample_every,
        "processes": processes, "logsumexp": "scipy.special" if scipy_lse else "lean (bit-identical)",
        "loss": fun,
        "exponents": x[:k].tolist(),
        "coefficients": x[k:2 * k].tolist(),
        "irreducible_error": float(x[2 * k]),
        "best_start": x0.tolist(),
        "starts_run": n_run,
        "successful_starts": int(n_ok),
        "grid_size": grid_size,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,  # this process only (not pool workers); less sensitive to a busy machine
        "seconds_per_start": per_start,
        "extrapolated_full_grid_seconds": per_start * grid_size,
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
    }


def summary(res):
    k = len(res["exponents"])
    lines = [
        f"{res['data']} ({res['n_points']} points), law {res['law']} {res['inputs']}, delta {res['delta']:g}, "
        f"grid {res['grid']}",
        f"  loss              {res['loss']:.10g}",
        f"  exponents         {np.array2string(np.array(res['exponents']), precision=8)}",
        f"  coefficients (ln) {np.array2string(np.array(res['coefficients']), precision=8)}",
        f"  irreducible (ln)  {res['irreducible_error']:.8g}   E = {math.exp(res['irreducible_error']):.8g}",
    ]
    if k == 2:
        a, b = (math.exp(c) for c in res["coefficients"])
        lines.append(f"  A = {a:.6g}, B = {b:.6g}, alpha = {res['exponents'][0]:.6g}, beta = {res['exponents'][1]:.6g}")
    if res["irreducible_error"] < -30 or min(res["coefficients"]) < -30:
        lines.append("  WARNING: degenerate fit (a log-space term went to -inf; that term of the law vanishes)")
    full = res["starts_run"] == res["grid_size"]
    lines.append(
        f"  starts {res['starts_run']}/{res['grid_size']} ({res['successful_starts']} successful), "
        f"{res['seconds']:.2f} s (CPU {res['cpu_seconds']:.2f} s), {1e3 * res['seconds_per_start']:.3f} ms/start, "
        + ("full grid" if full else f"extrapolated full grid {res['extrapolated_full_grid_seconds']:.1f} s")
        + f" [{res['processes']} process(es), scipy {res['scipy_version']}, numpy {res['numpy_version']}]")
    return "\n".join(lines)


def warn_sampling(k):
    if k > 1 and math.gcd(k, 30) > 1:
        print(f"warning: --sample-every {k} shares a factor with the grid sizes (2, 3, 5): the sampled starts "
              "do not cover every grid value, so the per-start time may be biased", file=sys.stderr)


def add_arguments(p):
    p.add_argument("--data", required=True, help="gemstones:<set> or chinchilla:epoch")
    p.add_argument("--law", default="chinchilla", choices=sorted(LAWS))
    p.add_argument("--delta", type=float, default=1e-4)
    p.add_argument("--grid", default="gemstones", choices=["gemstones", "epoch"])
    p.add_argument("--no-embeds", action="store_true")
    p.add_argument("--drop-highest-losses", type=int, default=0, metavar="N")
    p.add_argument("--sample-every", type=int, default=1, metavar="K",
                   help="run every K-th start only (timing); pick K coprime with 30, e.g. 997, so that every "
                        "grid value is visited (K = 1000 would always use e = -1)")
    return p


def main():
    p = add_arguments(argparse.ArgumentParser(description=__doc__.split("\n")[0]))
    p.add_argument("--processes", type=int, default=1)
    p.add_argument("--scipy-lse", action="store_true", help="call scipy.special.logsumexp itself (same numbers, slower)")
    p.add_argument("--out")
    a = p.parse_args()
    warn_sampling(a.sample_every)
    res = run(a.data, a.law, a.delta, a.grid, a.no_embeds, a.drop_highest_losses, a.sample_every, a.processes,
              a.scipy_lse)
    print(summary(res))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
