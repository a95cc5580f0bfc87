#!/usr/bin/env python3
"""Reads `mentor export --format ics` back with Python's icalendar package.

The `ana_dave` calendar of Examples/ must hold its 15 sessions and its reviews, and every
event's date, time and duration must equal the schedule obtained independently: from
`mentor export --format json`, from a script run by the interpreter, and from the cadence
rule of LANGUAGE.md computed here in Python. With `--tz Europe/Berlin` every event must land
on the UTC instant that Python's zoneinfo gives for that wall-clock time, both through the
TZID and through the calendar's own VTIMEZONE. Prints one line per test and a summary.
"""

import calendar
import datetime
import json
import os
import subprocess
import sys
import zoneinfo

import icalendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join("Examples", "credential-program")
TODAY = "2026-01-05"
UTC = datetime.timezone.utc


def mentor(*arguments, stdin=""):
    # Bytes, not text mode: text mode would turn the calendar's CRLFs into LFs.
    result = subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, input=stdin.encode("utf-8"),
                            capture_output=True, timeout=60)
    assert result.returncode == 0, f"mentor {' '.join(arguments)} exited {result.returncode}: {result.stderr!r}"
    return result.stdout.decode("utf-8")


def export_ics(*extra):
    text = mentor("export", "--format", "ics", "--today", TODAY, *extra, "ana_dave", EXAMPLES)
    return text, icalendar.Calendar.from_ical(text)


def schedule_from_json():
    data = json.loads(mentor("export", "--format", "json", "--today", TODAY, "ana_dave", EXAMPLES))
    agreement = data["agreement"]
    return agreement["sessions"], agreement["reviews"]


def schedule_from_script():
    """The same members, asked through the interpreter (`mentor` runs standard input as a script)."""
    script = "\n".join([
        'import "Examples/credential-program/program.mentor"',
        'import "Examples/credential-program/people.mentor"',
        'import "Examples/credential-program/agreements/ana_dave.mentor"',
        'import "Examples/credential-program/agreements/ana_ines.mentor"',
        'for s in ana_dave.sessions { print("session \\(s.number) \\(s.date) \\(s.time) \\(s.length)") }',
        'for r in ana_dave.reviews { print("review \\(r)") }',
    ])
    sessions, reviews = [], []
    for line in mentor("--today", TODAY, stdin=script).splitlines():
        words = line.split()
        if words[0] == "session":
            sessions.append((int(words[1]), words[2], words[3], int(words[4]), words[5]))
        else:
            reviews.append(words[1])
    return sessions, reviews


