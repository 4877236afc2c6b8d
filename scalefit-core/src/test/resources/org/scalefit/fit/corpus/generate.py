"""Generates the adversarial corpus of synthetic run tables for scalefit's engine tests.

Each table is drawn from a known Chinchilla law L = s * (E + A/N^alpha + B/D^beta) * exp(noise * z), z ~ N(0, 1),
with a fixed seed per table, so the files are reproducible. Categories (file-name prefix):
  ladder      a model ladder: 4 sizes (190M, 370M, 760M, 1.3B) x 1, 2, 5, 10 x Chinchilla tokens (20/param), loss ~3,
              noise 0.3-0.8 %
  competing   the same ladder with 0.5-2.5 % noise: often two basins within a fraction of a percent of each other
  small       loss scale 1e-2 (s = 0.005-0.02), 12-20 points
  large       loss scale 1e2 (s = 50-200), 12-20 points
  few         9-12 points
  noisy       3-5 % multiplicative noise, 20-30 points
  floorless   irreducible error E at 0.1 % of the smallest loss (E nearly unidentified)
  flatterm    a parameter term with a tiny exponent (0.02-0.07: nearly a constant)
"""
import csv, math, random, sys

def law_table(rng, sizes, mults, n0, size_step, mult_step, E, alpha, beta, scale, noise):
    n_min, d_min = n0, 20 * n0 / mult_step
    A = (0.1 + 0.5 * rng.random()) * max(E, 1) * n_min ** alpha
    B = (0.1 + 0.5 * rng.random()) * max(E, 1) * d_min ** beta
    rows = []
    for s in range(sizes):
        N = n0 * size_step ** s * (1 + 0.05 * rng.random())
        for m in range(mults):
            D = 20 * N * mult_step ** (m - 1)
            L = scale * (E + A / N ** alpha + B / D ** beta) * math.exp(noise * rng.gauss(0, 1))
            rows.append((N, D, L))
    return rows

def ladder(rng, noisy=False):
    rows = []
    E, alpha, beta = 1.6 + 0.3 * rng.random(), 0.25 + 0.2 * rng.random(), 0.25 + 0.2 * rng.random()
    A = (0.4 + 0.6 * rng.random()) * 190e6 ** alpha
    B = (0.4 + 0.6 * rng.random()) * (20 * 190e6) ** beta
    noise = 0.005 + 0.02 * rng.random() if noisy else 0.003 + 0.005 * rng.random()
    for N in (190e6, 370e6, 760e6, 1.3e9):
        for k in (1, 2, 5, 10):
            D = 20 * N * k
            rows.append((N, D, (E + A / N ** alpha + B / D ** beta) * math.exp(noise * rng.gauss(0, 1))))
    return rows

def general(rng, kind):
    alpha, beta = 0.15 + 0.65 * rng.random(), 0.15 + 0.65 * rng.random()
    E, scale = 1 + 2 * rng.random(), 1.0
    noise = 10 ** (-3.5 + 1.5 * rng.random())
    sizes, mults = 3 + rng.randrange(3), 4 + rng.randrange(2)
    if kind == "small": scale = 0.005 + 0.015 * rng.random()
    if kind == "large": scale = 50 + 150 * rng.random()
    if kind == "few": sizes, mults = 3, 3 + rng.randrange(2)
    if kind == "noisy": noise, sizes, mults = 0.03 + 0.02 * rng.random(), 5 + rng.randrange(2), 5
    if kind == "floorless": E = 1e-3 * (1 + rng.random())
    if kind == "flatterm": alpha = 0.02 + 0.05 * rng.random()
    n0 = 10 ** (7 + 2 * rng.random())
    return law_table(rng, sizes, mults, n0, 2 + 2 * rng.random(), 2 + 1.5 * rng.random(), E, alpha, beta, scale, noise)

def write(out, name):
    """Writes table `name` (KIND-INDEX, e.g. floorless-06) to out/NAME.csv."""
    kind, index = name.rsplit("-", 1)
    rng = random.Random(f"{kind}-{int(index)}")
    rows = ladder(rng) if kind == "ladder" else ladder(rng, True) if kind == "competing" else general(rng, kind)
    with open(f"{out}/{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["params", "tokens", "loss"])
        for r in rows:
            w.writerow([repr(float(v)) for v in r])

# The tables of the corpus; python3 generate.py DIR writes them all (python3 3.11, no other package needed).
CORPUS = ["ladder-00", "ladder-01", "ladder-02",
          "competing-083", "competing-109", "competing-170", "competing-180",
          "small-00", "small-01", "small-02", "large-00", "large-01", "large-02",
          "few-00", "few-01", "few-02", "noisy-00", "noisy-01", "noisy-02",
          "floorless-00", "floorless-01", "floorless-02", "floorless-03", "floorless-06", "floorless-07",
          "flatterm-00", "flatterm-01", "flatterm-05", "flatterm-06"]

if __name__ == "__main__":
    for table in (sys.argv[2:] or CORPUS):
        write(sys.argv[1], table)
