#!/usr/bin/env python3
"""Writes a deterministic, realistic Mentor programme for benchmarking, twice: as Mentor and as JSON.

    Scripts/bench_corpus.py --agreements N [--seed S] OUT_DIR

OUT_DIR/mentor/   program.mentor (program, competencies, pathway, three rules, `import std`),
                  people/people-NNNN.mentor (500 persons a file),
                  agreements/agreements-NNNN.mentor (100 agreements a file, with their agendas)
OUT_DIR/json/     the same data, the same split, as .json files
OUT_DIR/schema.json    JSON Schema (draft 2020-12) every file under json/ validates against
OUT_DIR/expected.json  what `mentor check --today 2026-06-01 OUT_DIR/mentor` must report

The programme is built once as plain Python data and rendered both ways, so the two forms
cannot drift apart. About 2% of agreements break one rule on purpose (a goal due after the
end, a mentor who supervises the mentee, a mentor over capacity, a missing ending, a late or
missing signature, an agenda without closing questions, a candidate mentor without a
credentialed co-mentor, a competency held without its prerequisite, no channels); everything
else meets every rule of the programme and of `import std`. expected.json is counted from
those deliberate breaks, never by running mentor. The same N and seed always give the same bytes.
"""

import argparse
import datetime
import json
import os
import random
import unicodedata

AGREEMENTS_PER_FILE = 100
PEOPLE_PER_FILE = 500
TODAY = datetime.date(2026, 6, 1)  # Scripts/bench passes the same date as --today
MAX_MENTEES = 3
PROGRAM_TERM_MONTHS = 12
BREAK_RATE = 0.02

FIRST_NAMES = [
    "Ana", "Bo", "Lee", "Dave", "Inês", "Maya", "Tomás", "Priya", "Olu", "Sven", "Keiko",
    "Rafael", "Zoë", "Amir", "Chloé", "Jonas", "Fatima", "Liam", "Noor", "Mateo", "Hana",
    "Erik", "Ada", "Kwame", "Sofía", "Yusuf", "Elif", "Nils", "Mei", "Oscar",
]
LAST_NAMES = [
    "Ruiz", "Lindqvist", "Park", "Okafor", "Duarte", "Chen", "Novak", "Haddad", "Schmidt",
    "Tanaka", "Müller", "Adeyemi", "García", "Kowalski", "O'Brien", "Rossi", "Nakamura",
    "Silva", "Jansen", "Petrov", "Dubois", "Mensah", "Kaya", "Larsen", "Moreau",
]

COMPETENCIES = [
    ("adult_learning", "Adult learning", "Applies how adults learn: experience, relevance, self-direction", []),
    ("stages_of_learning", "Stages of learning", "Recognises where a protégé is, from unaware to fluent, and adapts", []),
    ("problem_solving", "Problem solving", "Frames a protégé's problem and guides them to their own solution", []),
    ("strategic_planning", "Strategic planning", "Turns goals into a plan with milestones", ["problem_solving"]),
    ("active_listening", "Active listening", "Listens for what is meant as well as what is said", []),
    ("feedback", "Giving feedback", "Gives specific, timely and kind feedback", ["active_listening"]),
    ("goal_setting", "Goal setting", "Helps a protégé set SMART goals", ["strategic_planning"]),
    ("reflection", "Reflective practice", "Reviews their own mentoring and changes it", ["stages_of_learning"]),
    ("conflict", "Handling conflict", "Keeps disagreements productive", ["active_listening", "feedback"]),
    ("networking", "Opening networks", "Introduces a protégé to people who can help", []),
    ("ethics", "Mentoring ethics", "Keeps confidences and boundaries", []),
    ("career_planning", "Career planning", "Helps a protégé see and choose paths", ["goal_setting", "networking"]),
]
REQUIRES = {ident: requires for ident, _, _, requires in COMPETENCIES}
# Competencies that require something: the only ones a deliberate prerequisites break can use.
DEPENDENT = [ident for ident, requires in REQUIRES.items() if requires]

STEPS = [
    ("application", "Application submitted", []),
    ("selection", "Selected as a mentor candidate", []),
    ("training", "Content training", ["adult_learning", "stages_of_learning", "problem_solving", "strategic_planning"]),
    ("observation", "Observed a credentialed mentor at work", []),
    ("co_mentoring", "Co-mentored with a credentialed mentor", []),
    ("independent", "Mentored alone, observed by a credentialed mentor", []),
    ("credentialed", "Initial credential", []),
]