def add_months(date, months):
    """LANGUAGE.md: adding months keeps the day of the month, clamped to the month's end."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def schedule_from_the_rule():
    """`weekly for 4 weeks, then monthly` from 2026-01-12 over 12 months, reviews every 3 months."""
    start = datetime.date(2026, 1, 12)
    end = add_months(start, 12)
    weekly = [start + datetime.timedelta(weeks=k) for k in range(5)]
    weekly = [d for d in weekly if d < start + datetime.timedelta(weeks=4)]
    monthly_start = add_months(weekly[-1], 1)
    monthly = [add_months(monthly_start, k) for k in range(24)]
    sessions = weekly + [d for d in monthly if d < end]
    reviews = [add_months(start, 3 * k) for k in range(1, 10) if add_months(start, 3 * k) <= end]
    return sessions, reviews


def events(cal):
    sessions = {}
    reviews = {}
    for event in cal.walk("VEVENT"):
        uid = str(event["UID"])
        kind, number = uid.removesuffix("@mentor").split("-")[-2:]
        (sessions if kind == "session" else reviews)[int(number)] = event
    return sessions, reviews


def test_calendar_holds_fifteen_sessions_and_the_reviews():
    text, cal = export_ics()
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), "lines must end with CRLF"
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    assert cal["VERSION"] == "2.0" and cal["CALSCALE"] == "GREGORIAN" and cal["PRODID"]
    sessions, reviews = events(cal)
    expected_sessions, expected_reviews = schedule_from_json()
    assert len(sessions) == 15, len(sessions)
    assert len(reviews) == len(expected_reviews) == 4, (len(reviews), expected_reviews)
    assert len(cal.walk("VEVENT")) == 15 + 4


def test_every_session_matches_the_schedule():
    _, cal = export_ics()
    sessions, _ = events(cal)
    from_json, _ = schedule_from_json()
    from_script, _ = schedule_from_script()
    from_rule, _ = schedule_from_the_rule()
    assert len(from_json) == len(from_script) == len(from_rule) == len(sessions) == 15
    for expected, scripted, ruled in zip(from_json, from_script, from_rule):
        event = sessions[expected["number"]]
        start = event["DTSTART"].dt
        date = datetime.date.fromisoformat(expected["date"])
        hour, minute = map(int, expected["time"].split(":"))
        assert start == datetime.datetime(date.year, date.month, date.day, hour, minute), (start, expected)
        assert start.tzinfo is None, "without --tz times are floating"
        assert expected["length"] == {"amount": 60, "unit": "minutes"}
        assert event["DURATION"].dt == datetime.timedelta(minutes=60)
        assert str(event["SUMMARY"]) == (expected["title"] or f"Mentoring session {expected['number']}")
        assert scripted == (expected["number"], expected["date"], expected["time"], 60, "minutes"), (scripted, expected)
        assert ruled == date, (ruled, date)
        description = str(event["DESCRIPTION"])
        assert "What are your next steps?" in description
        for topic in expected["topics"]:
            assert topic in description


def test_every_review_matches_the_schedule():
    _, cal = export_ics()
    _, reviews = events(cal)
    _, from_json = schedule_from_json()
    _, from_script = schedule_from_script()
    _, from_rule = schedule_from_the_rule()
    assert from_json == from_script == [d.isoformat() for d in from_rule], (from_json, from_script, from_rule)
    for number, expected in enumerate(from_json, start=1):
        event = reviews[number]
        assert event["DTSTART"].dt == datetime.date.fromisoformat(expected), (event["DTSTART"].dt, expected)
        assert event["DURATION"].dt == datetime.timedelta(days=1)
        assert str(event["SUMMARY"]).startswith("Review: ")


def test_uids_are_stable_and_unique():
    _, first = export_ics()
    _, second = export_ics()
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in second.walk("VEVENT")]
    assert "ana_dave-session-3@mentor" in uids
    stamps = {e["DTSTAMP"].dt for e in first.walk("VEVENT")}
    assert stamps == {datetime.datetime(2026, 1, 5, tzinfo=UTC)}, stamps


def test_berlin_times_are_the_right_instants():
    text, cal = export_ics("--tz", "Europe/Berlin")
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    sessions, reviews = events(cal)
    from_json, review_dates = schedule_from_json()
    (vtimezone,) = cal.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Berlin"
    own_zone = vtimezone.to_tz()
    assert "DTSTART;TZID=Europe/Berlin:20260112T093000" in text
    saw_summer = saw_winter = False
    for expected in from_json:
        start = sessions[expected["number"]]["DTSTART"].dt
        date = datetime.date.fromisoformat(expected["date"])
        hour, minute = map(int, expected["time"].split(":"))
        wall = datetime.datetime(date.year, date.month, date.day, hour, minute)
        instant = wall.replace(tzinfo=berlin).astimezone(UTC)
        assert start.tzinfo is not None
        assert start.replace(tzinfo=None) == wall
        assert start.astimezone(UTC) == instant, (start, instant)
        # The calendar's own VTIMEZONE must agree with the tz database.
        assert wall.replace(tzinfo=own_zone).astimezone(UTC) == instant, (wall, own_zone)
        offset = instant.hour * 60 + instant.minute - (hour * 60 + minute)
        saw_summer |= offset == -120
        saw_winter |= offset == -60
    assert saw_summer and saw_winter, "the span crosses both CET and CEST"
    for number, expected in enumerate(review_dates, start=1):
        assert reviews[number]["DTSTART"].dt == datetime.date.fromisoformat(expected)


def test_escaped_and_folded_text_reads_back_exactly():
    rich = os.path.join("Tests", "Fixtures", "export-rich")
    text = mentor("export", "--format", "ics", "--today", "2026-03-10", "zoë_kai", rich)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, f"line longer than 75 octets: {line!r}"
    cal = icalendar.Calendar.from_ical(text)
    sessions, reviews = events(cal)
    first = sessions[1]
    assert str(first["SUMMARY"]) == "Kick-off; boundaries, rhythm \\ expectations", str(first["SUMMARY"])
    assert first["DTSTART"].dt == datetime.date(2026, 3, 2), "no agenda time: an all-day event"
    assert first["DURATION"].dt == datetime.timedelta(days=1)
    description = str(first["DESCRIPTION"])
    assert "- Ünïcödé tëxt thät is löng ënöügh tö bë földëd ät sëvëntÿ-fïvë öctëts: ✓✓✓✓✓\n" in description, description
    assert "Length: 90 minutes." in description
    assert "- Introductions, and what each of us wants from this" in description
    assert str(cal["X-WR-CALNAME"]) == "Mentoring: Zoë Ñúñez-Łukasiewicz and Kai | Pipe *Star* Müller"
    assert len(sessions) == 14 and len(reviews) == 3


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
