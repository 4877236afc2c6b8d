#!/usr/bin/python3
"""Independent Python/scipy reference for scalefit's over-training and downstream laws (Gadre et al. 2024),
written from the spec gadre-overtraining-and-downstream.md: §1.1 (parsing), §1.2 (loss law, 128-start
curve_fit grid, selection by strict < of sqrt(SSR/(n-2))), §1.3 (downstream law, one curve_fit from p0 = [1, 1, 1]),
§1.5 (default fit points and held-out runs) and §1.6 (chained prediction, relative error).
It also computes the exact minimisers by variable projection (dense profile scan plus bounded Brent over the
exponent, linear least squares for the rest, then a tight-tolerance LM polish), as §1.7 describes.

Run with Debian's python (python3-scipy):
    /usr/bin/python3 gadre_reference.py [--data /work/shared/data/gadre/exp_data] [--out reference.json]
"""
import argparse
import itertools
import json
import os

import numpy as np
import scipy
from scipy.optimize import curve_fit, least_squares, minimize_scalar

SUBSET = ["bigbench_operators", "pubmed_qa_labeled", "hellaswag_zeroshot", "boolq", "arc_easy", "coqa",
          "bigbench_dyck_languages", "lambada_openai", "bigbench_novel_concepts", "winograd",
          "bigbench_cs_algorithms", "commonsense_qa", "bigbench_qa_wikidata", "hellaswag", "copa", "squad", "piqa"]
FIT_MODELS = ["d=96_l=8_h=4", "d=512_l=8_h=4", "d=576_l=24_h=8", "d=1024_l=24_h=8"]
DATASETS = ["c4_original", "rpj", "rw_original"]


def parse(root, file):
    with open(f"{root}/models/{file}") as f:
        model = json.load(f)
    h = model["hyperparameters"]
    run = {"name": model["name"], "dataset": model["dataset_name"], "cc_mult": float(h["chinchilla_multiplier"]),
           "model": h["model"].split("/")[-1].split(".")[0], "N": h["params"], "D": h["tokens"]}
    run["M"] = 20 * run["cc_mult"]
    for result in model["results"]:
        path = result["val_data"][0]
        suffix = path.split("/")[-2]
        if "de-en" in suffix:
            suffix = path.split("/")[-1].split(".")[0]
        run["loss_" + suffix] = result["loss"]
    with open(f"{root}/evals/evaluation_{file[:-len('.json')]}_heavy.json") as f:
        icl = json.load(f)["eval_metrics"]["icl"]
    errors = [1.0 - v for v in icl.values()]
    subset = [1.0 - v for k, v in icl.items() if k in SUBSET]
    assert len(errors) == 46 and len(subset) == 17
    run["avg"] = sum(errors) / len(errors)
    run["avg_subset"] = sum(subset) / len(subset)
    return run


def loss_law(x, alpha, beta, b, e):
    n, m = x[0], x[1]
    return alpha * np.power(n, b) + beta * np.power(6, b / 2) * np.power(m * n, b) + e


def decay(x, k, gamma, eps):
    return eps - k * np.exp(x) ** (-gamma)


def fit_loss_grid(n, m, y):
    best, best_residual = None, np.inf
    x = np.array([n, m])
    for p0 in itertools.product([1e2, 3e2, 1e3, 3e3], [1e2, 3e2, 1e3, 3e3], [-1e-1, -3e-1], [0.0, 1.0, 2.0, 10.0]):
        p, _ = curve_fit(loss_law, x, y, p0=list(p0), maxfev=10000)
        residual = np.sqrt(np.sum((loss_law(x, *p) - y) ** 2) / (len(y) - 2))
        if residual < best_residual:
            best, best_residual = p, residual
    return best


def fit_downstream(loss, err):
    p, _ = curve_fit(lambda t, a, b, e: e - a * np.exp(-b * t), loss, err, maxfev=10000)
    return p


def varpro(basis, y, lo, hi, assemble, model):
    """Exact minimiser: profile SSR over the nonlinear parameter, linear LS for the rest, then LM polish."""
    def profile(theta):
        a = basis(theta)
        c, *_ = np.linalg.lstsq(a, y, rcond=None)
        return np.sum((a @ c - y) ** 2), c
    grid = np.linspace(lo, hi, 2001)[1:-1]
    values = [profile(t)[0] for t in grid]
    i = int(np.argmin(values))
    r = minimize_scalar(lambda t: profile(t)[0], bounds=(grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]),
                        method="bounded", options={"xatol": 1e-14})
    p0 = assemble(r.x, profile(r.x)[1])
    polished = least_squares(lambda p: model(p) - y, p0, method="lm", xtol=1e-15, ftol=1e-15, gtol=1e-15)
    return polished.x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/data/gadre/exp_data")
    parser.add_argument("--out")
    args = parser.parse_args()
    runs = [parse(args.data, f) for f in sorted(os.listdir(f"{args.data}/models"))]
    report = {"scipy_version": scipy.__version__, "numpy_version": np.__version__, "datasets": {}}
    for ds in DATASETS:
        rs = [r for r in runs if r["dataset"] == ds]
        fit = [r for r in rs if r["model"] in FIT_MODELS and r["cc_mult"] == 1.0]
        fit += [r for r in rs if r["model"] == FIT_MODELS[0] and r["cc_mult"] == 16.0]
        assert len(fit) == 5
        down = fit + [r for r in rs if r["model"] == "open_lm_1b" and r["cc_mult"] == 1.0]
        assert len(down) == 6
        targets = sorted([r for r in rs if r["model"] in ("open_lm_1b", "open_lm_7b")], key=lambda r: r["name"])
        n = np.array([r["N"] for r in fit], float)
        m = np.array([r["M"] for r in fit], float)
        y = np.array([r["loss_c4_val"] for r in fit])
        notebook_loss = fit_loss_grid(n, m, y)
        exact_loss = varpro(
            lambda b: np.column_stack([n ** b, 6 ** (b / 2) * (m * n) ** b, np.ones_like(n)]), y, -2.0, 0.0,
            lambda b, c: [c[0], c[1], b, c[2]], lambda p: loss_law(np.array([n, m]), *p))
        entry = {"loss_law": {"notebook": list(notebook_loss), "exact": list(exact_loss)}, "downstream": {}}
        lx = np.array([r["loss_c4_val"] for r in down])
        for key in ["avg", "avg_subset"]:
            ey = np.array([r[key] for r in down])
            notebook_ds = fit_downstream(lx, ey)
            exact_ds = varpro(lambda g: np.column_stack([-np.exp(-g * lx), np.ones_like(lx)]), ey, 0.0, 10.0,
                              lambda g, c: [c[0], g, c[1]], lambda p: decay(lx, *p))
            predictions = []
            for r in targets:
                lp = loss_law(np.array([[r["N"]], [r["M"]]]), *notebook_loss)[0]
                ep = decay(lp, *notebook_ds)
                predictions.append({
                    "run": r["name"], "loss": r["loss_c4_val"], "loss_pred": lp,
                    "loss_rel_err_pct": "{:.4%}".format(abs(lp - r["loss_c4_val"]) / r["loss_c4_val"]),
                    "err": r[key], "err_pred": ep, "err_rel_err_pct": "{:.4%}".format(abs(ep - r[key]) / r[key])})
            entry["downstream"][key] = {"notebook": list(notebook_ds), "exact": list(exact_ds),
                                        "predictions": predictions}
        report["datasets"][ds] = entry
    text = json.dumps(report, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
