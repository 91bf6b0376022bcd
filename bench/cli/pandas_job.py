"""The benchmark's job in pandas: read_csv, months cut in Europe/Berlin, NPS counts per channel and
month with the overall rows (groupby), adjusted-Wald intervals in numpy. Prints the number of rows.
Run: python3 bench/cli/pandas_job.py FILE"""
import sys

import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1], usecols=["respondedAt", "channel", "score"])
local = pd.to_datetime(df["respondedAt"], utc=True).dt.tz_convert("Europe/Berlin")
df["month"] = local.dt.tz_localize(None).dt.to_period("M")
score = df["score"]
df["promoters"] = score >= 9
df["passives"] = (score >= 7) & (score <= 8)
df["detractors"] = score <= 6
cols = ["promoters", "passives", "detractors"]
parts = [
    df.groupby(["channel", "month"])[cols].sum(),
    df.groupby(["channel"])[cols].sum(),
    df.groupby(["month"])[cols].sum(),
    df[cols].sum().to_frame().T,
]
rows = 0
z = 1.959963984540054
for part in parts:
    p, a, d = (part[c].to_numpy(dtype=float) for c in cols)
    n = p + a + d
    # adjusted Wald (Rocks): add 3/4 to promoters and detractors, 3/2 to passives
    pa, da, na = p + 0.75, d + 0.75, n + 3
    nps = (pa - da) / na
    var = (pa / na + da / na - nps**2) / na
    low, high = nps - z * np.sqrt(var), nps + z * np.sqrt(var)
    rows += len(part)
print(rows)
