#!/usr/bin/env python3
"""Writes a deterministic, realistic Mentor programme for benchmarking.

    Scripts/bench_corpus.py --agreements N [--seed S] OUT_DIR

The programme has one `program`, a dozen competencies, the seven-step credential pathway,
about N/2 mentors and N mentees, N agreements with 1-4 goals each, and agendas for a third
of them. Agreements go 100 to a file, people 500 to a file, as a real programme would be
kept. The same N and seed always give the same bytes, so figures stay comparable.
A few rule violations are deliberate (a mentor supervising their mentee, a goal due after
its agreement ends, a mentor over capacity): `mentor check` must do real work on them.
"""

import argparse
import datetime
import os
import random
import unicodedata

AGREEMENTS_PER_FILE = 100
PEOPLE_PER_FILE = 500

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

STEPS = [
    ("application", "Application submitted"),
    ("selection", "Selected as a mentor candidate"),
    ("training", "Content training"),
    ("observation", "Observed a credentialed mentor at work"),
    ("co_mentoring", "Co-mentored with a credentialed mentor"),
    ("independent", "Mentored alone, observed by a credentialed mentor"),
    ("credentialed", "Initial credential"),
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


def add_months(day, months):
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
                31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return datetime.date(year, month, min(day.day, last_day))


def string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def program_text():
    lines = [
        "/// A generated programme for benchmarking the lexer, parser and checker.",
        'program "Regional Mentoring Programme" {',
        "  term: 12 months",
        "  cadence: weekly for 4 weeks, then monthly",
        "  session_length: 60 minutes",
        "  max_mentees: 3",
        "  review: every 3 months",
        "}",
        "",
    ]
    for ident, title, description, requires in COMPETENCIES:
        lines.append(f"competency {ident} {string(title)} {{")
        lines.append(f"  description: {string(description)}")
        if requires:
            lines.append(f"  requires: [{', '.join(requires)}]")
        lines.append("}")
    lines += ["", "/// The steps from candidate to credentialed mentor, in order.",
              'pathway credential "Initial mentor credential" {']
    for ident, title in STEPS:
        if ident == "training":
            lines.append(f"  step {ident} {string(title)} {{")
            lines.append("    competencies: [adult_learning, stages_of_learning, problem_solving, strategic_planning]")
            lines.append("  }")
        else:
            lines.append(f"  step {ident} {string(title)}")
    lines += [
        "}",
        "",
        'rule no_supervisor "A mentor never supervises their mentee" {',
        "  for a in agreements {",
        "    require a.mentee.supervisor != a.mentor",
        '      else "\\(a.mentor.name) supervises \\(a.mentee.name)"',
        "  }",
        "}",
        "",
        'rule smart_goals "Every goal is measurable and time-bound within the agreement" {',
        "  for a in agreements, g in a.goals {",
        '    require g.measure != none else "goal `\\(g.id)` has no measure"',
        '    require g.due != none else "goal `\\(g.id)` has no due date"',
        '    require g.due <= a.end else "goal `\\(g.id)` is due \\(g.due), after the agreement ends on \\(a.end)"',
        "  }",
        "}",
        "",
        'rule capacity warning "A mentor has at most the program\'s number of mentees" {',
        "  for m in people where m.mentees.count > program.max_mentees {",
        '    fail "\\(m.name) mentors \\(m.mentees.count) people"',
        "  }",
        "}",
        "",
    ]
    return "\n".join(lines)


def person_text(rng, ident, title, is_mentor, mentor_ids, own_mentor):
    fields = []
    if rng.random() < 0.7:
        fields.append(f"  email: {string(ident.replace('_', '.') + '@example.org')}")
    if is_mentor:
        fields.append("  pathway: credential")
        done = len(STEPS) if rng.random() < 0.75 else rng.randint(1, len(STEPS) - 1)
        day = datetime.date(2023, 1, 2) + datetime.timedelta(days=rng.randint(0, 700))
        pairs = []
        for ident_step, _ in STEPS[:done]:
            pairs.append(f"{ident_step}: {day.isoformat()}")
            day += datetime.timedelta(days=rng.randint(10, 45))
        fields.append("  completed: {")
        for start in range(0, len(pairs), 3):
            fields.append("    " + ", ".join(pairs[start:start + 3]) + ",")
        fields.append("  }")
        held = rng.sample([c[0] for c in COMPETENCIES], rng.randint(3, 8))
        fields.append(f"  competencies: [{', '.join(held)}]")
    else:
        if rng.random() < 0.4:
            # One supervised mentee in a hundred is mentored by their supervisor, for no_supervisor.
            supervisor = own_mentor if rng.random() < 0.01 else rng.choice(mentor_ids)
            fields.append(f"  supervisor: {supervisor}")
        if rng.random() < 0.3:
            held = rng.sample([c[0] for c in COMPETENCIES], rng.randint(1, 3))
            fields.append(f"  competencies: [{', '.join(held)}]")
    header = f"person {ident} {string(title)}"
    if not fields:
        return header + "\n"
    return header + " {\n" + "\n".join(fields) + "\n}\n"


def agreement_text(rng, ident, mentor, mentee, with_agenda):
    start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randint(0, 540))
    term_months = rng.choice([12, 12, 12, 6, 9])
    end = add_months(start, term_months)
    lines = [f"agreement {ident} {{", f"  mentor: {mentor}", f"  mentee: {mentee}", f"  start: {start.isoformat()}"]
    if term_months != 12:
        lines.append(f"  term: {term_months} months")
    if rng.random() < 0.6:
        lines.append(f"  cadence: {rng.choice(CADENCES)}")
    if rng.random() < 0.3:
        lines.append(f"  session_length: {rng.choice([30, 45, 90])} minutes")
    channels = rng.sample(CHANNELS, rng.randint(1, 3))
    lines.append(f"  channels: [{', '.join(channels)}]")
    lines.append(f"  contact: {string(rng.choice(CONTACTS))}")
    if rng.random() < 0.5:
        lines.append("  confidential: true")
    if rng.random() < 0.3:
        lines.append(f"  booking: {rng.choice(['mentor', 'mentee'])}")
    if rng.random() < 0.4:
        lines.append(f"  review: every {rng.choice([2, 3, 4])} months")
    lines.append(f"  ending: {string(rng.choice(ENDINGS))}")
    if rng.random() < 0.5:
        signed = start - datetime.timedelta(days=rng.randint(1, 14))
        lines.append(f"  signed: {{ {mentor}: {signed.isoformat()}, {mentee}: {signed.isoformat()} }}")
    span_days = (end - start).days
    for ident_goal, title, measure, target in rng.sample(GOALS, rng.randint(1, 4)):
        # One goal in fifty is due after the agreement ends, for smart_goals to find.
        due = start + datetime.timedelta(days=rng.randint(30, span_days + (60 if rng.random() < 0.02 else 0)))
        lines += ["", f"  goal {ident_goal} {string(title)} {{", f"    measure: {string(measure)}",
                  f"    target: {target}", f"    due: {due.isoformat()}", "  }"]
    lines.append("}")
    if with_agenda:
        lines += ["", f"agenda {ident}_plan for {ident} {{", f"  at: {rng.choice(['09:00', '09:30', '13:00', '16:30'])}"]
        for number, (title, topics) in enumerate(SESSION_TITLES[:rng.randint(2, len(SESSION_TITLES))], start=1):
            quoted = ", ".join(string(topic) for topic in topics)
            lines.append(f"  session {number} {string(title)} {{ topics: [{quoted}] }}")
        lines.append(f"  closing: [{', '.join(string(question) for question in CLOSING)}]")
        lines.append("}")
    return "\n".join(lines) + "\n"


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def generate(agreements, seed, out_dir):
    rng = random.Random(seed)
    os.makedirs(os.path.join(out_dir, "people"), exist_ok=True)
    os.makedirs(os.path.join(out_dir, "agreements"), exist_ok=True)
    write(os.path.join(out_dir, "program.mentor"), program_text())

    mentor_count = max(1, agreements // 2)
    names = []
    for index in range(mentor_count + agreements):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        # Identifiers are ASCII: "Müller" becomes "muller", "O'Brien" becomes "obrien".
        folded = unicodedata.normalize("NFKD", (first + "_" + last).lower())
        ascii_id = "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch == "_"))
        names.append((f"{ascii_id}_{index}", f"{first} {last}"))
    mentors = [ident for ident, _ in names[:mentor_count]]
    mentees = [ident for ident, _ in names[mentor_count:]]

    # Two mentees per mentor keeps within max_mentees; a few random picks overload some.
    mentor_of = {}
    for index, mentee in enumerate(mentees):
        mentor_of[mentee] = mentors[index // 2 % mentor_count] if rng.random() < 0.95 else rng.choice(mentors)

    people = []
    for index, (ident, title) in enumerate(names):
        people.append(person_text(rng, ident, title, index < mentor_count, mentors, mentor_of.get(ident)))
    for first in range(0, len(people), PEOPLE_PER_FILE):
        write(os.path.join(out_dir, "people", f"people-{first // PEOPLE_PER_FILE:04d}.mentor"),
              "\n".join(people[first:first + PEOPLE_PER_FILE]))

    texts = []
    for index, mentee in enumerate(mentees):
        mentor = mentor_of[mentee]
        texts.append(agreement_text(rng, f"{mentee}_with_{mentor.rsplit('_', 1)[1]}", mentor, mentee, index % 3 == 0))
    for first in range(0, len(texts), AGREEMENTS_PER_FILE):
        write(os.path.join(out_dir, "agreements", f"agreements-{first // AGREEMENTS_PER_FILE:04d}.mentor"),
              "\n".join(texts[first:first + AGREEMENTS_PER_FILE]))


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
