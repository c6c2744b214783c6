#!/usr/bin/python3
"""Peer for `tierwise grade` on a CSV: pandas read_csv + np.select + to_csv, the payment scorecard's bands.
usage: pandas_grade_csv.py IN.csv OUT.csv   (timed end to end by bench/compare.ts). Needs Debian's python3-pandas."""
import sys
import numpy as np, pandas as pd
src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src)
s = df['monthly_sales'].to_numpy(dtype=float); d = df['payment_days'].to_numpy(dtype=float)
sp = np.select([s >= 20000, s > 10000, s > 5000], [70, 50, 40], 30)
dp = np.select([(d >= 0) & (d <= 30), (d > 30) & (d <= 45), (d > 45) & (d <= 60), d > 60], [30, 20, 10, 0], -1)
total = sp + dp
ok = dp >= 0
df['Score'] = np.where(ok, total, np.nan)
df['Tier'] = np.where(~ok, '', np.where(total >= 80, 'A', np.where(total >= 60, 'B', 'C')))
df['Error'] = np.where(ok, '', 'payment_days out of range')
df.to_csv(out, index=False)