CADENCES = [
    "weekly for 4 weeks, then monthly",
    "biweekly",
    "every 3 weeks",
    "monthly",
    "weekly for 6 weeks, then biweekly",
    "every 10 days",
    "biweekly for 3 months, then monthly",
]
CHANNELS = ["in_person", "video", "phone", "email", "chat"]
CONTACTS = [
    "weekdays 08:00-18:00, email first",
    "any time by chat; calls by arrangement",
    "Tuesdays and Thursdays after 14:00",
    "email only, replies within two working days",
]
ENDINGS = [
    "Either party may end the agreement at any review, no fault implied",
    "Ends at the final review unless both agree to extend",
    "Either party may end it with two weeks' notice",
]
GOALS = [
    ("savings", "Cut procurement cost", "savings against the budget", "15%"),
    ("negotiation", "Lead a supplier negotiation", "negotiations led", "2"),
    ("presenting", "Present at the regional meeting", "talks given", "1"),
    ("delegation", "Delegate the weekly report", "reports written by the team", "8"),
    ("hiring", "Run a hiring round", "candidates interviewed", "6"),
    ("budget", "Own the team budget", "variance against plan", "5%"),
    ("mentoring", "Mentor a new colleague", "sessions held", "10"),
    ("writing", "Publish an internal article", "articles published", "1"),
    ("certification", "Pass the project management exam", "exam passed", "1"),
    ("network", "Meet peers in other regions", "peers met", "5"),
]
SESSION_TITLES = [
    ("Getting started", ["Build rapport", "Agree boundaries", "Expectations"]),
    ("Goals", ["Draft SMART goals", "Pick the first milestone"]),
    ("Industry trends", ["What changed this year", "Where the work is going"]),
    ("Time management", ["Weekly planning", "Saying no"]),
    ("Feedback", ["Asking for feedback", "Acting on it"]),
    ("Review", ["Progress against goals", "What to change"]),
]
CLOSING = ["What was useful today?", "What are your next steps?", "What should we change next time?"]

# Each deliberate break, how often it is chosen, and the rules it trips (one diagnostic each).
# The programme's own smart_goals and no_supervisor are copies of std's, so those breaks
# are reported twice, once per rule.
BREAKS = {
    "goal_due_after_end": (3, ["smart_goals", "std.smart_goals"]),
    "mentor_supervises_mentee": (2, ["no_supervisor", "std.no_supervisor"]),
    "mentor_over_capacity": (2, ["capacity"]),
    "no_ending": (1, ["std.ending_clause"]),
    "signed_after_start": (1, ["std.signed_before_start"]),
    "mentee_not_signed": (1, ["std.signed_before_start"]),
    "agenda_without_closing": (1, ["std.agenda_checkin"]),
    "candidate_without_co_mentor": (1, ["std.credentialed_mentors"]),
    "missing_prerequisite": (1, ["std.prerequisites"]),
    "no_channels": (1, ["std.boundaries"]),
}
RULES = {  # every rule the programme runs, and its severity
    "smart_goals": "error", "no_supervisor": "error", "capacity": "warning",
    "std.smart_goals": "error", "std.no_supervisor": "error", "std.boundaries": "error",
    "std.ending_clause": "error", "std.review_rhythm": "warning", "std.credentialed_mentors": "error",
    "std.prerequisites": "error", "std.agenda_checkin": "error", "std.signed_before_start": "error",
    "std.inactivity": "error",
}


def add_months(day, months):
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
                31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last_day))


def with_prerequisites(held):
    """`held` plus everything it transitively requires, in COMPETENCIES order."""
    closed, pending = set(), list(held)
    while pending:
        ident = pending.pop()
        if ident not in closed:
            closed.add(ident)
            pending.extend(REQUIRES[ident])
    return [ident for ident, _, _, _ in COMPETENCIES if ident in closed]


# ---------------------------------------------------------------- the programme as data

