#!/usr/bin/env python3
"""Runs the real `mentor` binary on generated inputs whose checks used to take time quadratic
in their size: a long `requires` chain or ring, a person completing every step of a long
pathway, many undeclared names among many globals (in `check` and in the piped REPL), and a
long multi-line entry in the piped REPL, a second `:load` of a file, and the JSON export of
many agreements.
Asserts the exit code, the expected diagnostics and generous time bounds, and for the linear
ones that ten times the input takes well under a hundred times the time. See docs/robustness.md, "Quadratic paths".
Bounds are for a debug build on a shared machine (the point is the growth, not the speed).
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("MENTOR_BINARY", os.path.join(ROOT, ".build", "debug", "mentor"))
MENTOR = os.environ["MENTOR_BINARY"]

# Ten times the input may take at most this many times as long (quadratic would be 100).
GROWTH_BOUND = 25


def run_on_written_file(source, arguments, timeout, stdin=lambda path: None):
    """Writes `source` to a file and runs `mentor` with `arguments(path)` (and `stdin(path)` piped
    in); returns (result, elapsed seconds)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "generated.mentor")
        with open(path, "w") as f:
            f.write(source)
        started = time.monotonic()
        result = subprocess.run([MENTOR, *arguments(path)], input=stdin(path), capture_output=True, text=True,
                                timeout=timeout)
        return result, time.monotonic() - started


def check(source, seconds):
    """Writes `source` to a file, checks it; returns (status, stdout, elapsed), failing past `seconds`."""
    result, elapsed = run_on_written_file(
        source, lambda path: ["check", "--today", "2026-06-01", "--max-diagnostics", "0", path], seconds * 3)
    assert result.returncode >= 0, f"killed by signal {-result.returncode}"
    assert elapsed < seconds, f"took {elapsed:.1f} s, bound {seconds} s"
    return result.returncode, result.stdout, elapsed


def assert_near_linear(small, large, name):
    # A floor on the small time keeps start-up noise from inflating the ratio.
    ratio = large / max(small, 0.2)
    print(f"     {name}: {small:.2f} s → {large:.2f} s for ten times the input (ratio {ratio:.1f})")
    assert ratio < GROWTH_BOUND, f"{name}: ratio {ratio:.1f} ≥ {GROWTH_BOUND}"


def requires_chain(count):
    return "".join(f'competency c{i} "C{i}" {{ requires: [{f"c{i + 1}" if i + 1 < count else ""}] }}\n'
                   for i in range(count))


def test_a_long_requires_chain_is_checked_in_linear_time():
    # The old walk from every competency: 10,000 links 63 s in a debug build, 100,000 never ended.
    status, stdout, small = check(requires_chain(10_000), 20)
    assert status == 0 and "no problems" in stdout, (status, stdout[-300:])
    status, stdout, large = check(requires_chain(100_000), 60)
    assert status == 0 and "no problems" in stdout, (status, stdout[-300:])
    assert_near_linear(small, large, "requires chain")


def test_a_long_requires_ring_is_one_diagnostic():
    count = 50_000
    source = "".join(f'competency c{i} "C{i}" {{ requires: [c{(i + 1) % count}] }}\n' for i in range(count))
    status, stdout, _ = check(source, 40)
    assert status == 1, status
    assert stdout.count("[M0506]") == 1, stdout.count("[M0506]")
    assert "error: competency `c0` requires itself: `c0` → `c1` → `c2` → " in stdout, stdout[:300]
    assert f"→ `c{count - 1}` → `c0` [M0506]" in stdout, stdout[:300]


def completed_pathway(count, unknown=0):
    steps = "".join(f'  step s{i} "S{i}"\n' for i in range(count))
    done = "".join(f"    s{i}: 2026-01-01,\n" for i in range(count))
    done += "".join(f"    t{i}: 2026-01-01,\n" for i in range(unknown))
    return f'pathway p "P" {{\n{steps}}}\nperson ana "Ana" {{\n  pathway: p\n  completed: {{\n{done}  }}\n}}\n'


