#!/usr/bin/env python3
"""The Python peer of `mentor check` in Scripts/bench: plain Python that loads the JSON form of a
generated programme (Scripts/bench_corpus.py) and does the work `check` does on it.

    Scripts/bench_rules.py JSON_DIR        prints one JSON line of counts

The work is the same as mentor's, so the time ratio compares like with like:
- every field value is checked for its type (dates, durations, cadences, times, numbers);
- every reference is resolved (people, competencies, pathways, steps, agreements, signers), and
  an unknown one is reported;
- competency `requires` cycles, completed steps outside the pathway or out of order;
- each agreement's end date and its whole session schedule from its cadence (the programme's
  when it has none), with the schedule's issues, held sessions outside the agreement, the
  parties, `closed`, and its status at TODAY (for `inactivity`);
- the programme's three rules (smart_goals, no_supervisor, capacity) and every standard rule
  `import std` adds.

It is what a coordinator could write in a day instead of using mentor: no parsing of Mentor, no
diagnostics with locations; counts only. Anything that is not a rule violation goes to "other"
(mentor's corpus has none), with a short description, so a generator change that breaks the
programme shows up as a count mismatch.
"""

import datetime
import glob
import json
import os
import re
import sys

TODAY = datetime.date(2026, 6, 1)  # Scripts/bench runs `check --today` with the same date
UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
         "month": "months", "months": "months", "year": "years", "years": "years",
         "minute": "minutes", "minutes": "minutes", "hour": "hours", "hours": "hours"}
NAMED = {"daily": (1, "days"), "weekly": (1, "weeks"), "biweekly": (2, "weeks"), "monthly": (1, "months")}


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add(day, duration):
    """`day` + `duration` as mentor adds them: months keep the day of the month, clamped."""
    count, unit = duration
    if unit == "days":
        return day + datetime.timedelta(days=count)
    if unit == "weeks":
        return day + datetime.timedelta(weeks=count)
    months = count * (12 if unit == "years" else 1)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, days_in_month(year, month)))


def times(duration, k):
    return (duration[0] * k, duration[1])


def parse_duration(text):
    match = re.fullmatch(r"(\d+) ([a-z]+)", text or "")
    if not match or match.group(2) not in UNITS:
        return None
    return int(match.group(1)), UNITS[match.group(2)]


def parse_cadence(text):
    """`weekly for 4 weeks, then monthly` -> [(interval, limit or None), ...], or None."""
    phases = []
    for part in (text or "").split(", then "):
        head, _, limit_text = part.partition(" for ")
        if head in NAMED:
            interval = NAMED[head]
        elif head.startswith("every "):
            interval = parse_duration(head[len("every "):])
        else:
            interval = None
        limit = parse_duration(limit_text) if limit_text else None
        if interval is None or interval[1] in ("minutes", "hours") or (limit_text and limit is None):
            return None
        phases.append((interval, limit))
    return phases


