#!/usr/bin/python3
"""Adversarial data-constrained tables: scalefit's built-in `fit --law data-constrained`, the same law written as
text, and the law written as text with its base freed, against an independent, wider scipy search.

Draws tables (N, D, U, loss) from known data-constrained laws (Muennighoff et al. 2023 eqs. 5-7, as NamedLaws states
them: U_D = min(U, D), R_D = max(D/U_D - 1, 0), N_opt = G*(G*U_D)^(beta/alpha), U_N = min(N, N_opt),
R_N = N/U_N - 1, D' = U_D*(1 + R_D*(1 - e^(-R_D/R_D*))), N' likewise, L = E + A/N'^alpha + B/D'^beta), seeds chosen by
the caller, never the bundled data: 3-8 model sizes of 7e6-9e9 with gaps, each trained on 1-4 unique-token budgets of
1/100-2x its 20 tokens per parameter, each repeated a subset of 1-500 epochs, plus a few runs that saw fewer tokens
than their corpus (U > D); 40-300 points. Every third seed keeps the paper's C4 base (a, b, e, alpha = beta), the
others draw alpha, beta 0.25-0.55 and A, B for terms of 0.1-0.8 nats; E = 0 on every fifth seed; R_D* 2-60,
R_N* 0.5-30 (log-uniform); 0-1 % log-normal noise and 3 % outliers 3-10 % high.

Fits each (delta 1e-3, one thread, --no-store --no-cache) three ways:
  built-in  `fit --law data-constrained` (base fixed at C4, R_D*, R_N* from {0, 20/3, 40/3, 20}^2);
  text      the same law as a user writes it (A, B, E by value, N_opt simplified, --fix of the C4 base,
            --start R_D_star, R_N_star = 1,5,20,80): must reach the built-in's objective;
  free      that text with the base freed (--log A,B,E, 3^5 * 4^2 = 3 888 starts): seven parameters.
and searches both objectives (the fixed-base one and the free one) with scipy's L-BFGS-B on the analytic gradient
(ftol 1e-15, gtol 1e-12): fixed base from a 40 x 40 log grid of R_D*, R_N* in 0.05-1e4 plus 400 random starts in
1e-3-1e6 and 100 negative ones (the law is defined for R* < 0); free base from 600 points of a data-scaled grid and
400 random starts in a wider box. Prints one JSON line per table: the objectives, `rel`, `text_rel`, `free_rel`
(positive: scalefit above the search), the largest gradient component at each scalefit answer (in the fitted
coordinates a = log A, b = log B, e = log E, alpha, beta, R_D*, R_N*) and the objective recomputed in numpy there.
Usage: /usr/bin/python3 adversarial_data_constrained.py JAR OUT_DIR FIRST_SEED END_SEED"""
import itertools, json, math, subprocess, sys, os
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber

C4 = dict(a=6.255414, b=7.3049974, e=0.6254804, alpha=0.3526596, beta=0.3526596)
TEXT = ("U_D = min(U, D); R_D = max(D/U_D - 1, 0); G = (alpha*A/(beta*B))^(1/(alpha + beta)); "
        "N_opt = G*(G*U_D)^(beta/alpha); U_N = min(N, N_opt); R_N = max(N/U_N - 1, 0); "
        "D_eff = U_D*(1 + R_D_star*(1 - exp(-R_D/R_D_star))); N_eff = U_N*(1 + R_N_star*(1 - exp(-R_N/R_N_star))); "
        "E + A/N_eff^alpha + B/D_eff^beta")
TEXT_STARTS = ["--start", "R_D_star=1,5,20,80", "--start", "R_N_star=1,5,20,80"]
TEXT_FIXED = ["--fix", "A=%.17g" % math.exp(C4["a"]), "--fix", "B=%.17g" % math.exp(C4["b"]),
              "--fix", "E=%.17g" % math.exp(C4["e"]), "--fix", "alpha=%.17g" % C4["alpha"],
              "--fix", "beta=%.17g" % C4["beta"]]
FREE = ["--log", "A,B,E", "--start", "alpha=0.2,0.4,0.7", "--start", "beta=0.2,0.4,0.7",
        "--start", "A=1e2,1e4,1e6", "--start", "B=1e2,1e4,1e6", "--start", "E=0.5,1.5,3"]


def law(p, N, D, U):
    a, b, e, al, be, rd, rn = p
    UD = np.minimum(U, D); RD = np.maximum(D / UD - 1, 0)
    Nopt = np.exp((math.log(al) + a - math.log(be) - b) / al + be / al * np.log(UD))
    UN = np.minimum(N, Nopt); RN = np.maximum(N / UN - 1, 0)
    De = UD * (1 + rd * (1 - np.exp(-RD / rd))); Ne = UN * (1 + rn * (1 - np.exp(-RN / rn)))
    return math.exp(e) + math.exp(a) / Ne ** al + math.exp(b) / De ** be


