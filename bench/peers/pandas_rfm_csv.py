#!/usr/bin/python3
"""Peer for `tierwise rfm` on an orders CSV: pandas read_csv + groupby + qcut quintiles, then to_csv.
usage: pandas_rfm_csv.py ORDERS.csv OUT.csv   (columns customer_id, order_date, revenue; timed end to end)."""
import sys
import numpy as np, pandas as pd
src, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(src, parse_dates=['order_date'])
asof = df.order_date.max() + pd.Timedelta(days=1)
g = df.groupby('customer_id').agg(last=('order_date', 'max'), frequency=('order_date', 'size'), monetary=('revenue', 'sum'))
g['recency'] = (asof - g['last']).dt.days
for col, rev in (('recency', True), ('frequency', False), ('monetary', False)):
    s = pd.qcut(g[col].rank(method='min'), 5, labels=False, duplicates='drop') + 1
    g[col[0].upper()] = 6 - s if rev else s
g['RFM'] = g.R.astype(str) + g.F.astype(str) + g.M.astype(str)
g.drop(columns='last').to_csv(out)
