#!/usr/bin/env python3
"""`mentor match` end to end: proposals written out pass `check`, and every "why not" is real.

On the credential example and on a generated programme (people, supervisors, credentials,
competencies, an error capacity rule, a credential rule and a warning rule): `match --write`
writes the proposals into the programme's folder, and `check` then reports nothing the
programme did not report before (warnings aside, which `check` passes). For every excluded mentor, the pair written out as an
agreement (beside the other mentees' proposals) makes `check` report the rule the "why not"
names more often than without it. Prints one line per test and a summary.
"""

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
MENTEE = re.compile(r"^(\w+)( \(.*\))?$")
WHY_NOT = re.compile(r"^  why not (\w+)(?: \(.*?\))?: rule `([\w.]+)`: (.*)$")
PROPOSED = re.compile(r"^  proposed: agreement (\w+) \(mentor (\w+)\)$")


def mentor(*arguments, expect=(0,)):
    result = subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode in expect, f"mentor {' '.join(arguments)} exited {result.returncode}: {result.stderr}"
    return result.stdout


def check(*paths):
    """(rule, file, message) for every error `check` reports, as a list."""
    report = json.loads(mentor("check", "--format", "json", "--today", TODAY, *paths, expect=(0, 1)))
    return [(d.get("rule"), d["file"], d["message"]) for d in report["diagnostics"] if d["severity"] == "error"]


def parse(report):
    """Per mentee: the proposal (name, mentor) and the (mentor, rule, message) exclusions."""
    mentees = {}
    current = None
    for line in report.splitlines():
        if not line or line.startswith(("Matching", "wrote ")) or re.match(r"^\d+ proposals? for", line):
            continue
        if not line.startswith(" "):
            current = MENTEE.match(line).group(1)
            mentees[current] = {"proposal": None, "why_not": []}
        elif match := WHY_NOT.match(line):
            mentees[current]["why_not"].append(match.groups())
        elif match := PROPOSED.match(line):
            mentees[current]["proposal"] = match.groups()
    return mentees


def match_and_verify(folder, start=TODAY):
    before = check(folder)
    proposals = os.path.join(folder, "proposals")
    report = mentor("match", "--today", TODAY, "--start", start, "--write", proposals, folder)
    mentees = parse(report)
    written = sorted(os.listdir(proposals)) if os.path.isdir(proposals) else []
    expected = sorted(f"{m['proposal'][0]}.mentor" for m in mentees.values() if m["proposal"])
    assert written == expected, f"written {written}, reported {expected}"
    # The proposals, checked with the programme, add no error (warnings pass `check`, and
    # match shows them under the candidate).
    after = check(folder)
    assert sorted(after) == sorted(before), f"new diagnostics: {set(after) - set(before)}"
    for diagnostic in after:
        assert "proposals" not in diagnostic[1], diagnostic
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
                    pair.write(f"agreement why_not_pair {{ mentor: {mentor_name}, mentee: {mentee}, start: {start} }}\n")
                with_pair = [d for d in check(world) if d[0] == rule]
                assert len(with_pair) > len(without), \
                    f"why not {mentor_name} for {mentee}: rule `{rule}` does not fail more with the pair ({len(with_pair)} vs {len(without)})"
    return mentees, exclusions


def test_credential_example():
    with tempfile.TemporaryDirectory() as scratch:
        folder = os.path.join(scratch, "programme")
        shutil.copytree(os.path.join(ROOT, "Examples", "credential-program"), folder)
        mentees, exclusions = match_and_verify(folder)
        assert set(mentees) == {"lee", "ines"}, mentees
        assert all(m["proposal"] for m in mentees.values()), mentees
        assert exclusions >= 1
        # Matched again, the proposals are pending agreements: nobody is looking any more.
        again = mentor("match", "--today", TODAY, folder)
        assert again.startswith("Matching 0 mentees"), again


def generated_programme(seed, mentors=8, mentees=14):
    rng = random.Random(seed)
    competencies = [f"skill_{i}" for i in range(6)]
    lines = [
        'program "Generated" {', "  max_mentees: 2", "  cadence: monthly", "}",
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
    for seed in (1, 2):
        with tempfile.TemporaryDirectory() as scratch:
            folder = os.path.join(scratch, "programme")
            os.makedirs(folder)
            with open(os.path.join(folder, "programme.mentor"), "w", encoding="utf-8") as source:
                source.write(generated_programme(seed))
            mentees, exclusions = match_and_verify(folder)
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