def table(seed):
    rng = np.random.default_rng(seed)
    if seed % 3 == 0:
        base = dict(C4)
    else:
        al, be = rng.uniform(0.25, 0.55, 2)
        base = dict(alpha=al, beta=be, a=math.log(rng.uniform(0.1, 0.8)) + al * math.log(1e9),
                    b=math.log(rng.uniform(0.1, 0.8)) + be * math.log(2e10), e=math.log(rng.uniform(1.5, 2.3)))
    E0 = seed % 5 == 4
    rd, rn = math.exp(rng.uniform(math.log(2), math.log(60))), math.exp(rng.uniform(math.log(0.5), math.log(30)))
    p = [base["a"], base["b"], base["e"], base["alpha"], base["beta"], rd, rn]
    ladder = np.geomspace(7e6, 9e9, 12)
    models = np.sort(rng.choice(ladder, size=rng.integers(3, 9), replace=False))
    epochs = np.array([1, 2, 3, 4, 7, 10, 14, 22, 44, 80, 150, 300, 500])
    target = int(rng.integers(40, 301))
    runs = []
    for n in models:
        n = float("%.3g" % n)
        for f in rng.choice([0.01, 0.03, 0.1, 0.3, 1, 2], size=rng.integers(1, 5), replace=False):
            u = float("%.3g" % (20 * n * f))
            for ep in epochs[rng.random(len(epochs)) < 0.6]:
                runs.append((n, u * ep, u))
            if rng.random() < 0.3:  # a run that saw part of a larger corpus
                runs.append((n, float("%.3g" % (u * rng.uniform(0.2, 0.9))), u))
    runs = [runs[i] for i in np.sort(rng.choice(len(runs), size=min(target, len(runs)), replace=False))]
    sigma = [0.0, 0.002, 0.005, 0.01][seed % 4]
    a = np.array(runs)
    L = law(p, a[:, 0], a[:, 1], a[:, 2]) - (math.exp(p[2]) if E0 else 0)
    L = L * np.exp(sigma * rng.standard_normal(len(L)))
    out = rng.random(len(L)) < 0.03
    L[out] *= 1 + rng.uniform(0.03, 0.1, out.sum())
    truth = dict(zip(["a", "b", "e", "alpha", "beta", "R_D_star", "R_N_star"], p), E_zero=bool(E0))
    return [(n, d, u, l) for (n, d, u), l in zip(runs, L)], truth


def objective(rows, delta, free):
    """F(theta) = sum huber(delta, log L - log Lhat) and its gradient; theta = (a, b, e, alpha, beta, R_D*, R_N*)
    when free, else (R_D*, R_N*) with the C4 base."""
    arr = np.array(rows); N, D, U, y = arr[:, 0], arr[:, 1], arr[:, 2], np.log(arr[:, 3])
    UD = np.minimum(U, D); RD = np.maximum(D / UD - 1, 0); lUD = np.log(UD); lN = np.log(N)

    def f(q):
        th = q if free else np.concatenate([[C4[k] for k in ("a", "b", "e", "alpha", "beta")], q])
        a, b, e, al, be, rd, rn = th
        s = (math.log(al) + a - math.log(be) - b) / al + be / al * lUD  # log N_opt
        act = s < lN  # U_N = N_opt
        lUN = np.where(act, s, lN); RN = np.maximum(np.exp(lN - lUN) - 1, 0)
        xd, xn = np.exp(-RD / rd), np.exp(-RN / rn)
        hd, hn = 1 + rd * (1 - xd), 1 + rn * (1 - xn)
        lDe, lNe = lUD + np.log(hd), lUN + np.log(hn)
        t = np.vstack([np.full_like(y, e), a - al * lNe, b - be * lDe])
        m = t.max(axis=0); w = np.exp(t - m); ssum = w.sum(axis=0); w /= ssum
        r = y - (m + np.log(ssum))
        g = -np.clip(r, -delta, delta)
        dlNe_ds = np.where(act, 1 - (RN + 1) * xn / hn, 0.0)
        dlNe_drn = ((1 - xn) - RN / rn * xn) / hn
        dlDe_drd = ((1 - xd) - RD / rd * xd) / hd
        ds = dict(a=1 / al, b=-1 / al, al=(1 - (math.log(al) + a - math.log(be) - b) - be * lUD) / al ** 2,
                  be=(-1 / be + lUD) / al)
        grad = np.array([
            (g * (w[1] - w[1] * al * dlNe_ds * ds["a"])).sum(),
            (g * (w[2] - w[1] * al * dlNe_ds * ds["b"])).sum(),
            (g * w[0]).sum(),
            (g * w[1] * (-lNe - al * dlNe_ds * ds["al"])).sum(),
            (g * (w[2] * -lDe - w[1] * al * dlNe_ds * ds["be"])).sum(),
            (g * w[2] * -be * dlDe_drd).sum(),
            (g * w[1] * -al * dlNe_drn).sum()])
        return huber(delta, r).sum(), (grad if free else grad[5:])
    return f


