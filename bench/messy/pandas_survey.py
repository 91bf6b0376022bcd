"""The messy survey job written by hand in pandas, as a user would: read_csv, dates with mixed offsets to UTC
(errors="coerce": a date that is not one becomes NaT), answers to numbers (errors="coerce"), rows without a date or
an integer answer 0-10 left out, months cut in Europe/Berlin, NPS counts per channel and month with the overall rows,
adjusted-Wald intervals in numpy. Prints the counts as JSON, one object per row (channel and month null for the
overall rows).
Run: /usr/bin/python3 bench/messy/pandas_survey.py FILE"""
import json
import sys

import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1], usecols=[1, 2, 3], dtype=str, keep_default_na=False)
df.columns = ["submitted", "channel", "score"]
at = pd.to_datetime(df["submitted"], utc=True, errors="coerce")
score = pd.to_numeric(df["score"], errors="coerce")
keep = at.notna() & score.between(0, 10) & (score == score.round())
df = df[keep].assign(score=score[keep], month=at[keep].dt.tz_convert("Europe/Berlin").dt.strftime("%Y-%m"))
df["promoters"] = df["score"] >= 9
df["passives"] = df["score"].between(7, 8)
df["detractors"] = df["score"] <= 6
cols = ["promoters", "passives", "detractors"]
parts = [
    df.groupby(["channel", "month"])[cols].sum().reset_index(),
    df.groupby(["channel"])[cols].sum().reset_index().assign(month=None),
    df.groupby(["month"])[cols].sum().reset_index().assign(channel=None),
    df[cols].sum().to_frame().T.assign(channel=None, month=None),
]
z = 1.959963984540054
rows = []
for part in parts:
    p, a, d = (part[c].to_numpy(dtype=float) for c in cols)
    n = p + a + d
    # adjusted Wald (Rocks): add 3/4 to promoters and detractors, 3/2 to passives
    pa, da, na = p + 0.75, d + 0.75, n + 3
    nps = (pa - da) / na
    half = z * np.sqrt((pa / na + da / na - nps**2) / na)
    for record in part.to_dict("records"):
        rows.append({key: (int(record[key]) if key in cols else record[key]) for key in ["channel", "month", *cols]})
print(json.dumps(rows))