def test_completing_every_step_of_a_long_pathway_is_linear():
    # firstIndex per step: 40,000 steps took 24.5 s in a debug build.
    status, stdout, small = check(completed_pathway(10_000), 20)
    assert status == 0 and "no problems" in stdout, (status, stdout[-300:])
    status, stdout, large = check(completed_pathway(100_000), 60)
    assert status == 0 and "no problems" in stdout, (status, stdout[-300:])
    assert_near_linear(small, large, "completed steps")


def test_completed_steps_not_in_the_pathway_are_each_reported():
    status, stdout, _ = check(completed_pathway(2_000, unknown=3), 20)
    assert status == 1, status
    assert stdout.count("[M0507]") == 3, stdout.count("[M0507]")
    assert "error: `t2` is not a step of pathway `p` [M0507]" in stdout, stdout[:300]


def test_many_undeclared_names_among_many_globals():
    # Every undeclared name against every global: 2,000 × 2,000 took 14.6 s in a debug build
    # (3,000 × 3,000 about 35 s); still a comparison per pair, but most are ruled out at once.
    count = 3_000
    source = "".join(f"let value_{i} = {i}\n" for i in range(count))
    source += "".join(f"print(other_{i})\n" for i in range(count))
    source += "print(valeu_7)\n"
    status, stdout, _ = check(source, 20)
    assert status == 1, status
    assert stdout.count("[M0301]") == count + 1, stdout.count("[M0301]")
    assert "error: cannot find `other_0` in scope [M0301]" in stdout, stdout[:300]
    assert "did you mean `value_7`?" in stdout, stdout[-600:]


def test_undeclared_names_close_to_every_global_grow_linearly():
    # `valeu_N` among `value_N`: every pair passes the cheap filters, so each lookup ranked
    # every global: 8,000 of each took 240 s in a debug build. A large set now ranks a bounded
    # number of names per lookup, chosen by their rarest shared trigrams.
    def source(count):
        return ("".join(f"let value_{i} = {i}\n" for i in range(count))
                + "".join(f"print(valeu_{i})\n" for i in range(count)))
    # 1,000 and 5,000 (2,500 and 12,500 until the whole test command neared 20 minutes): the
    # growth shows as well, and the larger check costs about 12 s of CPU instead of 30.
    status, stdout, small = check(source(1_000), 30)
    assert status == 1 and stdout.count("did you mean `value_") == 1_000, stdout[-300:]
    status, stdout, large = check(source(5_000), 90)
    assert status == 1 and stdout.count("did you mean `value_") == 5_000, stdout[-300:]
    assert "cannot find `valeu_4999` in scope [M0301]" in stdout and "did you mean `value_4999`?" in stdout, stdout[-600:]
    # Five times the input: quadratic would take 25 times as long.
    ratio = large / max(small, 0.2)
    print(f"     near names: {small:.2f} s → {large:.2f} s for five times the input (ratio {ratio:.1f})")
    assert ratio < 14, f"near names: ratio {ratio:.1f} ≥ 14"


def test_piped_repl_declarations_are_linear():
    # A copy of the programme per REPL entry (so that a failed entry could be undone) made a
    # session of n declarations cost n²: 16,000 took 13 s in a debug build, 3.6 s before.
    def entries(count):
        return "".join(f'person p{i} "P{i}"\n' for i in range(count))
    stdout, small = piped_repl(entries(2_000), 30)
    assert stdout.count("// person p") == 2_000, stdout[-300:]
    stdout, large = piped_repl(entries(20_000), 90)
    assert stdout.count("// person p") == 20_000, stdout[-300:]
    assert_near_linear(small, large, "declaring REPL entries")