def build(agreement_count, seed):
    """The whole programme as plain data, the list of deliberate breaks, and the expected counts."""
    rng = random.Random(seed)
    mentor_count = max(2, agreement_count // 2)
    names = []
    for index in range(mentor_count + agreement_count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        # Identifiers are ASCII: "Müller" becomes "muller", "O'Brien" becomes "obrien".
        folded = unicodedata.normalize("NFKD", (first + "_" + last).lower())
        ascii_id = "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == "_"))
        names.append((f"{ascii_id}_{index}", f"{first} {last}"))

    people = {}
    for index, (ident, title) in enumerate(names):
        person = {"id": ident, "name": title}
        if rng.random() < 0.7:
            person["email"] = ident.replace("_", ".") + "@example.org"
        if index < mentor_count:
            person["pathway"] = "credential"
            done = len(STEPS) if rng.random() < 0.75 else rng.randint(1, len(STEPS) - 1)
            day = datetime.date(2023, 1, 2) + datetime.timedelta(days=rng.randint(0, 700))
            completed = {}
            for step, _, _ in STEPS[:done]:
                completed[step] = day.isoformat()
                day += datetime.timedelta(days=rng.randint(10, 45))
            person["completed"] = completed
            person["competencies"] = with_prerequisites(rng.sample([c[0] for c in COMPETENCIES], rng.randint(2, 6)))
        elif rng.random() < 0.3:
            person["competencies"] = with_prerequisites(rng.sample([c[0] for c in COMPETENCIES], rng.randint(1, 3)))
        people[ident] = person
    mentors = [ident for ident, _ in names[:mentor_count]]
    mentees = [ident for ident, _ in names[mentor_count:]]
    credentialed = [m for m in mentors if "credentialed" in people[m]["completed"]]  # ordered, for rng.choice
    is_credentialed = set(credentialed)

    # Which agreements break which rule: about 2%, at least one of each kind when N allows.
    kinds = [kind for kind, (weight, _) in BREAKS.items() for _ in range(weight)]
    broken_count = max(len(BREAKS), round(agreement_count * BREAK_RATE)) if agreement_count >= 100 else 0
    broken_indices = sorted(rng.sample(range(agreement_count), broken_count))
    breaks = {}
    for position, index in enumerate(broken_indices):
        breaks[index] = list(BREAKS)[position] if position < len(BREAKS) else rng.choice(kinds)

    # Mentor of each mentee: two per mentor, a few moved to another mentor with room (still at
    # most MAX_MENTEES), and for each capacity break one more to a mentor already at the limit.
    mentor_of = [mentors[index // 2 % mentor_count] for index in range(agreement_count)]
    load = {m: 0 for m in mentors}
    for m in mentor_of:
        load[m] += 1
    for index in range(agreement_count):
        if index in breaks or rng.random() >= 0.05:
            continue
        target = rng.choice(mentors)
        if load[target] < MAX_MENTEES:
            load[mentor_of[index]] -= 1
            load[target] += 1
            mentor_of[index] = target
    for index, kind in breaks.items():
        if kind != "mentor_over_capacity":
            continue
        at_limit = [m for m in mentors if load[m] == MAX_MENTEES and m != mentor_of[index]]
        target = rng.choice(at_limit) if at_limit else rng.choice([m for m in mentors if m != mentor_of[index]])
        load[mentor_of[index]] -= 1
        load[target] += 1
        mentor_of[index] = target

    agreements, agendas = [], []
    for index, mentee in enumerate(mentees):
        kind = breaks.get(index)
        mentor = mentor_of[index]
        if kind == "candidate_without_co_mentor" and mentor in is_credentialed:
            # Needs a candidate as mentor: move to one with room (capacity is counted at the end).
            candidates = [m for m in mentors if m not in is_credentialed and load[m] < MAX_MENTEES]
            if candidates:
                load[mentor] -= 1
                mentor = rng.choice(candidates)
                load[mentor] += 1
                mentor_of[index] = mentor
            else:
                kind = breaks[index] = "no_ending"
        person = people[mentee]
        if kind == "mentor_supervises_mentee":
            person["supervisor"] = mentor
        elif rng.random() < 0.4:
            supervisor = rng.choice(mentors)
            person["supervisor"] = supervisor if supervisor != mentor else mentors[mentors[0] == mentor]
        if kind == "missing_prerequisite":
            dependent = rng.choice(DEPENDENT)
            held = [c for c in person.get("competencies", []) if c not in REQUIRES[dependent]]
            if dependent not in held:
                held.append(dependent)
            # Drop whatever else lost a prerequisite on the way, so only `dependent` lacks one.
            while True:
                kept = [c for c in held if c == dependent or all(r in held for r in REQUIRES[c])]
                if kept == held:
                    break
                held = kept
            person["competencies"] = held

        start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randint(0, 540))
        if kind in ("signed_after_start", "mentee_not_signed"):
            # std.signed_before_start asks for signatures once the start has arrived, so the
            # break is one only in an agreement that has started by TODAY.
            start = min(start, TODAY)
        term_months = rng.choice([12, 12, 12, 6, 9])
        end = add_months(start, term_months)
        agreement = {"id": f"{mentee}_with_{mentor.rsplit('_', 1)[1]}", "mentor": mentor, "mentee": mentee,
                     "start": start.isoformat()}
        if mentor not in is_credentialed and kind != "candidate_without_co_mentor":
            agreement["co_mentor"] = rng.choice(credentialed)
        if term_months != PROGRAM_TERM_MONTHS:
            agreement["term"] = f"{term_months} months"
        if rng.random() < 0.6:
            agreement["cadence"] = rng.choice(CADENCES)
        if rng.random() < 0.3:
            agreement["session_length"] = f"{rng.choice([30, 45, 90])} minutes"
        if kind != "no_channels":
            agreement["channels"] = rng.sample(CHANNELS, rng.randint(1, 3))
        agreement["contact"] = rng.choice(CONTACTS)
        if rng.random() < 0.5:
            agreement["confidential"] = True
        if rng.random() < 0.3:
            agreement["booking"] = rng.choice(["mentor", "mentee"])
        if rng.random() < 0.4:
            agreement["review"] = f"every {rng.choice([2, 3, 4])} months"
        if kind != "no_ending":
            agreement["ending"] = rng.choice(ENDINGS)
        signed = start - datetime.timedelta(days=rng.randint(1, 14))
        agreement["signed"] = {mentor: signed.isoformat()}
        if kind == "signed_after_start":
            agreement["signed"][mentee] = (start + datetime.timedelta(days=rng.randint(1, 10))).isoformat()
        elif kind != "mentee_not_signed":
            agreement["signed"][mentee] = min(start, signed + datetime.timedelta(days=rng.randint(0, 3))).isoformat()
        last = min(end - datetime.timedelta(days=1), TODAY)
        if start < last and rng.random() < 0.3:
            span = (last - start).days
            agreement["held"] = [(start + datetime.timedelta(days=offset)).isoformat()
                                 for offset in sorted(rng.sample(range(span + 1), min(span + 1, rng.randint(1, 6))))]
        span_days = (end - start).days
        goals = []
        chosen = rng.sample(GOALS, rng.randint(1, 4))
        late = rng.randrange(len(chosen)) if kind == "goal_due_after_end" else -1
        for position, (goal_id, title, measure, target) in enumerate(chosen):
            due = (end + datetime.timedelta(days=rng.randint(1, 90)) if position == late
                   else start + datetime.timedelta(days=rng.randint(30, span_days)))
            goals.append({"id": goal_id, "title": title, "measure": measure, "target": target, "due": due.isoformat()})
        agreement["goals"] = goals
        agreements.append(agreement)

        if index % 3 == 0 or kind == "agenda_without_closing":
            agenda = {"id": agreement["id"] + "_plan", "for": agreement["id"],
                      "at": rng.choice(["09:00", "09:30", "13:00", "16:30"]), "sessions": []}
            for number, (title, topics) in enumerate(SESSION_TITLES[:rng.randint(2, len(SESSION_TITLES))], start=1):
                agenda["sessions"].append({"number": number, "title": title, "topics": topics})
            if kind != "agenda_without_closing":
                agenda["closing"] = CLOSING
            agendas.append(agenda)

    # Counted from the final assignment, not the breaks: a move may have landed on a mentor
    # not yet at the limit, or a later swap may have taken one away. One warning per mentor.
    over_capacity = sum(1 for m in mentors if load[m] > MAX_MENTEES)
    counts = {rule: 0 for rule in RULES}
    for kind in breaks.values():
        if kind != "mentor_over_capacity":
            for rule in BREAKS[kind][1]:
                counts[rule] += 1
    counts["capacity"] = over_capacity
    program = {"id": "regional", "title": "Regional Mentoring Programme", "term": f"{PROGRAM_TERM_MONTHS} months",
               "cadence": "weekly for 4 weeks, then monthly", "session_length": "60 minutes",
               "max_mentees": MAX_MENTEES, "review": "every 3 months"}
    competencies = [{"id": ident, "title": title, "description": description, "requires": requires}
                    for ident, title, description, requires in COMPETENCIES]
    pathway = {"id": "credential", "title": "Initial mentor credential",
               "steps": [{"id": s, "title": t, **({"competencies": c} if c else {})} for s, t, c in STEPS]}
    data = {"program": program, "competencies": competencies, "pathways": [pathway],
            "people": [people[ident] for ident, _ in names], "agreements": agreements, "agendas": agendas}
    breaks_by_kind = {kind: 0 for kind in BREAKS}
    for kind in breaks.values():
        breaks_by_kind[kind] += 1
    return data, breaks_by_kind, counts


# ---------------------------------------------------------------- rendering as Mentor

def string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


RULES_TEXT = """\
rule no_supervisor "A mentor never supervises their mentee" {
  for a in agreements {
    require a.mentee.supervisor != a.mentor
      else "\\(a.mentor.name) supervises \\(a.mentee.name)"
  }
}

rule smart_goals "Every goal is measurable and time-bound within the agreement" {
  for a in agreements, g in a.goals {
    require g.measure != none else "goal `\\(g.id)` has no measure"
    require g.due != none else "goal `\\(g.id)` has no due date"
    require g.due <= a.end else "goal `\\(g.id)` is due \\(g.due), after the agreement ends on \\(a.end)"
  }
}

rule capacity warning "A mentor has at most the program's number of mentees" {
  for m in people where m.mentees.count > program.max_mentees {
    fail "\\(m.name) mentors \\(m.mentees.count) people"
  }
}
"""


def program_mentor(data):
    p = data["program"]
    lines = [
        "/// A generated programme for benchmarking the lexer, parser and checker.",
        "import std",
        "",
        f"program {string(p['title'])} {{",
        f"  term: {p['term']}",
        f"  cadence: {p['cadence']}",
        f"  session_length: {p['session_length']}",
        f"  max_mentees: {p['max_mentees']}",
        f"  review: {p['review']}",
        "}",
        "",
    ]
    for c in data["competencies"]:
        lines.append(f"competency {c['id']} {string(c['title'])} {{")
        lines.append(f"  description: {string(c['description'])}")
        if c["requires"]:
            lines.append(f"  requires: [{', '.join(c['requires'])}]")
        lines.append("}")
    for pathway in data["pathways"]:
        lines += ["", "/// The steps from candidate to credentialed mentor, in order.",
                  f"pathway {pathway['id']} {string(pathway['title'])} {{"]
        for step in pathway["steps"]:
            if "competencies" in step:
                lines += [f"  step {step['id']} {string(step['title'])} {{",
                          f"    competencies: [{', '.join(step['competencies'])}]", "  }"]
            else:
                lines.append(f"  step {step['id']} {string(step['title'])}")
        lines.append("}")
    return "\n".join(lines) + "\n\n" + RULES_TEXT


def person_mentor(person):
    fields = []
    if "email" in person:
        fields.append(f"  email: {string(person['email'])}")
    if "supervisor" in person:
        fields.append(f"  supervisor: {person['supervisor']}")
    if "pathway" in person:
        fields.append(f"  pathway: {person['pathway']}")
        pairs = [f"{step}: {day}" for step, day in person["completed"].items()]
        fields.append("  completed: {")
        for first in range(0, len(pairs), 3):
            fields.append("    " + ", ".join(pairs[first:first + 3]) + ",")
        fields.append("  }")
    if "competencies" in person:
        fields.append(f"  competencies: [{', '.join(person['competencies'])}]")
    header = f"person {person['id']} {string(person['name'])}"
    return header + (" {\n" + "\n".join(fields) + "\n}\n" if fields else "\n")


def agreement_mentor(a, agenda):
    lines = [f"agreement {a['id']} {{", f"  mentor: {a['mentor']}", f"  mentee: {a['mentee']}"]
    if "co_mentor" in a:
        lines.append(f"  co_mentor: {a['co_mentor']}")
    lines.append(f"  start: {a['start']}")
    for key in ("term", "cadence", "session_length"):
        if key in a:
            lines.append(f"  {key}: {a[key]}")
    if "channels" in a:
        lines.append(f"  channels: [{', '.join(a['channels'])}]")
    lines.append(f"  contact: {string(a['contact'])}")
    if "confidential" in a:
        lines.append("  confidential: true")
    for key in ("booking", "review"):
        if key in a:
            lines.append(f"  {key}: {a[key]}")
    if "ending" in a:
        lines.append(f"  ending: {string(a['ending'])}")
    lines.append("  signed: { " + ", ".join(f"{who}: {day}" for who, day in a["signed"].items()) + " }")
    if "held" in a:
        lines.append(f"  held: [{', '.join(a['held'])}]")
    for g in a["goals"]:
        lines += ["", f"  goal {g['id']} {string(g['title'])} {{", f"    measure: {string(g['measure'])}",
                  f"    target: {g['target']}", f"    due: {g['due']}", "  }"]
    lines.append("}")
    if agenda is not None:
        lines += ["", f"agenda {agenda['id']} for {agenda['for']} {{", f"  at: {agenda['at']}"]
        for s in agenda["sessions"]:
            topics = ", ".join(string(topic) for topic in s["topics"])
            lines.append(f"  session {s['number']} {string(s['title'])} {{ topics: [{topics}] }}")
        if "closing" in agenda:
            lines.append(f"  closing: [{', '.join(string(q) for q in agenda['closing'])}]")
        lines.append("}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the JSON form and its schema

ID = {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}
DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
DURATION = {"type": "string", "pattern": "^[0-9]+ (minutes|hours|days|weeks|months|years)$"}
TEXT = {"type": "string", "minLength": 1}


def record(required, properties):
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties}


SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.org/mentor/bench-corpus.schema.json",
    "title": "A Mentor programme file in JSON (Scripts/bench_corpus.py)",
    "description": "One file of the programme; every key is optional so the data can be split across files.",
    **record([], {
        "program": {"$ref": "#/$defs/program"},
        "competencies": {"type": "array", "items": {"$ref": "#/$defs/competency"}},
        "pathways": {"type": "array", "items": {"$ref": "#/$defs/pathway"}},
        "people": {"type": "array", "items": {"$ref": "#/$defs/person"}},
        "agreements": {"type": "array", "items": {"$ref": "#/$defs/agreement"}},
        "agendas": {"type": "array", "items": {"$ref": "#/$defs/agenda"}},
    }),
    "$defs": {
        "id": ID, "date": DATE, "duration": DURATION,
        "cadence": {"type": "string", "pattern": "^(weekly|biweekly|monthly|every [0-9]+ (days|weeks|months))"
                                                 "( for [0-9]+ (days|weeks|months))?(, then .+)?$"},
        "program": record(["id", "title", "max_mentees"], {
            "id": {"$ref": "#/$defs/id"}, "title": TEXT, "term": {"$ref": "#/$defs/duration"},
            "cadence": {"$ref": "#/$defs/cadence"}, "session_length": {"$ref": "#/$defs/duration"},
            "max_mentees": {"type": "integer", "minimum": 1}, "review": {"$ref": "#/$defs/cadence"}}),
        "competency": record(["id", "title"], {
            "id": {"$ref": "#/$defs/id"}, "title": TEXT, "description": TEXT,
            "requires": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True}}),
        "pathway": record(["id", "title", "steps"], {
            "id": {"$ref": "#/$defs/id"}, "title": TEXT,
            "steps": {"type": "array", "minItems": 1, "items": record(["id", "title"], {
                "id": {"$ref": "#/$defs/id"}, "title": TEXT,
                "competencies": {"type": "array", "items": {"$ref": "#/$defs/id"}}})}}),
        "person": record(["id", "name"], {
            "id": {"$ref": "#/$defs/id"}, "name": TEXT, "email": {"type": "string", "format": "email"},
            "supervisor": {"$ref": "#/$defs/id"}, "pathway": {"$ref": "#/$defs/id"},
            "completed": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                          "additionalProperties": {"$ref": "#/$defs/date"}},
            "competencies": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True}}),
        "agreement": record(["id", "mentor", "mentee", "start"], {
            "id": {"$ref": "#/$defs/id"}, "mentor": {"$ref": "#/$defs/id"}, "mentee": {"$ref": "#/$defs/id"},
            "co_mentor": {"$ref": "#/$defs/id"}, "start": {"$ref": "#/$defs/date"},
            "term": {"$ref": "#/$defs/duration"}, "cadence": {"$ref": "#/$defs/cadence"},
            "session_length": {"$ref": "#/$defs/duration"},
            "channels": {"type": "array", "uniqueItems": True,
                         "items": {"enum": CHANNELS}},
            "contact": TEXT, "confidential": {"type": ["boolean", "string"]},
            "booking": {"enum": ["mentor", "mentee"]}, "review": {"$ref": "#/$defs/cadence"},
            "ending": TEXT, "inactivity": {"$ref": "#/$defs/duration"},
            "signed": {"type": "object", "propertyNames": {"$ref": "#/$defs/id"},
                       "additionalProperties": {"$ref": "#/$defs/date"}},
            "held": {"type": "array", "items": {"$ref": "#/$defs/date"}},
            "goals": {"type": "array", "items": record(["id", "title"], {
                "id": {"$ref": "#/$defs/id"}, "title": TEXT, "measure": TEXT,
                "target": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%?$"}, "due": {"$ref": "#/$defs/date"}})}}),
        "agenda": record(["id", "for", "sessions"], {
            "id": {"$ref": "#/$defs/id"}, "for": {"$ref": "#/$defs/id"},
            "at": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
            "sessions": {"type": "array", "items": record(["number", "title"], {
                "number": {"type": "integer", "minimum": 1}, "title": TEXT,
                "topics": {"type": "array", "items": TEXT}})},
            "closing": {"type": "array", "items": TEXT}}),
    },
}


# ---------------------------------------------------------------- writing

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def write_json(path, value, indent=None):
    write(path, json.dumps(value, ensure_ascii=False, indent=indent) + "\n")


def generate(agreement_count, seed, out_dir):
    data, breaks, counts = build(agreement_count, seed)
    mentor_dir, json_dir = os.path.join(out_dir, "mentor"), os.path.join(out_dir, "json")
    write(os.path.join(mentor_dir, "program.mentor"), program_mentor(data))
    write_json(os.path.join(json_dir, "program.json"),
               {key: data[key] for key in ("program", "competencies", "pathways")}, indent=2)
    files = 1

    people = data["people"]
    for first in range(0, len(people), PEOPLE_PER_FILE):
        share = people[first:first + PEOPLE_PER_FILE]
        name = f"people/people-{first // PEOPLE_PER_FILE:04d}"
        write(os.path.join(mentor_dir, name + ".mentor"), "\n".join(person_mentor(p) for p in share))
        write_json(os.path.join(json_dir, name + ".json"), {"people": share}, indent=1)
        files += 1

    agenda_of = {agenda["for"]: agenda for agenda in data["agendas"]}
    agreements = data["agreements"]
    for first in range(0, len(agreements), AGREEMENTS_PER_FILE):
        share = agreements[first:first + AGREEMENTS_PER_FILE]
        name = f"agreements/agreements-{first // AGREEMENTS_PER_FILE:04d}"
        write(os.path.join(mentor_dir, name + ".mentor"),
              "\n".join(agreement_mentor(a, agenda_of.get(a["id"])) for a in share))
        share_agendas = [agenda_of[a["id"]] for a in share if a["id"] in agenda_of]
        write_json(os.path.join(json_dir, name + ".json"), {"agreements": share, "agendas": share_agendas}, indent=1)
        files += 1

    write_json(os.path.join(out_dir, "schema.json"), SCHEMA, indent=2)
    expected = {
        "agreements": agreement_count,
        "seed": seed,
        "today": TODAY.isoformat(),
        "files": files,
        "brokenAgreements": sum(breaks.values()),
        "breaks": breaks,
        "rules": {rule: {"severity": RULES[rule], "count": counts[rule]} for rule in RULES},
        "errors": sum(count for rule, count in counts.items() if RULES[rule] == "error"),
        "warnings": sum(count for rule, count in counts.items() if RULES[rule] == "warning"),
    }
    write_json(os.path.join(out_dir, "expected.json"), expected, indent=2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=1000, help="number of agreements (and mentees)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed; same seed, same bytes")
    parser.add_argument("out_dir")
    options = parser.parse_args()
    if options.agreements < 1:
        parser.error("--agreements must be at least 1")
    generate(options.agreements, options.seed, options.out_dir)


if __name__ == "__main__":
    main()