def sessions(phases, start, end):
    """The schedule as mentor defines it (Sources/MentorRuntime/Calendar/Schedule.swift's
    contract, restated): each phase's k-th session is its first plus k intervals; the next
    phase starts one of its own intervals after the last session; all strictly before `end`."""
    dates, issues = [], []
    for index, (interval, limit) in enumerate(phases):
        first = add(dates[-1], interval) if dates else start
        if first >= end:
            issues.append(("never reached", index))
            break
        bound = min(add(first, limit), end) if limit else end
        if first >= bound:
            issues.append(("empty", index))
            continue
        k = 0
        while True:
            session = add(first, times(interval, k))
            if session >= bound:
                break
            dates.append(session)
            k += 1
    return dates, issues


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def load(json_dir):
    data = {"program": None, "competencies": [], "pathways": [], "people": [], "agreements": [], "agendas": []}
    for path in sorted(glob.glob(os.path.join(json_dir, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            part = json.load(handle)
        for key, value in part.items():
            if key == "program":
                data["program"] = value
            else:
                data[key].extend(value)
    return data


def check(data):
    other = []
    counts = {}
    scheduled = 0

    def problem(text):
        other.append(text)

    def report(rule, failed):
        counts[rule] = counts.get(rule, 0) + (1 if failed else 0)

    def index(kind, items):
        table = {}
        for item in items:
            if item["id"] in table:
                problem(f"{kind} `{item['id']}` declared twice")
            table[item["id"]] = item
        return table

    def date_field(owner, name, required=False):
        value = owner.get(name)
        if value is None:
            if required:
                problem(f"`{owner['id']}` has no `{name}`")
            return None
        day = parse_date(value)
        if day is None:
            problem(f"`{owner['id']}`: `{name}` is not a date: {value!r}")
        return day

    def resolve(table, kind, name, where):
        if name is not None and name not in table:
            problem(f"{where}: unknown {kind} `{name}`")
            return None
        return table.get(name)

    program = data["program"] or {}
    people = index("person", data["people"])
    competencies = index("competency", data["competencies"])
    pathways = index("pathway", data["pathways"])
    agreements = index("agreement", data["agreements"])
    program_term = parse_duration(program.get("term", "12 months"))
    program_cadence = parse_cadence(program["cadence"]) if "cadence" in program else None
    if "cadence" in program and program_cadence is None:
        problem(f"programme: `cadence` is not a cadence: {program['cadence']!r}")
    if "review" in program and parse_cadence(program["review"]) is None:
        problem(f"programme: `review` is not a cadence: {program['review']!r}")
    if not isinstance(program.get("max_mentees", 0), int):
        problem("programme: `max_mentees` is not a number")

    # Competencies and their prerequisites, with cycles found once.
    for c in competencies.values():
        for r in c.get("requires", []):
            resolve(competencies, "competency", r, f"competency `{c['id']}`")
    state = {}
    for root in competencies:
        stack = [(root, iter(competencies[root].get("requires", [])))]
        state[root] = "open"
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = "done"
                stack.pop()
            elif child in competencies and state.get(child) == "open":
                problem(f"competency `{child}` requires itself")
            elif child in competencies and child not in state:
                state[child] = "open"
                stack.append((child, iter(competencies[child].get("requires", []))))

    steps_of = {}
    for p in pathways.values():
        steps_of[p["id"]] = {s["id"]: position for position, s in enumerate(p["steps"])}
        for s in p["steps"]:
            for c in s.get("competencies", []):
                resolve(competencies, "competency", c, f"step `{s['id']}`")
    last_step = {p["id"]: p["steps"][-1]["id"] for p in pathways.values()}

    for person in people.values():
        resolve(people, "person", person.get("supervisor"), f"person `{person['id']}`")
        for c in person.get("competencies", []):
            resolve(competencies, "competency", c, f"person `{person['id']}`")
        pathway = resolve(pathways, "pathway", person.get("pathway"), f"person `{person['id']}`")
        completed = person.get("completed", {})
        if completed and pathway is None:
            problem(f"`{person['id']}` lists completed steps but has no `pathway`")
        previous = None
        for step, day_text in completed.items():
            day = parse_date(day_text)
            if day is None:
                problem(f"`{person['id']}`: step `{step}` completed on a non-date")
            if pathway is None:
                continue
            position = steps_of[pathway["id"]].get(step)
            if position is None:
                problem(f"`{step}` is not a step of pathway `{pathway['id']}`")
                continue
            if previous and day and day < previous[1] and previous[0] < position:
                problem(f"`{step}` completed before an earlier step")
            if day:
                previous = (position, day)

    def credentialed(person):
        pathway = person.get("pathway")
        return pathway in last_step and last_step[pathway] in person.get("completed", {})

    mentees_of = {}
    for a in agreements.values():
        where = f"agreement `{a['id']}`"
        mentor = resolve(people, "person", a.get("mentor"), where)
        mentee = resolve(people, "person", a.get("mentee"), where)
        co_mentor = resolve(people, "person", a.get("co_mentor"), where)
        if mentor is None or mentee is None:
            problem(f"{where} lacks a mentor or a mentee")
            continue
        if mentor is mentee:
            problem(f"{where}: `{mentor['id']}` is both mentor and mentee")
        start = date_field(a, "start", required=True)
        term = parse_duration(a["term"]) if "term" in a else program_term
        if term is None:
            problem(f"{where}: `term` is not a duration")
        for name in ("session_length", "inactivity"):
            if name in a and parse_duration(a[name]) is None:
                problem(f"{where}: `{name}` is not a duration")
        if "review" in a and parse_cadence(a["review"]) is None:
            problem(f"{where}: `review` is not a cadence")
        if a.get("booking") not in (None, "mentor", "mentee"):
            problem(f"{where}: `booking` is neither mentor nor mentee")
        for channel in a.get("channels", []):
            if channel not in ("in_person", "video", "phone", "email", "chat"):
                problem(f"{where}: unknown channel `{channel}`")
        mentees_of.setdefault(mentor["id"], set()).add(mentee["id"])
        if start is None or term is None:
            continue
        end = add(start, term)

        cadence_text = a.get("cadence") or program.get("cadence")
        phases = parse_cadence(cadence_text) if cadence_text else None
        if cadence_text and phases is None:
            problem(f"{where}: `cadence` is not a cadence: {cadence_text!r}")
        if phases:
            planned, issues = sessions(phases, start, end)
            scheduled += len(planned)
            for issue in issues:
                problem(f"{where}: cadence phase {issue[1] + 1} is {issue[0]}")
        held = [parse_date(text) for text in a.get("held", [])]
        for day in held:
            if day is None:
                problem(f"{where}: a held session is not a date")
            elif day < start or day >= end:
                problem(f"{where}: session held on {day} is outside the agreement")
        closed = a.get("closed")
        closed_on = parse_date(closed.get("on")) if closed else None
        if closed and closed_on is None:
            problem(f"{where}: `closed` needs `on: DATE`")
        elif closed_on and closed_on < start:
            problem(f"{where}: closed before it starts")
        parties = {mentor["id"], mentee["id"]} | ({co_mentor["id"]} if co_mentor else set())
        signed = {}
        for signer, day_text in a.get("signed", {}).items():
            if signer not in parties:
                problem(f"{where}: `{signer}` signed but is not a party")
            signed[signer] = parse_date(day_text)

        # The status at TODAY, as `a.status` computes it; only `inactivity` asks for it here.
        if closed_on and closed_on <= TODAY:
            status = "closed"
        elif TODAY < start:
            status = "pending"
        elif TODAY >= end:
            status = "ended"
        else:
            status = "active"
            inactivity = parse_duration(a.get("inactivity"))
            if inactivity:
                last = max([start] + [d for d in held if d])
                if add(last, inactivity) < TODAY:
                    status = "lapsed"

        supervises = mentee.get("supervisor") == mentor["id"]
        report("no_supervisor", supervises)
        report("std.no_supervisor", supervises)
        for g in a.get("goals", []):
            due = date_field(g, "due")
            # Both smart_goals rules report a goal's first failing requirement, at most one.
            failed = "measure" not in g or due is None or due > end
            report("smart_goals", failed)
            report("std.smart_goals", failed)
        report("std.boundaries", cadence_text is None or not a.get("channels") or "contact" not in a)
        report("std.ending_clause", "ending" not in a)
        report("std.review_rhythm", (a.get("review") or program.get("review")) is None)
        if not credentialed(mentor):
            report("std.credentialed_mentors", co_mentor is None or not credentialed(co_mentor))
        # Signatures are due once the start has arrived; a pending agreement may lack them.
        report("std.signed_before_start", start <= TODAY and (signed.get(mentor["id"]) is None or signed.get(mentee["id"]) is None
               or max(signed[mentor["id"]], signed[mentee["id"]]) > start))
        if "inactivity" in a:
            report("std.inactivity", status == "lapsed")

    for ident, person in people.items():
        report("capacity", len(mentees_of.get(ident, ())) > program.get("max_mentees", 0))
        held = set(person.get("competencies", []))
        report("std.prerequisites", any(r not in held for c in held for r in competencies.get(c, {}).get("requires", [])))
    for agenda in data["agendas"]:
        resolve(agreements, "agreement", agenda.get("for"), f"agenda `{agenda['id']}`")
        if "at" in agenda and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", agenda["at"]):
            problem(f"agenda `{agenda['id']}`: `at` is not a time")
        numbers = [s.get("number") for s in agenda.get("sessions", [])]
        if numbers != list(range(1, len(numbers) + 1)):
            problem(f"agenda `{agenda['id']}`: sessions are not numbered 1, 2, …")
        report("std.agenda_checkin", not agenda.get("closing"))
    return counts, other, scheduled


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: Scripts/bench_rules.py JSON_DIR")
    counts, other, scheduled = check(load(sys.argv[1]))
    warnings = counts.get("capacity", 0) + counts.get("std.review_rhythm", 0)
    print(json.dumps({"rules": counts, "errors": sum(counts.values()) - warnings, "warnings": warnings,
                      "other": other, "sessionsScheduled": scheduled}))


if __name__ == "__main__":
    main()
