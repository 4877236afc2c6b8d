#!/usr/bin/python3
"""Adversarial width-depth tables: scalefit's default 3-input `fit` and the same law written as text against an
independent, wider scipy search.

Draws tables from known laws L = E + A/w^alpha + B/d^beta + C/D^gamma (seeds chosen by the caller, never the bundled
data): 3-5 widths of 256-3072 x 3-5 depths of 2-32, about a fifth of the shapes left out as real ladders do, each
trained to 4-7 token counts from 1e9 up to 3e10-3e11; exponents alpha 0.3-1, beta 0.2-0.8, gamma 0.2-0.5; E = 0 for
every fifth seed; 0-1 % log-normal noise and 5 % outliers 3-10 % high. Writes each as CSV, runs
`java -jar JAR fit --data T.csv --law width-depth --delta 1e-3 --threads 1 --no-store --no-cache` (135 000 starts) and
the text law `E + A/w^alpha + B/d^beta + C/D^gamma --log E,A,B,C` (its 2 187-start grid), and searches the same
objective (Huber of log residuals) with scipy's L-BFGS-B on the analytic gradient (ftol 1e-15, gtol 1e-12) from 1 500
random points of the Gemstones 3-input grid and 1 000 uniform starts in a wider box (exponents 0-3, log coefficients
-5-40, e -5-3). Prints one JSON line per table: the three objectives, `rel` and `text_rel` (positive: scalefit above
the search) and the largest gradient component at scalefit's answer.
Usage: /usr/bin/python3 adversarial_width_depth.py JAR OUT_DIR FIRST_SEED END_SEED"""
import itertools, json, math, subprocess, sys, os
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber

TEXT_LAW = ["--law", "E + A/w^alpha + B/d^beta + C/D^gamma", "--input", "w=width", "--input", "d=depth",
            "--input", "D=tokens", "--log", "E,A,B,C"]


def table(seed):
    rng = np.random.default_rng(seed)
    widths = np.sort(rng.choice([256, 384, 512, 768, 1024, 1280, 1536, 2048, 3072], size=rng.integers(3, 6),
                                replace=False))
    depths = np.sort(rng.choice([2, 4, 6, 8, 10, 12, 16, 20, 24, 32], size=rng.integers(3, 6), replace=False))
    toks = np.geomspace(1e9, 10 ** rng.uniform(10.5, 11.5), rng.integers(4, 8))
    a, b, g = rng.uniform(0.3, 1.0), rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.5)
    E = rng.uniform(1.5, 2.5) * (0 if seed % 5 == 4 else 1)
    A = rng.uniform(0.2, 1.0) * np.median(widths) ** a
    B = rng.uniform(0.1, 0.6) * np.median(depths) ** b
    C = rng.uniform(0.2, 1.0) * np.median(toks) ** g
    sigma = [0.0, 0.002, 0.005, 0.01][seed % 4]
    rows = []
    for w in widths:
        for d in depths:
            if rng.random() < 0.2:
                continue
            for D in toks:
                L = (E + A / w ** a + B / d ** b + C / D ** g) * np.exp(sigma * rng.standard_normal())
                if rng.random() < 0.05:
                    L *= 1 + rng.uniform(0.03, 0.1)
                rows.append((w, d, D, L))
    return rows


def objective(X, y, delta):
    k = X.shape[0]

    def f(p):
        ex, co, e = p[:k], p[k:2 * k], p[2 * k]
        t = np.vstack([co[j] - ex[j] * X[j] for j in range(k)] + [np.full_like(y, e)])
        m = t.max(axis=0); w = np.exp(t - m); s = w.sum(axis=0)
        r = y - (m + np.log(s))
        g = -np.clip(r, -delta, delta); sm = w / s
        grad = np.concatenate([[(g * sm[j] * -X[j]).sum() for j in range(k)], [(g * sm[j]).sum() for j in range(k)],
                               [(g * sm[k]).sum()]])
        return huber(delta, r).sum(), grad
    return f


def search(rows, delta, rng):
    a = np.array(rows); X = np.log(a[:, :3]).T; y = np.log(a[:, 3])
    f = objective(X, y, delta)
    ex = [0, .5, 1, 1.5, 2]; co = [0, 5, 10, 15, 20, 25]; ee = [-1, -.5, 0, .5, 1]
    grid = list(itertools.product(ex, ex, ex, co, co, co, ee))
    starts = [np.array(grid[i], float) for i in rng.choice(len(grid), 1500, replace=False)]
    starts += [np.concatenate([rng.uniform(0, 3, 3), rng.uniform(-5, 40, 3), [rng.uniform(-5, 3)]])
               for _ in range(1000)]
    best = (math.inf, None)
    with np.errstate(all="ignore"):
        for s in starts:
            r = minimize(f, s, jac=True, method="L-BFGS-B", options=dict(ftol=1e-15, gtol=1e-12, maxiter=5000))
            if np.isfinite(r.fun) and r.fun < best[0]:
                best = (float(r.fun), r.x)
    return best, f


def main():
    jar, out_dir, first, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    delta = 1e-3
    for seed in range(first, end):
        path = os.path.join(out_dir, f"wd-{seed}.csv")
        with open(path, "w") as f:
            f.write("width,depth,tokens,loss\n")
            f.writelines("%d,%d,%.6g,%.10g\n" % r for r in table(seed))
        rows = [tuple(float(v) for v in l.split(",")) for l in open(path).read().split("\n")[1:] if l]
        common = ["java", "-jar", jar, "fit", "--data", path, "--delta", str(delta), "--threads", "1", "--no-store",
                  "--no-cache"]
        built, text = path[:-4] + "-builtin.json", path[:-4] + "-text.json"
        p = subprocess.run(common + ["--law", "width-depth", "--out", built], capture_output=True, text=True)
        q = subprocess.run(common + TEXT_LAW + ["--out", text], capture_output=True, text=True)
        (sb, _), f = search(rows, delta, np.random.default_rng(seed))
        rec = dict(seed=seed, points=len(rows), search=sb, rc=p.returncode, text_rc=q.returncode)
        if p.returncode == 0:
            d = json.load(open(built))
            x = np.array(d["exponents"] + d["coefficients"] + [d["irreducible_error"]])
            value, gradient = f(x)
            rec.update(status=d["status"], scalefit=d["loss"], recomputed=float(value), rel=(d["loss"] - sb) / sb,
                       gradient=float(np.abs(gradient).max()), warnings=d["warnings"])
        if q.returncode == 0:
            t = json.load(open(text))
            rec.update(text_status=t["status"], text=t["objective"], text_rel=(t["objective"] - sb) / sb)
        print(json.dumps(rec), flush=True)


main()
