"""Writes corpus table random-SS.csv: a random Chinchilla-law model ladder drawn with numpy from seed SS.

Usage: python3 random_tables.py SEED OUT.csv  (prints the drawn law). 3-12 model sizes (1e6-1e10 parameters), each
trained on 1-6 token multiples (1-500 tokens per parameter); E of 0, 1e-6 or 0.2-3; A, B of 10-1e5; exponents
0.05-1.2; log-normal noise of 0, 0.1, 1 or 5 %; each loss an outlier (log-normal, 30 %) with probability 3 %;
losses scaled by 0.01-100. Written for scalefit's tests (numpy 1.24); same licence as the project.
"""
import numpy as np, sys, json
seed=int(sys.argv[1]); rng=np.random.default_rng(seed)
k=int(rng.integers(3,13)); sizes=np.sort(10**rng.uniform(6,10,k))
E=float(rng.choice([0,1e-6,rng.uniform(0.2,3)])); A=10**rng.uniform(1,5); B=10**rng.uniform(1,5)
al=rng.uniform(0.05,1.2); be=rng.uniform(0.05,1.2)
sigma=float(rng.choice([0,0.001,0.01,0.05])); scale=10**rng.uniform(-2,2)
rows=[]
for N in sizes:
    m=int(rng.integers(1,7))
    for r in np.sort(10**rng.uniform(0,np.log10(500),m)):
        D=r*N
        L=scale*(E+A/N**al+B/D**be)*np.exp(rng.normal(0,sigma))
        if rng.random()<0.03: L*=np.exp(rng.normal(0,0.3))
        rows.append((N,D,L))
open(sys.argv[2],'w').write('params,tokens,loss\n'+''.join(f'{a:.6g},{b:.6g},{c:.10g}\n' for a,b,c in rows))
print(json.dumps(dict(seed=seed,n=len(rows),E=E,A=A,B=B,al=al,be=be,sigma=sigma,scale=scale)))
