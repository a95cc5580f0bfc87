#!/usr/bin/env python3
"""`mentor match` end to end: proposals written out pass `check`, and every "why not" is real.

On the credential example and on generated programmes (people, supervisors, credentials,
competencies, an error capacity rule, a credential rule and a warning rule), each also under
`import std`, with and without the programme's standard terms: `match --write` writes the
proposals into the programme's folder, and `check` then reports nothing the programme did not
report before (warnings aside, which `check` passes) except, in a proposal that has terms to
agree, exactly those terms (the rule and message `match` listed), each once. For every
excluded mentor, the pair written out as an agreement (beside the other mentees' proposals)
makes `check` report the rule the "why not" names more often than without it. Prints one line
per test and a summary.
"""

import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TODAY = "2026-12-07"
START = re.compile(r"^Matching \d+ mentees?; proposed agreements start on (\d{4}-\d\d-\d\d)\.$")
TERM = re.compile(r"^    rule `([\w.]+)`: (.*)$")
MENTEE = re.compile(r"^(\w+)( \(.*\))?$")
WHY_NOT = re.compile(r"^  why not (\w+)(?: \(.*?\))?: rule `([\w.]+)`: (.*)$")
PROPOSED = re.compile(r"^  proposed: agreement (\w+) \(mentor (\w+)\)(: `check` fails on it until the terms above are agreed)?$")
STANDARD_TERMS = ['  channels: [video, in_person]', '  contact: "weekdays 08:00-18:00"',
                  '  ending: "Either party may end the agreement at any review"']


def mentor(*arguments, expect=(0,)):
    result = subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode in expect, f"mentor {' '.join(arguments)} exited {result.returncode}: {result.stderr}"
    return result.stdout


def check(*paths):
    """(rule, file, message) for every error `check` reports, as a list."""
    report = json.loads(mentor("check", "--format", "json", "--today", TODAY, *paths, expect=(0, 1)))
    return [(d.get("rule"), d["file"], d["message"]) for d in report["diagnostics"] if d["severity"] == "error"]


def parse(report):
    """The start, and per mentee: the proposal (name, mentor), the (rule, message) terms to
    agree, and the (mentor, rule, message) exclusions."""
    mentees = {}
    current = None
    start = None
    for line in report.splitlines():
        if match := START.match(line):
            start = match.group(1)
            continue
        if not line or line.startswith("wrote ") or re.match(r"^\d+ proposals? for", line):
            continue
        if not line.startswith(" "):
            current = MENTEE.match(line).group(1)
            mentees[current] = {"proposal": None, "why_not": [], "terms": []}
        elif match := WHY_NOT.match(line):
            mentees[current]["why_not"].append(match.groups())
        elif match := TERM.match(line):
            mentees[current]["terms"].append(match.groups())
        elif match := PROPOSED.match(line):
            name, mentor_name, needs_terms = match.groups()
            mentees[current]["proposal"] = (name, mentor_name)
            assert bool(needs_terms) == bool(mentees[current]["terms"]), line
    assert start, report
    return start, mentees


