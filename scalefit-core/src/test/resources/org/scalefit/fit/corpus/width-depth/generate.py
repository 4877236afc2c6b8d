"""Generates the adversarial width-depth corpus: synthetic run tables for scalefit's 3-input law.

Each table is drawn from a known law of the form scalefit fits with --law width-depth (Gemstones' depth_width.py,
k = 3 on [width, depth, tokens]):
    L = s * (E + Aw/w^aw + Ad/d^ad + B/D^b) * exp(noise * z),  z ~ N(0, 1),
with a fixed seed per table, so the files are reproducible. Every run is a model shape (width, depth) read at a few
checkpoints; tokens are whole steps of 2048 sequences of 2048 tokens, 10B to 350B (Gemstones' hot_100b+ range), and
params is Gemstones' param_counter(width, depth, vocab=50304) (plotting_utils.py), which the law does not use.
Categories (file-name prefix):
  ladder     8-12 shapes, widths 256-3072 and depths 4-64 drawn independently, loss ~3, noise 0.5-1 %
  collinear  the ladder of many public studies: depth grows with width (aspect ratio ~64 with 15 % jitter), so
             log width and log depth are nearly collinear; noise 1-2 %
  noisy      3-4 % noise
  floorless  E at 0.1 % of the loss: the floor is nearly unidentified
  flatterm   a depth (or width) exponent of 0.02-0.04: the term is nearly a constant that trades off against E
  few        20 points (5 shapes x 4 checkpoints) for 7 parameters
  small      loss scale 1e-2 (s = 0.005-0.02)
  large      loss scale 1e2 (s = 50-200)
"""
import csv, math, random, sys

WIDTHS = (256, 384, 512, 768, 1024, 1280, 1536, 1792, 2048, 2560, 3072)
TOKENS_PER_STEP = 2048 * 2048
VOCAB = 50304

def param_counter(width, depth, vocab=VOCAB):
    """Gemstones' plotting_utils.param_counter: GQA attention, GEGLU MLP, untied embedding and head."""
    heads = width // 128
    groups = heads // 2
    attention = width * (heads + 2 * groups) * 128 + 128 * heads * width
    mlp = 3 * width * 4 * width
    return depth * (attention + mlp + 2 * width) + vocab * width + width + width * vocab

def shapes(rng, count, collinear):
    """`count` distinct (width, depth) shapes."""
    found = []
    while len(found) < count:
        width = rng.choice(WIDTHS)
        if collinear:
            depth = max(2, round(width / 64 * math.exp(0.15 * rng.gauss(0, 1))))
        else:
            depth = round(math.exp(math.log(4) + (math.log(64) - math.log(4)) * rng.random()))
        if (width, depth) not in found:
            found.append((width, depth))
    return found

def checkpoints(rng, count):
    """`count` token counts log-spaced from ~10B to ~350B, jittered, in whole steps."""
    lo, hi = math.log(1e10), math.log(3.5e11)
    steps = []
    for k in range(count):
        t = lo + (hi - lo) * (k + 0.3 * rng.random()) / count
        steps.append(max(1, round(math.exp(t) / TOKENS_PER_STEP)))
    return [s * TOKENS_PER_STEP for s in sorted(set(steps))]

def table(rng, kind):
    n_shapes, n_checkpoints = 8, 6
    E, scale = 1.6 + 0.4 * rng.random(), 1.0
    aw, ad, b = 0.2 + 0.5 * rng.random(), 0.1 + 0.4 * rng.random(), 0.2 + 0.4 * rng.random()
    noise = 0.005 + 0.01 * rng.random()
    if kind == "ladder": n_shapes, n_checkpoints = 8 + rng.randrange(5), 5 + rng.randrange(2)
    if kind == "collinear": noise = 0.01 + 0.01 * rng.random()
    if kind == "noisy": n_shapes, noise = 10, 0.03 + 0.01 * rng.random()
    if kind == "floorless": E = 1e-3 * (1 + rng.random())
    if kind == "flatterm":
        flat = 0.02 + 0.02 * rng.random()
        if rng.random() < 0.5: ad = flat
        else: aw = flat
    if kind == "few": n_shapes, n_checkpoints = 5, 4
    if kind == "small": scale = 0.005 + 0.015 * rng.random()
    if kind == "large": scale = 50 + 150 * rng.random()
    unit = max(E, 1)
    Aw = (0.1 + 0.4 * rng.random()) * unit * WIDTHS[0] ** aw
    Ad = (0.05 + 0.3 * rng.random()) * unit * 4 ** ad
    B = (0.1 + 0.4 * rng.random()) * unit * 1e10 ** b
    law = dict(E=E, Aw=Aw, aw=aw, Ad=Ad, ad=ad, B=B, b=b, scale=scale, noise=noise)
    rows = []
    for width, depth in shapes(rng, n_shapes, kind == "collinear"):
        for D in checkpoints(rng, n_checkpoints):
            L = scale * (E + Aw / width ** aw + Ad / depth ** ad + B / D ** b) * math.exp(noise * rng.gauss(0, 1))
            rows.append((width, depth, param_counter(width, depth), D, L))
    return law, rows

def write(out, name):
    """Writes table `name` (KIND-INDEX, e.g. flatterm-01) to out/NAME.csv; returns the law it was drawn from."""
    kind, index = name.rsplit("-", 1)
    law, rows = table(random.Random(f"width-depth-{kind}-{int(index)}"), kind)
    with open(f"{out}/{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["width", "depth", "params", "tokens", "loss"])
        for width, depth, params, tokens, loss in rows:
            w.writerow([width, depth, params, tokens, repr(loss)])
    return law, len(rows)

# The tables of the corpus; python3 generate.py DIR writes them all (python3 3.11, no other package needed) and
# prints the law each was drawn from.
CORPUS = ["ladder-00", "ladder-01", "collinear-00", "noisy-00", "floorless-00", "floorless-01",
          "flatterm-00", "flatterm-01", "few-00", "small-00", "large-00"]

if __name__ == "__main__":
    for name in (sys.argv[2:] or CORPUS):
        law, count = write(sys.argv[1], name)
        print(name, count, " ".join(f"{k}={v:.4g}" for k, v in law.items()))
