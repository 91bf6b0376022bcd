"""Writes a synthetic Zendesk Support export (seeded, so every run writes the same files), read by the
notebook in examples/notebooks/: zendesk-tickets.csv (the tickets), zendesk-schedule.json (the account's
schedule, as GET /api/v2/business_hours/schedules/{id} returns it) and zendesk-holidays.json (its
holidays, as GET /api/v2/business_hours/schedules/{id}/holidays returns them).

The header line is the one of Zendesk Support's ticket CSV export (Reporting > Export, "CSV export"),
in the order and spelling of Zendesk's help article "Exporting data to a JSON, CSV, or XML file"
(https://support.zendesk.com/hc/en-us/articles/4408886165402; custom fields left out), as in
test/fixtures/vendors/zendesk.csv; `Satisfaction Score` takes the article's values Not Offered,
Offered, Good and Bad. Dates are written in UTC with Z (the export writes the account's time zone).
"Resolution time" (hours) is left blank. The schedule and holidays have the fields of Zendesk's
Schedules API reference (developer.zendesk.com, "Schedules": intervals in minutes since Sunday 00:00,
a Rails time zone name; holidays with start_date and end_date, both included).

The vendor's figures (the "... in minutes" columns) are computed here, independently of cx-metrics,
minute by minute with Python's zoneinfo on that schedule: Monday to Friday 09:00-17:00 in Berlin,
closed on Good Friday (2025-04-18), Easter Monday (2025-04-21) and Labour Day (2025-05-01). A notebook
that forgets the holidays sees the tickets open across them disagree by up to 480 minutes a day, which
is what its reconciliation shows.

Run: python3 examples/data/zendesk-tickets.py [FOLDER] (default: the folder of this file)
"""

import csv
import json
import random
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")  # the schedule's zone, "Berlin" in Zendesk's (Rails) names
SCHEDULE = {
    "id": 360000081234,
    "name": "Support Berlin",
    "time_zone": "Berlin",
    # Monday to Friday 09:00-17:00: day d (Sunday 0) from d * 1440 + 540 to d * 1440 + 1020.
    "intervals": [{"start_time": d * 1440 + 540, "end_time": d * 1440 + 1020} for d in range(1, 6)],
    "created_at": "2024-11-04T08:12:45Z",
    "updated_at": "2025-01-07T10:03:11Z",
}
HOLIDAYS = [
    {"id": 360000012001, "name": "Karfreitag (Good Friday)", "start_date": "2025-04-18", "end_date": "2025-04-18"},
    {"id": 360000012002, "name": "Ostermontag (Easter Monday)", "start_date": "2025-04-21", "end_date": "2025-04-21"},
    {"id": 360000012003, "name": "Tag der Arbeit (Labour Day)", "start_date": "2025-05-01", "end_date": "2025-05-01"},
]
HOLIDAY_DATES = {date.fromisoformat(h["start_date"]) + timedelta(days=k)
                 for h in HOLIDAYS
                 for k in range((date.fromisoformat(h["end_date"]) - date.fromisoformat(h["start_date"])).days + 1)}

HEADER = [
    "ID", "Requester", "Requester ID", "Requester external id", "Requester email", "Requester domain",
    "Submitter", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via", "Ticket type",
    "Created at", "Updated at", "Assigned at", "Organization", "Due date", "Initially assigned at",
    "Solved at", "Resolution time", "Satisfaction Score", "Group stations", "Assignee stations",
    "Reopens", "Replies",
    "First reply time in minutes", "First reply time in minutes within business hours",
    "First resolution time in minutes", "First resolution time in minutes within business hours",
    "Full resolution time in minutes", "Full resolution time in minutes within business hours",
    "Agent wait time in minutes", "Agent wait time in minutes within business hours",
    "Requester wait time in minutes", "Requester wait time in minutes within business hours",
    "On hold time in minutes", "On hold time in minutes within business hours",
]

GROUPS = ["Tier 1", "Tier 2", "Billing"]
AGENTS = {"Tier 1": ["Ana Lima", "Ben Okafor"], "Tier 2": ["Chen Wei", "Dana Kraus"], "Billing": ["Eli Novak"]}
SUBJECTS = ["Login fails", "Refund request", "Invoice copy", "Password reset", "Shipping delay", "App crashes"]
VIA = ["Mail", "Web form", "Chat"]
PRIORITY = ["Low", "Normal", "Normal", "High", "Urgent"]


