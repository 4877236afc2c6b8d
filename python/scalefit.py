"""scalefit from Python: a thin bridge that runs the scalefit command line and returns its JSON results.

Standard library only. Results are dicts (the command's ``--out`` JSON document). With pandas installed, tables
come as DataFrames: :func:`allocate` returns one (the document in ``.attrs["document"]``) and :func:`frontier`'s
``"frontier"`` runs are one; :func:`frame` turns any list of rows into one.

    import scalefit
    law = scalefit.fit("runs.csv")                       # or a pandas DataFrame / list of dicts
    law["natural_scale"]["A"], law["exponents"]
    scalefit.predict(law, params=1e9, tokens=2e10)       # the fitted law's loss
    scalefit.allocate(law, compute="1e21:1e24")          # N_opt, D_opt, D/N per budget
    scalefit.bootstrap(law, resamples=200)               # intervals of the fit's parameters
    scalefit.frontier("runs.csv")                        # Approach 1

The command is found, in order: the ``SCALEFIT`` environment variable (a command line, e.g. ``java -jar /x.jar``),
the launcher or jar of the repository this file belongs to, then ``scalefit`` on the PATH. A failing command
raises :class:`ScalefitError` with its exit code and standard error (the message names file, line and column).
"""

import csv
import json
import math
import os
import shlex
import shutil
import subprocess
import tempfile

__all__ = ["ScalefitError", "command", "run", "fit", "bootstrap", "allocate", "frontier", "predict", "frame"]

_REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class ScalefitError(RuntimeError):
    """A scalefit command that exited with a non-zero code."""

    def __init__(self, args, code, stderr):
        self.args_run = list(args)
        self.code = code
        self.stderr = stderr
        super().__init__("scalefit %s exited with %d: %s" % (" ".join(args), code, stderr.strip()))


def command():
    """The command line that runs scalefit, as a list."""
    configured = os.environ.get("SCALEFIT")
    if configured:
        return shlex.split(configured)
    launcher = os.path.join(_REPOSITORY, "scalefit")
    if os.path.isfile(launcher) and os.access(launcher, os.X_OK) and shutil.which("bash"):
        return [launcher]  # it (re)builds the jar when missing or older than the sources
    jar = os.path.join(_REPOSITORY, "scalefit-cli", "target", "scalefit.jar")
    if os.path.isfile(jar) and shutil.which("java"):
        return ["java", "-jar", jar]
    found = shutil.which("scalefit")
    if found:
        return [found]
    raise ScalefitError(["(none)"], 127, "scalefit not found: set SCALEFIT, build the repository, or put scalefit "
                                         "on the PATH")


def run(*args):
    """Runs ``scalefit ARGS``; returns its standard output, raises ScalefitError on a non-zero exit code."""
    args = [str(a) for a in args]
    done = subprocess.run(command() + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, encoding="utf-8")
    if done.returncode != 0:
        raise ScalefitError(args, done.returncode, done.stderr)
    return done.stdout


def _options(options):
    """Keyword options as command-line options: delta=1e-3 → --delta 1e-3, no_embeds=True → --no-embeds."""
    args = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            args.append(flag)
        elif isinstance(value, dict):
            for key, item in value.items():
                args += [flag, "%s=%s" % (key, item)]
        elif isinstance(value, (list, tuple)):
            args += [flag, ",".join(str(v) for v in value)]
        else:
            args += [flag, str(value)]
    return args


class _Data:
    """A --data argument: a path or dataset id as is, or a table (DataFrame, list of dicts) written to a CSV."""

    def __init__(self, data, folder):
        if isinstance(data, (str, os.PathLike)):
            self.argument = os.fspath(data)
            return
        self.argument = os.path.join(folder, "runs.csv")
        if hasattr(data, "to_csv"):
            data.to_csv(self.argument, index=False)
            return
        rows = list(data)
        if not rows:
            raise ValueError("no runs")
        with open(self.argument, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)