def best_of(f, starts, bounds=None):
    best = (math.inf, None)
    with np.errstate(all="ignore"):
        for s in starts:
            v, _ = f(s)
            if not np.isfinite(v):
                continue
            r = minimize(f, s, jac=True, method="L-BFGS-B", bounds=bounds,
                         options=dict(ftol=1e-15, gtol=1e-12, maxiter=5000))
            value = f(r.x)[0]  # not r.fun: after an abnormal line-search exit it can belong to another point
            if np.isfinite(value) and value < best[0]:
                best = (float(value), r.x)
    return best


def search_fixed(f, rng):
    axis = np.geomspace(0.05, 1e4, 40)
    starts = [np.array(s) for s in itertools.product(axis, axis)]
    starts += [np.exp(rng.uniform(math.log(1e-3), math.log(1e6), 2)) for _ in range(400)]
    starts += [-np.exp(rng.uniform(math.log(0.1), math.log(100), 2)) for _ in range(100)]
    return best_of(f, starts)


def search_free(f, rows, rng):
    arr = np.array(rows); lN, lD = np.median(np.log(arr[:, 0])), np.median(np.log(np.minimum(arr[:, 1], arr[:, 2])))
    grid = []
    for al, be, tn, td, e, rd, rn in itertools.product([0.15, 0.3, 0.45, 0.7], [0.15, 0.3, 0.45, 0.7], [0.05, 0.3, 1.5],
                                                        [0.05, 0.3, 1.5], [-4, 0, 0.5, 0.9], [1, 8, 60], [1, 8, 60]):
        grid.append(np.array([math.log(tn) + al * lN, math.log(td) + be * lD, e, al, be, rd, rn]))
    starts = [grid[i] for i in rng.choice(len(grid), 600, replace=False)]
    starts += [np.concatenate([rng.uniform(-5, 40, 2), [rng.uniform(-8, 2)], rng.uniform(0.05, 1.5, 2),
                               np.exp(rng.uniform(math.log(0.1), math.log(1e4), 2))]) for _ in range(400)]
    bounds = [(None, None)] * 3 + [(1e-3, 5)] * 2 + [(1e-3, None)] * 2
    return best_of(f, starts, bounds)


def run(jar, path, out, extra, delta):
    cmd = ["java", "-jar", jar, "fit", "--data", path, "--delta", str(delta), "--threads", "1", "--no-store",
           "--no-cache", "--out", out] + extra
    p = subprocess.run(cmd, capture_output=True, text=True)
    return json.load(open(out)) if p.returncode == 0 else dict(rc=p.returncode, stderr=p.stderr[-400:])


def theta(d, free):
    p = d["parameters"]
    if "a" in p:
        v = [p["a"], p["b"], p["e"], p["alpha"], p["beta"], p["R_D_star"], p["R_N_star"]]
    else:
        v = [math.log(p["A"]), math.log(p["B"]), math.log(p["E"]), p["alpha"], p["beta"], p["R_D_star"], p["R_N_star"]]
    return np.array(v if free else v[5:])


def main():
    jar, out_dir, first, end = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    delta = 1e-3
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # L-BFGS-B's Fortran notes ("ascent direction in projection") go to stderr, JSON lines to stdout
    for seed in range(first, end):
        rows, truth = table(seed)
        path = os.path.join(out_dir, f"dc-{seed}.csv")
        with open(path, "w") as fh:
            fh.write("params,tokens,unique_tokens,loss\n")
            fh.writelines("%.6g,%.6g,%.6g,%.10g\n" % r for r in rows)
        rows = [tuple(float(v) for v in l.split(",")) for l in open(path).read().split("\n")[1:] if l]
        rng = np.random.default_rng(seed)
        fixed, free = objective(rows, delta, False), objective(rows, delta, True)
        sb, _ = search_fixed(fixed, rng)
        sf, _ = search_free(free, rows, rng)
        arr = np.array(rows)
        rec = dict(seed=seed, points=len(rows), repeating=int((arr[:, 1] > arr[:, 2]).sum()),
                   most_epochs=float((arr[:, 1] / arr[:, 2]).max()), truth=truth, search=sb, free_search=sf)
        for key, extra, f, sref, fr in [
                ("builtin", ["--law", "data-constrained"], fixed, sb, False),
                ("text", ["--law", TEXT] + TEXT_FIXED + TEXT_STARTS, fixed, sb, False),
                ("free", ["--law", TEXT] + FREE + TEXT_STARTS, free, sf, True)]:
            d = run(jar, path, path[:-4] + f"-{key}.json", extra, delta)
            if "objective" not in d:
                rec[key] = d
                continue
            value, gradient = f(theta(d, fr))
            rec[key] = dict(status=d["status"], objective=d["objective"], rel=(d["objective"] - sref) / sref,
                            recomputed=float(value), gradient=float(np.abs(gradient).max()),
                            parameters=d["parameters"], warnings=d["warnings"])
        print(json.dumps(rec), file=out, flush=True)


if __name__ == "__main__":
    main()
