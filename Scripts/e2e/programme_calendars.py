#!/usr/bin/env python3
"""Reads `mentor export --format ics --programme` and `--person` back with Python's icalendar.

The programme calendar must hold, for every agreement of the programme's JSON export, one
all-day event for its start, its signature deadline, each review, its lapse deadline (the
later of start and last held session plus `inactivity`, when before the end) and its end,
and nothing else. A person's calendar must hold exactly the sessions of the agreements they
are a party to, at the JSON export's dates and times, titled with the agenda's titles, and
with the same UIDs as each agreement's own calendar. Prints one line per test and a summary.
"""

import calendar
import datetime
import json
import os
import subprocess
import sys

import icalendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMMES = [("Examples/credential-program", "2026-01-05"),
              ("Tests/Golden/coordinator/programme_ics.mentor", "2026-03-01")]


def mentor(*arguments):
    result = subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == 0, f"mentor {' '.join(arguments)} exited {result.returncode}: {result.stderr!r}"
    return result.stdout.decode("utf-8")


def day(text):
    return datetime.date.fromisoformat(text)


def add(date, amount, unit):
    """A Mentor duration added to a date (LANGUAGE.md: months clamp to the month's end)."""
    if unit in ("days", "weeks"):
        return date + datetime.timedelta(days=amount * (7 if unit == "weeks" else 1))
    months = amount * (12 if unit == "years" else 1)
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def events(text):
    parsed = icalendar.Calendar.from_ical(text)
    return [component for component in parsed.walk() if component.name == "VEVENT"]


def expected_programme_events(agreement):
    start, end = day(agreement["start"]), day(agreement["end"])
    expected = {f"{agreement['id']}-start@mentor": start, f"{agreement['id']}-signatures@mentor": start,
                f"{agreement['id']}-end@mentor": end}
    for number, review in enumerate(agreement["reviews"], 1):
        expected[f"{agreement['id']}-review-{number}@mentor"] = day(review)
    if agreement["inactivity"]:
        last = max([start] + [day(held) for held in agreement["held"]])
        deadline = add(last, agreement["inactivity"]["amount"], agreement["inactivity"]["unit"])
        finish = min(end, day(agreement["closed"]["on"])) if agreement["closed"] else end
        if deadline < finish:
            expected[f"{agreement['id']}-lapse@mentor"] = deadline
    return expected


def test_programme_calendar_has_every_deadline():
    lapses = 0
    for path, today in PROGRAMMES:
        data = json.loads(mentor("export", "--format", "json", "--today", today, path))
        found = {str(event["UID"]): event for event in events(mentor("export", "--format", "ics", "--programme", "--today", today, path))}
        expected = {}
        for agreement in data["agreements"]:
            expected.update(expected_programme_events(agreement))
        assert set(found) == set(expected), f"{path}: {sorted(set(found) ^ set(expected))}"
        for uid, date in expected.items():
            event = found[uid]
            assert event["DTSTART"].dt == date, f"{uid}: {event['DTSTART'].dt} != {date}"
            assert event["DURATION"].dt == datetime.timedelta(days=1), uid
            assert isinstance(event["DTSTART"].dt, datetime.date) and not isinstance(event["DTSTART"].dt, datetime.datetime)
        lapses += sum(1 for uid in expected if uid.endswith("-lapse@mentor"))
        signatures = [event for uid, event in found.items() if uid.endswith("-signatures@mentor")]
        for event, agreement in zip(signatures, data["agreements"]):
            signed = {entry["person"] for entry in agreement["signed"]}
            for party in (agreement["mentor"], agreement["mentee"]):
                wanted = f"{party['name']} signed on" if party["id"] in signed else f"{party['name']} has not signed"
                assert wanted in str(event["DESCRIPTION"]), (wanted, str(event["DESCRIPTION"]))
    assert lapses >= 1, "no programme exercised a lapse deadline"


def test_person_calendar_is_their_sessions():
    for path, today in PROGRAMMES:
        data = json.loads(mentor("export", "--format", "json", "--today", today, path))
        people = {person["id"]: person for person in data["people"]}
        for person in people:
            theirs = [a for a in data["agreements"]
                      if person in (a["mentor"]["id"], a["mentee"]["id"], (a["co_mentor"] or {}).get("id"))]
            sessions = [(a, s) for a in theirs for s in a["sessions"]
                        if not a["closed"] or day(s["date"]) < day(a["closed"]["on"])]
            if not sessions:
                continue
            found = events(mentor("export", "--format", "ics", "--person", person, "--today", today, path))
            assert len(found) == len(sessions), f"{person}: {len(found)} events, {len(sessions)} sessions"
            for event, (agreement, session) in zip(found, sessions):
                assert str(event["UID"]) == f"{agreement['id']}-session-{session['number']}@mentor"
                title = session["title"] or f"Mentoring session {session['number']}"
                assert str(event["SUMMARY"]) == f"{title} ({agreement['mentor']['name']} and {agreement['mentee']['name']})"
                start = event["DTSTART"].dt
                if session["time"]:
                    hour, minute = map(int, session["time"].split(":"))
                    assert start == datetime.datetime.combine(day(session["date"]), datetime.time(hour, minute)), (start, session)
                else:
                    assert start == day(session["date"]), (start, session)


def test_person_events_equal_the_agreement_calendar():
    """Importing a person's calendar beside an agreement's must not duplicate: same UID, same event."""
    path, today = PROGRAMMES[0]
    own = {str(e["UID"]): e for e in events(mentor("export", "--format", "ics", "--today", today, "ana_dave", path))}
    person = events(mentor("export", "--format", "ics", "--person", "dave", "--today", today, path))
    assert person, "dave has sessions"
    for event in person:
        twin = own[str(event["UID"])]
        for key in ("DTSTART", "DURATION", "DESCRIPTION"):
            assert event.get(key) == twin.get(key) or event[key].to_ical() == twin[key].to_ical(), key


sys.exit(run_tests(__file__, globals()))