def business_minutes(start: datetime, end: datetime, holidays: set = HOLIDAY_DATES) -> int:
    """Minutes of [start, end) whose Berlin wall time lies in an interval of SCHEDULE on a date not in holidays."""
    count = 0
    t = start
    while t < end:
        local = t.astimezone(BERLIN)
        minute_of_week = (local.weekday() + 1) % 7 * 1440 + local.hour * 60 + local.minute  # Sunday 00:00 is 0
        if local.date() not in holidays and any(
            i["start_time"] <= minute_of_week < i["end_time"] for i in SCHEDULE["intervals"]
        ):
            count += 1
        t += timedelta(minutes=1)
    return count


def iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def tickets() -> list:
    """The export's rows, as dicts by header."""
    rng = random.Random(19)
    start = datetime(2025, 3, 1, tzinfo=timezone.utc)
    rows = []
    for i in range(150):
        ticket_id = 4101 + i
        created = start + timedelta(minutes=rng.randrange(0, 92 * 24 * 60))
        group = rng.choice(GROUPS)
        assignee = rng.choice(AGENTS[group])
        open_ticket = created > datetime(2025, 5, 24, tzinfo=timezone.utc) and rng.random() < 0.6
        first_reply = created + timedelta(minutes=rng.randrange(5, 6 * 60))
        # Resolution in hours to days, longer for Tier 2.
        hours = rng.expovariate(1 / (30 if group == "Tier 2" else 14))
        solved = None if open_ticket else first_reply + timedelta(minutes=int(hours * 60) + 10)
        requester = 1000 + rng.randrange(0, 400)
        status = rng.choice(["Open", "Pending"]) if open_ticket else rng.choice(["Solved", "Closed"])
        score = rng.choice(["Offered", "Offered", "Not Offered", "Good", "Good", "Good", "Bad"])
        if open_ticket:
            score = "Not Offered"
        row = {name: "" for name in HEADER}
        row.update({
            "ID": ticket_id,
            "Requester": f"Customer {requester}",
            "Requester ID": 360000000 + requester,
            "Requester email": f"customer{requester}@example.com",
            "Requester domain": "example.com",
            "Submitter": f"Customer {requester}",
            "Assignee": assignee,
            "Group": group,
            "Subject": f"{rng.choice(SUBJECTS)}, ticket {ticket_id}",
            "Tags": "web_widget" if rng.random() < 0.3 else "",
            "Status": status,
            "Priority": rng.choice(PRIORITY),
            "Via": rng.choice(VIA),
            "Ticket type": rng.choice(["Question", "Incident", "Problem"]),
            "Created at": iso(created),
            "Updated at": iso(solved or first_reply),
            "Assigned at": iso(created + timedelta(minutes=2)),
            "Initially assigned at": iso(created + timedelta(minutes=2)),
            "Satisfaction Score": score,
            "Group stations": 1,
            "Assignee stations": 1,
            "Reopens": 0,
            "Replies": 1 if open_ticket else 2,
            "First reply time in minutes": round((first_reply - created).total_seconds() / 60),
            "First reply time in minutes within business hours": business_minutes(created, first_reply),
            "Agent wait time in minutes": 0,
            "Agent wait time in minutes within business hours": 0,
            "On hold time in minutes": 0,
            "On hold time in minutes within business hours": 0,
        })
        if solved is not None:
            calendar = round((solved - created).total_seconds() / 60)
            business = business_minutes(created, solved)
            row.update({
                "Solved at": iso(solved),
                "First resolution time in minutes": calendar,
                "First resolution time in minutes within business hours": business,
                "Full resolution time in minutes": calendar,
                "Full resolution time in minutes within business hours": business,
                "Requester wait time in minutes": calendar,
                "Requester wait time in minutes within business hours": business,
            })
        rows.append(row)
    return rows


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    with (folder / "zendesk-tickets.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(tickets())
    (folder / "zendesk-schedule.json").write_text(json.dumps({"schedule": SCHEDULE}, indent=2) + "\n")
    (folder / "zendesk-holidays.json").write_text(json.dumps({"holidays": HOLIDAYS}, indent=2) + "\n")


if __name__ == "__main__":
    main()