def match_and_verify(folder):
    """Matches with the default start (the day after TODAY), writes the proposals into the
    folder and verifies them; returns the mentees as parsed and the number of exclusions."""
    before = check(folder)
    proposals = os.path.join(folder, "proposals")
    report = mentor("match", "--today", TODAY, "--write", proposals, folder)
    start, mentees = parse(report)
    assert start == "2026-12-08", start
    written = sorted(os.listdir(proposals)) if os.path.isdir(proposals) else []
    expected = sorted(f"{m['proposal'][0]}.mentor" for m in mentees.values() if m["proposal"])
    assert written == expected, f"written {written}, reported {expected}"
    # The proposals, checked with the programme, add no error (warnings pass `check`, and
    # match shows them under the candidate) but, in a proposal with terms to agree, exactly
    # the terms match listed: the report said why `check` fails on it.
    after = check(folder)
    added = collections.Counter(after)
    added.subtract(collections.Counter(before))
    assert all(count >= 0 for count in added.values()), f"diagnostics gone: {-added}"
    expected_terms = collections.Counter()
    for found in mentees.values():
        if found["proposal"]:
            path = os.path.join(proposals, found["proposal"][0] + ".mentor")
            expected_terms.update((rule, path, message) for rule, message in found["terms"])
    added_by_name = collections.Counter({(rule, os.path.realpath(path), message): count
                                         for (rule, path, message), count in added.items() if count})
    expected_by_name = collections.Counter({(rule, os.path.realpath(path), message): count
                                            for (rule, path, message), count in expected_terms.items()})
    assert added_by_name == expected_by_name, f"new diagnostics {dict(added_by_name)}, terms listed {dict(expected_by_name)}"
    # `fmt --check` agrees they are formatted.
    if written:
        mentor("fmt", "--check", proposals)
    # Every "why not" names a rule that fails for that pair.
    exclusions = 0
    for mentee, found in mentees.items():
        for mentor_name, rule, _message in found["why_not"]:
            exclusions += 1
            own = found["proposal"]
            with tempfile.TemporaryDirectory() as scratch:
                world = os.path.join(scratch, "world")
                shutil.copytree(folder, world)
                if own:
                    os.remove(os.path.join(world, "proposals", own[0] + ".mentor"))
                without = [d for d in check(world) if d[0] == rule]
                with open(os.path.join(world, "pair.mentor"), "w", encoding="utf-8") as pair:
                    # As pending as the proposals: signatures are due once the start arrives.
                    pair.write(f"agreement why_not_pair {{ mentor: {mentor_name}, mentee: {mentee}, start: {start} }}\n")
                with_pair = [d for d in check(world) if d[0] == rule]
                assert len(with_pair) > len(without), \
                    f"why not {mentor_name} for {mentee}: rule `{rule}` does not fail more with the pair ({len(with_pair)} vs {len(without)})"
    return mentees, exclusions


def credential_example(scratch, std=False, standard_terms=False):
    """A copy of the credential example, under `import std` and with the programme's standard terms if asked."""
    folder = os.path.join(scratch, "programme")
    shutil.copytree(os.path.join(ROOT, "Examples", "credential-program"), folder)
    if std:
        with open(os.path.join(folder, "std.mentor"), "w", encoding="utf-8") as source:
            source.write("import std\n")
    if standard_terms:
        path = os.path.join(folder, "program.mentor")
        with open(path, encoding="utf-8") as source:
            text = source.read()
        anchor = "  review: every 3 months\n}"
        assert anchor in text
        with open(path, "w", encoding="utf-8") as source:
            source.write(text.replace(anchor, "  review: every 3 months\n" + "\n".join(STANDARD_TERMS) + "\n}", 1))
    return folder


def test_credential_example():
    with tempfile.TemporaryDirectory() as scratch:
        folder = credential_example(scratch)
        mentees, exclusions = match_and_verify(folder)
        assert set(mentees) == {"lee", "ines"}, mentees
        assert all(m["proposal"] and not m["terms"] for m in mentees.values()), mentees
        assert exclusions >= 1
        # Matched again, the proposals are pending agreements: nobody is looking any more.
        again = mentor("match", "--today", TODAY, folder)
        assert again.startswith("Matching 0 mentees"), again


def test_credential_example_under_std():
    # Without the programme's standard terms, `channels` and `ending` are terms every mentor
    # needs alike: listed, written as comments, and exactly what `check` then reports.
    with tempfile.TemporaryDirectory() as scratch:
        mentees, exclusions = match_and_verify(credential_example(scratch, std=True))
        lee = mentees["lee"]
        assert lee["proposal"] and {rule for rule, _ in lee["terms"]} == {"std.boundaries", "std.ending_clause"}, lee
        assert not any(rule == "std.signed_before_start" for m in mentees.values() for _, rule, _ in m["why_not"]), mentees
        assert exclusions >= 2


def test_credential_example_under_std_with_standard_terms():
    with tempfile.TemporaryDirectory() as scratch:
        mentees, _ = match_and_verify(credential_example(scratch, std=True, standard_terms=True))
        assert mentees["lee"]["proposal"], mentees
        assert all(not m["terms"] for m in mentees.values()), mentees