def test_piped_repl_lines_with_undeclared_names():
    # Each entry prepared the whole growing global table for its suggestions again: 4,000
    # declarations and 4,000 undeclared names took 85 s in a debug build, 1,000 of each 5 s.
    count = 2_000
    lines = "".join(f"let value_{i} = {i}\nprint(other_{i})\n" for i in range(count))
    started = time.monotonic()
    result = subprocess.run([MENTOR, "repl"], input=lines, capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    # Every `print(other_N)` is an error, so the piped session exits 1 (docs/repl.md).
    assert result.returncode == 1, result.returncode
    assert result.stderr.count("[M0301]") == count, result.stderr.count("[M0301]")
    assert elapsed < 25, f"took {elapsed:.1f} s, bound 25 s"


def test_loading_the_same_file_again_in_the_repl_is_linear():
    # Each name a second `:load` replaced filtered every kind's list of entities, and the
    # replacement notes were searched once per name: the 10,000-agreement corpus loaded twice
    # took 217 s of CPU in a release build, 3 s now (most of it the rebuild from the history).
    times = []
    for count in (2_000, 20_000):
        result, elapsed = run_on_written_file("".join(f'person p{i} "P{i}"\n' for i in range(count)),
                                              lambda path: ["repl"], 180,
                                              stdin=lambda path: f":load {path}\n:load {path}\npeople.count\n")
        times.append(elapsed)
        assert result.returncode == 0, (result.returncode, result.stderr[-300:])
        assert result.stdout == f"loaded 1 file ({count} declarations)\n" * 2 + f"{count}\n", result.stdout[-300:]
        assert result.stderr.count("replaces its earlier declaration") == count, result.stderr[-300:]
    assert_near_linear(times[0], times[1], "loading a file again")


def piped_repl(lines, seconds):
    """Pipes `lines` into `mentor repl`; returns (stdout, elapsed), failing past `seconds`."""
    started = time.monotonic()
    result = subprocess.run([MENTOR, "repl"], input=lines, capture_output=True, text=True, timeout=seconds * 3)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (result.returncode, result.stderr[-300:])
    assert result.stderr == "", result.stderr[-300:]
    assert elapsed < seconds, f"took {elapsed:.1f} s, bound {seconds} s"
    return result.stdout, elapsed


def long_entry(count):
    # One entry: a list over `count` lines, a `"""` string and a block comment inside it.
    items = "".join(f"  {i},\n" for i in range(count))
    return f'let xs = [\n  """\n    text\n    """.count,\n  /* a\n  comment */\n{items}]\nxs.count\n'


def test_a_long_multi_line_entry_in_the_piped_repl_is_read_in_linear_time():
    # Each line parsed the whole entry again to ask whether it was complete: 8,000 lines took
    # 137 s in a debug build. Now each line is lexed once.
    stdout, small = piped_repl(long_entry(10_000), 20)
    assert stdout == "// let xs\n10001\n", stdout[-300:]
    stdout, large = piped_repl(long_entry(100_000), 60)
    assert stdout == "// let xs\n100001\n", stdout[-300:]
    assert_near_linear(small, large, "multi-line REPL entry")


def agreements_with_agendas(count):
    source = 'program "P" { term: 6 months\n cadence: monthly\n session_length: 60 minutes }\n'
    source += "".join(f'person p{i} "P {i}"\n' for i in range(count + 1))
    for i in range(count):
        source += (f"agreement a{i} {{ mentor: p{count}\n mentee: p{i}\n start: 2026-01-12 }}\n"
                   f'agenda a{i}_plan for a{i} {{ session 1 "Start" }}\n')
    return source


def test_exporting_many_agreements_with_agendas_is_linear():
    # Each agreement's sessions looked its agenda up by scanning every agenda: 2,000 and
    # 20,000 agreements with an agenda each did not finish in 180 s in a debug build (now 6 s).
    times = []
    for count in (2_000, 20_000):
        result, elapsed = run_on_written_file(
            agreements_with_agendas(count), lambda path: ["export", "--format", "json", "--today", "2026-06-01", path], 180)
        times.append(elapsed)
        assert result.returncode == 0, (result.returncode, result.stderr[-300:])
        assert result.stdout.count('"title": "Start"') == count, result.stdout.count('"title": "Start"')
    assert_near_linear(times[0], times[1], "export of agreements with agendas")

sys.exit(run_tests(__file__, globals()))
