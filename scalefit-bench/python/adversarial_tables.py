#!/usr/bin/python3
"""Adversarial tables: scalefit's default `fit` against an independent, wider scipy search.

Draws 2-input tables from known Chinchilla laws (seeds chosen by the caller, never the bundled data) in five shapes a
user's runs take -- fixedratio (a model ladder at 1-3 fixed tokens-per-parameter multiples), checkpoints (few sizes,
loss curves at fixed token counts), isoflop (3-6 budgets x 4-8 sizes), units (checkpoints written in millions of
parameters and billions of tokens), flat (E dominant) -- with 0-1 % log-normal noise and 5 % outliers, writes each
as CSV, runs `java -jar JAR fit --data T.csv --delta D --no-store --no-cache --threads 1`, and searches the same
objective (Huber of log residuals, gemstones-core.md §4) with scipy's L-BFGS-B on the analytic gradient at tight
tolerances (ftol 1e-15, gtol 1e-12) from every third start of the Gemstones grid and 1 000 uniform starts in a wider
box (exponents 0-3, log coefficients -5-40, e -5-3). Prints one JSON line per table and delta: scalefit's objective,
the search's, their relative difference `rel` (positive: scalefit above) and the largest gradient component at
scalefit's answer. Usage: /usr/bin/python3 adversarial_tables.py JAR OUT_DIR FIRST_SEED END_SEED KIND[,KIND...]"""
import itertools, json, math, subprocess, sys, os
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber



def table(kind, seed):
    rng = np.random.default_rng(seed)
    E = float(rng.choice([0.0, rng.uniform(0.5, 2.5)]))
    A, B = 10 ** rng.uniform(1.5, 4), 10 ** rng.uniform(1.5, 4)
    al, be = rng.uniform(0.15, 0.6), rng.uniform(0.15, 0.6)
    sigma = float(rng.choice([0.0, 0.002, 0.01]))
    rows = []
    if kind == "fixedratio":  # model ladder, each size at the same few tokens-per-parameter multiples
        k = int(rng.integers(5, 10))
        sizes = np.geomspace(10 ** rng.uniform(6, 7.5), 10 ** rng.uniform(8.5, 10), k)
        ratios = sorted(rng.choice([1, 2, 5, 10, 20, 40, 80, 160], int(rng.integers(1, 4)), replace=False))
        pts = [(N, r * N) for N in sizes for r in ratios]
    elif kind == "checkpoints":  # few sizes, loss curves at fixed token counts
        k = int(rng.integers(3, 8))
        sizes = np.geomspace(10 ** rng.uniform(7, 8), 10 ** rng.uniform(9, 10), k)
        toks = np.geomspace(1e9, 10 ** rng.uniform(11, 12), int(rng.integers(4, 12)))
        pts = [(N, D) for N in sizes for D in toks]
    elif kind in ("units", "flat"):  # checkpoints written in millions of params / billions of tokens; or E dominant
        k = int(rng.integers(3, 8))
        sizes = np.geomspace(10 ** rng.uniform(7, 8), 10 ** rng.uniform(9, 10), k)
        toks = np.geomspace(1e9, 10 ** rng.uniform(11, 12), int(rng.integers(4, 12)))
        pts = [(N, D) for N in sizes for D in toks]
        if kind == "flat":
            E = float(rng.uniform(2, 4)); A, B = A / 30, B / 30
    else:  # chinchilla-like: isoflop ladder
        budgets = np.geomspace(1e18, 10 ** rng.uniform(20, 22), int(rng.integers(3, 7)))
        pts = []
        for C in budgets:
            for N in np.geomspace(math.sqrt(C / 6 / 200), math.sqrt(C / 6 / 2), int(rng.integers(4, 9))):
                pts.append((N, C / 6 / N))
    for N, D in pts:
        L = (E + A / N ** al + B / D ** be) * math.exp(rng.normal(0, sigma))
        if rng.random() < 0.05:
            L *= math.exp(rng.normal(0, 0.1))
        rows.append((N, D, L))
    return rows, dict(kind=kind, seed=seed, n=len(rows), E=E, A=A, B=B, al=al, be=be, sigma=sigma)


