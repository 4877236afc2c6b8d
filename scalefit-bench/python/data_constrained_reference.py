"""The exact objective of the built-in data-constrained law on DataConstrainedEdgeTest's 4 points (60-digit mpmath).

Reference for DataConstrainedEdgeTest.theObjectiveAtAHugeDecayConstantIsTheLawsValue: F = sum huber_1e-3(log L - log Lhat)
of the law as Muennighoff et al.'s README writes it, from the same double inputs and constants. Usage: python3 THIS
"""
from mpmath import mp, mpf, exp, log, expm1
mp.dps = 60
a, b, e, al = (mpf(x) for x in (6.255414, 7.3049974, 0.6254804, 0.3526596))
be = al
N = [2.57e7, 2.57e7, 2.57e7, 3.48e8]
D = [7.71e8, 3.08e8, 4.62e10, 2.78e10]
U = [5.14e6, 1.54e8, 1.54e8, 1.39e10]
L = [8.290095704, 7.602348049, 6.809359746, 3.781453619]
def F(rds, rns, delta=mpf(1e-3)):
    A, B, E = exp(a), exp(b), exp(e)
    G = (al*A/(be*B))**(1/(al+be))
    tot = mpf(0)
    for n, d, u, l in zip(N, D, U, L):
        n, d, u, l = mpf(n), mpf(d), mpf(u), mpf(l)
        ud = min(u, d)
        cu = 6*(G*ud)**((al+be)/al)
        nopt = G*(cu/6)**(be/(al+be))
        un = min(n, nopt)
        rd = max(d/ud - 1, 0); rn = max(n/un - 1, 0)
        deff = ud + ud*rds*(1 - exp(-rd/rds))
        neff = un + un*rns*(1 - exp(-rn/rns))
        pred = E + A/neff**al + B/deff**be
        r = log(l) - log(pred)
        tot += r*r/2 if abs(r) <= delta else delta*(abs(r) - delta/2)
    return tot
for rds, rns in [(mpf(15), mpf(1.7e18)), (mpf(1e15), mpf(1.7e18))]:
    print(float(rds), float(rns), mp.nstr(F(rds, rns), 20))