def _document(args, out_name, folder):
    out = os.path.join(folder, out_name)
    run(*(args + ["--out", out]))
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def _law_argument(law, folder):
    """A --law/--fit argument: a file, a reference law name, or a fit dict written to a file."""
    if isinstance(law, dict):
        path = os.path.join(folder, "law.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(law, f)
        return path
    return os.fspath(law)


def fit(data, **options):
    """``scalefit fit``: the fitted law as a dict (exponents, coefficients, natural_scale, provenance, …).

    Options are scalefit's, e.g. ``law="chinchilla"``, ``delta=1e-3``, ``column={"params": "N"}``; no results store
    is kept unless ``store=`` is given.
    """
    options.setdefault("no_store", "store" not in options)
    with tempfile.TemporaryDirectory(prefix="scalefit-") as folder:
        source = _Data(data, folder)
        return _document(["fit", "--data", source.argument] + _options(options), "fit.json", folder)


def bootstrap(law_or_data, data=None, **options):
    """``scalefit bootstrap``: of a fit (a dict from :func:`fit` or a fit file) with ``--fit``, else of the data.

    A fit of an in-memory table (DataFrame, list of dicts) needs that table again as ``data=``: the temporary file
    it was fitted from is gone.
    """
    with tempfile.TemporaryDirectory(prefix="scalefit-") as folder:
        if isinstance(law_or_data, dict) or str(law_or_data).endswith(".json"):
            args = ["bootstrap", "--fit", _law_argument(law_or_data, folder)]
            if data is not None:
                args += ["--data", _Data(data, folder).argument]
        else:
            args = ["bootstrap", "--data", _Data(law_or_data, folder).argument]
        return _document(args + _options(options), "bootstrap.json", folder)


def allocate(law, compute, **options):
    """``scalefit allocate``: N_opt, D_opt, D/N per budget; ``compute`` a list or a range such as "1e21:1e24".

    Returns the document (a dict), or with pandas a DataFrame of its ``allocations`` (the document in
    ``.attrs["document"]``). ``law`` is a fit dict, a fit file or a reference law (chinchilla, epoch, kaplan).
    """
    if isinstance(compute, (list, tuple)):
        compute = ",".join(repr(float(c)) for c in compute)
    with tempfile.TemporaryDirectory(prefix="scalefit-") as folder:
        document = _document(["allocate", "--law", _law_argument(law, folder), "--compute", str(compute)]
                             + _options(options), "allocation.json", folder)
    table = frame(document["allocations"])
    if table is document["allocations"]:
        return document
    table.attrs["document"] = document
    return table


def frontier(data, **options):
    """``scalefit frontier`` (Approach 1): the frontier runs and the power laws fitted along it."""
    with tempfile.TemporaryDirectory(prefix="scalefit-") as folder:
        source = _Data(data, folder)
        document = _document(["frontier", "--data", source.argument] + _options(options), "frontier.json", folder)
    document["frontier"] = frame(document["frontier"])
    return document


def predict(law, **inputs):
    """The loss a fitted law (a dict from :func:`fit`) predicts: L = E + Σ_j exp(c_j)·x_j^(−α_j).

    Inputs are named as the law's (``params``, ``tokens``; ``width``, ``depth`` …): numbers or equal-length lists.
    """
    names = law.get("inputs") or (["params", "tokens"] if len(law["exponents"]) == 2 else None)
    if names is None:
        raise ValueError("the fit names no inputs; expected a params/tokens law or an 'inputs' field")
    missing = [n for n in names if n not in inputs]
    if missing:
        raise ValueError("missing inputs %s (the law's inputs are %s)" % (missing, names))
    values = [inputs[n] for n in names]
    if all(isinstance(v, (int, float)) for v in values):
        return _loss(law, values)
    length = len(values[0])
    return [_loss(law, [v[i] for v in values]) for i in range(length)]


def _loss(law, x):
    total = math.exp(law["irreducible_error"])
    for c, alpha, value in zip(law["coefficients"], law["exponents"], x):
        total += math.exp(c) * float(value) ** (-alpha)
    return total


def frame(rows):
    """A pandas DataFrame of ``rows`` (a list of dicts, e.g. ``allocate(...)["allocations"]``) if pandas is
    installed, else the list itself."""
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows)