def objective(x1, x2, y, delta):
    def f(p):
        al, be, a, b, e = p
        t = np.vstack([a - al * x1, b - be * x2, np.full_like(x1, e)])
        m = t.max(axis=0)
        w = np.exp(t - m)
        s = w.sum(axis=0)
        pred = m + np.log(s)
        r = y - pred
        val = huber(delta, r).sum()
        g = -np.clip(r, -delta, delta)  # d huber / d pred
        sm = w / s
        grad = np.array([(g * sm[0] * -x1).sum(), (g * sm[1] * -x2).sum(), (g * sm[0]).sum(), (g * sm[1]).sum(),
                         (g * sm[2]).sum()])
        return val, grad
    return f


def scipy_best(rows, delta, rng):
    a = np.array(rows)
    x1, x2, y = np.log(a[:, 0]), np.log(a[:, 1]), np.log(a[:, 2])
    f = objective(x1, x2, y, delta)
    starts = list(itertools.product([0, .5, 1, 1.5, 2], [0, .5, 1, 1.5, 2], [0, 5, 10, 15, 20, 25],
                                    [0, 5, 10, 15, 20, 25], [-1, -.5, 0, .5, 1]))[::3]
    starts = [np.array(s, float) for s in starts]
    starts += [np.array([rng.uniform(0, 3), rng.uniform(0, 3), rng.uniform(-5, 40), rng.uniform(-5, 40),
                         rng.uniform(-5, 3)]) for _ in range(1000)]
    best = (math.inf, None)
    with np.errstate(all="ignore"):
        for s in starts:
            r = minimize(f, s, jac=True, method="L-BFGS-B", options=dict(ftol=1e-15, gtol=1e-12, maxiter=5000))
            if np.isfinite(r.fun) and r.fun < best[0]:
                best = (float(r.fun), r.x)
    return best, f


def main():
    global JAR, OUT
    JAR, OUT = sys.argv[1], sys.argv[2]
    out = []
    for kind in sys.argv[5].split(","):
        for seed in range(int(sys.argv[3]), int(sys.argv[4])):
            rows, law = table(kind, seed)
            path = f"{OUT}/{kind}-{seed}.csv"
            un, ud = (1e6, 1e9) if kind == "units" else (1, 1)
            open(path, "w").write("params,tokens,loss\n" + "".join(f"{a/un:.6g},{b/ud:.6g},{c:.10g}\n" for a, b, c in rows))
            rows = [tuple(float(v) for v in l.split(",")) for l in open(path).read().split("\n")[1:] if l]
            for delta in [1e-3, 1e-4]:
                res = f"{OUT}/{kind}-{seed}-{delta}.json"
                p = subprocess.run(["java", "-jar", JAR, "fit", "--data", path, "--delta", str(delta), "--no-store",
                                    "--no-cache", "--threads", "1", "--out", res], capture_output=True, text=True)
                if p.returncode != 0 or not os.path.exists(res):
                    rec = dict(law, delta=delta, rc=p.returncode, out=p.stdout[-300:] + p.stderr[-300:])
                    print(json.dumps(rec), flush=True); out.append(rec); continue
                d = json.load(open(res))
                (sb, xb), f = scipy_best(rows, delta, np.random.default_rng(seed))
                ps = d["exponents"] + d["coefficients"] + [d["irreducible_error"]]
                fs, gs = f(np.array(ps))
                rec = dict(law, delta=delta, status=d["status"], warnings=len(d["warnings"]), sf=d["loss"],
                           sf_recomputed=float(fs), scipy=sb, rel=(d["loss"] - sb) / sb if sb > 0 else d["loss"] - sb,
                           grad=float(np.abs(gs).max()), scipy_x=list(map(float, xb)), sf_x=ps)
                print(json.dumps(rec), flush=True)
                out.append(rec)
    json.dump(out, open(f"{OUT}/results-{sys.argv[3]}.json", "w"))


main()