def generated_programme(seed, mentors=8, mentees=14, std=False):
    rng = random.Random(seed)
    competencies = [f"skill_{i}" for i in range(6)]
    lines = ["import std"] if std else []
    lines += [
        'program "Generated" {', "  max_mentees: 2", "  cadence: monthly", *(STANDARD_TERMS if std else []), "}",
        'pathway track "Track" {', '  step trained "Trained"', '  step certified "Certified"', "}",
    ]
    lines += [f'competency {c} "{c.replace("_", " ").title()}"' for c in competencies]
    names = [f"mentor_{i}" for i in range(mentors)]
    for name in names:
        held = rng.sample(competencies, rng.randint(0, 3))
        completed = "trained: 2025-01-06" + (", certified: 2025-06-02" if rng.random() < 0.6 else "")
        lines.append(f"person {name} {{ pathway: track, completed: {{ {completed} }}, competencies: [{', '.join(held)}] }}")
    for index in range(mentees):
        wanted = rng.sample(competencies, rng.randint(0, 2))
        supervisor = f", supervisor: {rng.choice(names)}" if rng.random() < 0.4 else ""
        lines.append(f"person mentee_{index} {{ competencies: [{', '.join(wanted)}]{supervisor} }}")
    # Some mentors start with mentees, some of them in agreements that already ended.
    for index in range(4):
        lines.append(f"person past_{index}")
        start = "2025-01-06" if index % 2 else "2026-09-07"
        lines.append(f"agreement past_{index}_pair {{ mentor: {names[index]}, mentee: past_{index}, start: {start}, term: 6 months }}")
    lines += [
        'rule no_supervisor "A mentor never supervises their mentee" {',
        "  for a in agreements {",
        '    require a.mentee.supervisor != a.mentor else "\\(a.mentor.name) supervises \\(a.mentee.name)"',
        "  }", "}",
        'rule capacity "At most max_mentees mentees" {',
        "  for m in people where m.mentees.count > program.max_mentees {",
        '    fail "\\(m.name) mentors \\(m.mentees.count) people"',
        "  }", "}",
        'rule certified "Mentors who are not certified co-mentor" {',
        "  for a in agreements where not a.mentor.credentialed {",
        '    require a.co_mentor != none else "\\(a.mentor.name) is not certified"',
        "  }", "}",
        'rule shared_skill warning "Mentors share a skill the mentee wants" {',
        "  for a in agreements where (a.mentee.competencies ?? []).count > 0 {",
        '    warn (a.mentee.competencies ?? []).any(c => (a.mentor.competencies ?? []).contains(c)) else "no shared skill"',
        "  }", "}",
    ]
    return "\n".join(lines) + "\n"


def test_generated_programme():
    for seed, std in ((1, False), (2, False), (3, True)):
        with tempfile.TemporaryDirectory() as scratch:
            folder = os.path.join(scratch, "programme")
            os.makedirs(folder)
            with open(os.path.join(folder, "programme.mentor"), "w", encoding="utf-8") as source:
                source.write(generated_programme(seed, std=std))
            mentees, exclusions = match_and_verify(folder)
            # Under std with the programme's standard terms, a proposal needs nothing more.
            assert all(not m["terms"] for m in mentees.values()), mentees
            rules = {rule for m in mentees.values() for _, rule, _ in m["why_not"]}
            # Capacity runs out (14 mentees, 8 mentors of at most 2), supervisors and credentials exclude.
            assert {"capacity", "no_supervisor", "certified"} <= rules, rules
            assert any(m["proposal"] is None for m in mentees.values()), "capacity never ran out"
            assert exclusions > 10, exclusions


def test_unknown_mentee_and_bad_folder():
    folder = os.path.join("Examples", "credential-program")
    result = subprocess.run([os.environ["MENTOR_BINARY"], "match", "--mentee", "nobody", folder], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "[M0660]" in result.stderr, result
    result = subprocess.run([os.environ["MENTOR_BINARY"], "match", "--today", TODAY, "--write", "/dev/null/x", folder],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "[M0662]" in result.stderr, result


sys.exit(run_tests(__file__, globals()))
