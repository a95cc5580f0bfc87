#!/usr/bin/env python3
"""The scale reference for `mentor check`: plain Python that loads the JSON form of a generated
programme (Scripts/bench_corpus.py) and runs the same rules on it.

    Scripts/bench_rules.py JSON_DIR        prints one JSON line: {"rules": {...}, "errors": E, "warnings": W}

It runs the programme's three rules (smart_goals, no_supervisor, capacity) and the standard
rules `import std` adds, each written the obvious way with dictionaries built once. It is what a
coordinator could write in an afternoon instead of using mentor: no parsing of Mentor, no name
resolution, no types, no diagnostics with locations; only the counts. `std.inactivity` needs
the session calendar, which this script does not model, so it refuses a programme that uses
`inactivity` instead of reporting a count it cannot compute (the generator never writes one).
"""

import datetime
import glob
import json
import os
import sys


def add_months(day, months):
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
                31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last_day))


def months_of(duration):
    count, unit = duration.split(" ")
    if unit not in ("months", "years"):
        sys.exit(f"bench_rules: term `{duration}` is not in months; only month terms are modelled")
    return int(count) * (12 if unit == "years" else 1)


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
    program = data["program"]
    people = {p["id"]: p for p in data["people"]}
    requires = {c["id"]: c.get("requires", []) for c in data["competencies"]}
    last_step = {p["id"]: p["steps"][-1]["id"] for p in data["pathways"]}
    program_term = months_of(program.get("term", "12 months"))

    def credentialed(person):
        pathway = person.get("pathway")
        return pathway is not None and last_step[pathway] in person.get("completed", {})

    counts = {}

    def report(rule, failed):
        counts[rule] = counts.get(rule, 0) + (1 if failed else 0)

    mentees_of = {}
    for a in data["agreements"]:
        if "inactivity" in a:
            sys.exit(f"bench_rules: agreement `{a['id']}` sets `inactivity`, which this script does not model")
        start = datetime.date.fromisoformat(a["start"])
        end = add_months(start, months_of(a["term"]) if "term" in a else program_term)
        mentor, mentee = people[a["mentor"]], people[a["mentee"]]
        mentees_of.setdefault(a["mentor"], set()).add(a["mentee"])

        supervises = mentee.get("supervisor") == a["mentor"]
        report("no_supervisor", supervises)
        report("std.no_supervisor", supervises)
        for g in a.get("goals", []):
            # Both smart_goals rules report a goal's first failing requirement, at most one.
            failed = "measure" not in g or "due" not in g or datetime.date.fromisoformat(g["due"]) > end
            report("smart_goals", failed)
            report("std.smart_goals", failed)
        report("std.boundaries", (a.get("cadence") or program.get("cadence")) is None
               or not a.get("channels") or "contact" not in a)
        report("std.ending_clause", "ending" not in a)
        report("std.review_rhythm", (a.get("review") or program.get("review")) is None)
        if not credentialed(mentor):
            co_mentor = people.get(a.get("co_mentor"))
            report("std.credentialed_mentors", co_mentor is None or not credentialed(co_mentor))
        signed = a.get("signed", {})
        report("std.signed_before_start", a["mentor"] not in signed or a["mentee"] not in signed
               or max(datetime.date.fromisoformat(signed[a["mentor"]]),
                      datetime.date.fromisoformat(signed[a["mentee"]])) > start)
        report("std.inactivity", False)

    for ident, person in people.items():
        report("capacity", len(mentees_of.get(ident, ())) > program["max_mentees"])
        held = set(person.get("competencies", []))
        report("std.prerequisites", any(r not in held for c in held for r in requires[c]))
    for agenda in data["agendas"]:
        report("std.agenda_checkin", not agenda.get("closing"))
    return counts


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: Scripts/bench_rules.py JSON_DIR")
    counts = check(load(sys.argv[1]))
    warnings = counts["capacity"] + counts["std.review_rhythm"]
    print(json.dumps({"rules": counts, "errors": sum(counts.values()) - warnings, "warnings": warnings}))


if __name__ == "__main__":
    main()
