"""The messy ticket job written by hand in pandas: first response time in business minutes (median and 90th
percentile, linear interpolation) and SLA % (first response within 240 business minutes; an open ticket breached
once 240 business minutes have passed at the as-of instant, else pending) per channel and month of creation
(Europe/Berlin), with the overall rows. Business minutes by numpy: the working intervals of the calendar
(bench/messy/calendar.json: Mon-Fri 09:00-17:00 Berlin, the holidays) built with pandas, their cumulative minutes,
and searchsorted for each instant. Rows are left out as the command leaves them out (a short record, a creation that
is not an instant, a first response written but not an instant; for SLA also a resolution written but not an
instant). Prints the rows as JSON (channel and month null for the overall rows).
Run: /usr/bin/python3 bench/messy/pandas_tickets.py FILE [AS_OF]"""
import json
import os
import sys

import numpy as np
import pandas as pd

as_of = pd.Timestamp(sys.argv[2] if len(sys.argv) > 2 else "2026-01-01T00:00:00Z")
with open(os.path.join(os.path.dirname(__file__), "calendar.json")) as f:
    holidays = set(json.load(f)["holidays"])

days = pd.date_range("2024-12-01", "2026-02-01", freq="D")
days = days[(days.dayofweek < 5) & ~days.strftime("%Y-%m-%d").isin(holidays)]
starts = (days + pd.Timedelta(hours=9)).tz_localize("Europe/Berlin").tz_convert("UTC").asi8
ends = (days + pd.Timedelta(hours=17)).tz_localize("Europe/Berlin").tz_convert("UTC").asi8
before = np.concatenate([[0.0], np.cumsum((ends - starts) / 6e10)[:-1]])


def working(instants):
    """Working minutes from the calendar's start to each instant (nanoseconds since the epoch)."""
    i = np.searchsorted(starts, instants, side="right") - 1
    j = np.maximum(i, 0)
    inside = (np.minimum(instants, ends[j]) - starts[j]) / 6e10
    return np.where(i < 0, 0.0, before[j] + inside)


df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_values=[""])  # "n/a" is text, not NaN
df.columns = ["id", "created", "replied", "resolved", "priority", "channel"]
short = df["channel"].isna()  # a short record: its last fields missing
created = pd.to_datetime(df["created"], utc=True, errors="coerce")
replied = pd.to_datetime(df["replied"], utc=True, errors="coerce")
resolved = pd.to_datetime(df["resolved"], utc=True, errors="coerce")
keep = ~short & created.notna() & (df["replied"].isna() | replied.notna())
df = df[keep]
created, replied, resolved_ok = created[keep], replied[keep], (df["resolved"].isna() | resolved[keep].notna())
until = replied.fillna(as_of)
minutes = working(until.values.astype("int64")) - working(created.values.astype("int64"))
open_ = replied.isna().to_numpy()
df = pd.DataFrame(
    {
        "channel": df["channel"].to_numpy(),
        "month": created.dt.tz_convert("Europe/Berlin").dt.strftime("%Y-%m").to_numpy(),
        "minutes": np.where(open_, np.nan, minutes),
        "open": open_,
        "met": resolved_ok.to_numpy() & ~open_ & (minutes <= 240),
        "breached": resolved_ok.to_numpy() & (minutes > 240),
        "pending": resolved_ok.to_numpy() & open_ & (minutes <= 240),
    }
)


def summary(groups):
    out = groups.agg(
        n=("minutes", "count"),
        open=("open", "sum"),
        median=("minutes", "median"),
        p90=("minutes", lambda m: m.quantile(0.9)),
        met=("met", "sum"),
        breached=("breached", "sum"),
        pending=("pending", "sum"),
    )
    return out.reset_index()


df["all"] = 0
parts = [
    summary(df.groupby(["channel", "month"])),
    summary(df.groupby(["channel"])).assign(month=None),
    summary(df.groupby(["month"])).assign(channel=None),
    summary(df.groupby(["all"])).assign(channel=None, month=None),
]
rows = []
for part in parts:
    for r in part.to_dict("records"):
        rows.append(
            {
                "channel": r["channel"],
                "month": r["month"],
                **{k: int(r[k]) for k in ["n", "open", "met", "breached", "pending"]},
                "median": float(r["median"]),
                "p90": float(r["p90"]),
            }
        )
print(json.dumps(rows))
