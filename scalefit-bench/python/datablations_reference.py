# Reference check of the data-constrained fit (Muennighoff et al. 2023) in numpy/scipy, float64: the objective
# at the published point, the README check values, and L-BFGS-B (finite differences) from their 4x4 grid.
# Run: python3 scalefit-bench/python/datablations_reference.py (reads the bundled runs.csv
# or the path given as the first argument).
import csv, numpy as np
from scipy.optimize import minimize
from scipy.special import huber
import sys
path = sys.argv[1] if len(sys.argv) > 1 else 'scalefit-io/src/main/resources/org/scalefit/io/datasets/datablations/runs.csv'
rows=[r for r in csv.DictReader(open(path)) if r['in_published_fit']=='1']
N=np.array([float(r['params']) for r in rows]); D=np.array([float(r['tokens']) for r in rows]); U=np.array([float(r['unique_tokens']) for r in rows]); L=np.array([float(r['loss']) for r in rows])
a,b,e,al=6.255414,7.3049974,0.6254804,0.3526596
A,B,E=np.exp(a),np.exp(b),np.exp(e)
def law(rd,rn,n=N,d=D,u=U):
    G=(al*A/(al*B))**(1/(2*al)); CU=6*(G*u)**(2*al/al); Nopt=G*(CU/6)**(al/(2*al))
    UN=np.minimum(n,Nopt); RD=np.maximum(d/u-1,0); RN=np.maximum(n/UN-1,0)
    De=u+u*rd*(1-np.exp(-RD/rd)); Ne=UN+UN*rn*(1-np.exp(-RN/rn))
    return E+A/Ne**al+B/De**al
def F(x): return np.sum(huber(1e-3, np.log(L)-np.log(law(*x))))
print("n", len(L), "F(published) %.17g" % F([15.387756,5.309743]))
print("check", "%.17g %.17g" % (law(15.387756,5.309743,6.34e9,242e9,25e9), law(15.387756,5.309743,8.67e9,178e9,25e9)))
best=None
for x0 in [(p,q) for p in (0,20/3,40/3,20) for q in (0,20/3,40/3,20)]:
    with np.errstate(all='ignore'):
        if not np.isfinite(F(x0)): continue
        r=minimize(F,x0,method='L-BFGS-B',options=dict(ftol=1e-15,gtol=1e-12,maxiter=10000))
    print(x0, r.x, "%.17g"%r.fun, r.success)
    if best is None or r.fun<best.fun: best=r
print("best", best.x, "%.17g"%best.fun)
