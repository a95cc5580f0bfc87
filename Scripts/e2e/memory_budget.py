#!/usr/bin/env python3
"""Holds the real `mentor` binary to its memory budget (docs/robustness.md, "Memory budget"):
peak RSS at most BYTES_PER_BYTE per byte of source plus a constant, for `check`, `run`,
`fmt --check` and `export` on `print(1)` lines, on the densest input there is (a statement
every two bytes), and on an agreement-heavy programme, at a few sizes; and the programme size
limit (M0615), refused before parsing. Prints one line per test and a summary.

The budget is stated for the release binary. A debug build (the default here, as Scripts/test
builds one) keeps a little more alive (3-5% measured), so its allowance is scaled by DEBUG_SCALE; the binary counts as a
debug build unless its path has a `release` folder. MENTOR_BINARY names the binary (default
.build/debug/mentor).
"""

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("MENTOR_BINARY", os.path.join(ROOT, ".build", "debug", "mentor"))
MENTOR = os.environ["MENTOR_BINARY"]
MB = 1 << 20

# The budget of the release binary (docs/robustness.md): peak RSS <= BYTES_PER_BYTE x source + CONSTANT.
BYTES_PER_BYTE = 200
CONSTANT = 32 * MB
IS_RELEASE = f"{os.sep}release{os.sep}" in os.path.realpath(MENTOR)
DEBUG_SCALE = 1.1
SCALE = 1.0 if IS_RELEASE else DEBUG_SCALE
# Two sizes show the bound holds as the input grows (it is linear, so a third adds little); a
# debug build parses slowly, so Scripts/test's run stops at 2 MB and a release run goes to 16 MB.
SIZES = [1 * MB, 2 * MB] if not IS_RELEASE else [1 * MB, 4 * MB, 16 * MB]


def allowance(source_bytes):
    return SCALE * (BYTES_PER_BYTE * source_bytes + CONSTANT)


def peak_rss(arguments, cwd=None):
    """Runs mentor; returns (exit status, peak RSS in bytes, stdout + stderr)."""
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen([MENTOR] + arguments, stdin=subprocess.DEVNULL, stdout=output,
                                   stderr=subprocess.STDOUT, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        return process.returncode, usage.ru_maxrss * 1024, output.read().decode(errors="replace")


def write_statements(path, size, line=b"print(1)\n"):
    """`size` bytes of one statement a line."""
    with open(path, "wb") as file:
        file.write(line * (size // len(line)))
    return os.path.getsize(path)


def check_within_budget(arguments, source_bytes, statuses=(0,)):
    status, rss, output = peak_rss(arguments)
    assert status in statuses, f"{arguments}: exit {status}: {output[-500:]}"
    limit = allowance(source_bytes)
    print(f"     {' '.join(arguments[:-1])} on {source_bytes / MB:.1f} MB: peak {rss / MB:.0f} MB"
          f" ({rss / source_bytes:.0f} B/B), allowed {limit / MB:.0f} MB")
    assert rss <= limit, f"{arguments}: peak RSS {rss / MB:.0f} MB over the budget of {limit / MB:.0f} MB"


def test_statements_stay_within_the_budget():
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = os.path.join(folder, f"statements-{size // MB}.mentor")
            source_bytes = write_statements(path, size)
            for command in (["check"], ["run"], ["fmt", "--check"], ["export", "--format", "json"]):
                check_within_budget(command + [path], source_bytes)


def test_the_densest_input_stays_within_the_budget():
    # `1` a line: every byte is syntax, a statement every two bytes; what the budget is set by.
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES[:2]:
            path = os.path.join(folder, f"dense-{size // MB}.mentor")
            source_bytes = write_statements(path, size, line=b"1\n")
            for command in (["check"], ["fmt", "--check"]):
                check_within_budget(command + [path], source_bytes)


def test_an_agreement_programme_stays_within_the_budget():
    with tempfile.TemporaryDirectory() as folder:
        # About 1.2 KB an agreement with its people and agenda: 1,000 agreements are 1.2 MB, enough
        # to measure bytes per source byte while the test stays quick.
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "bench_corpus.py"), "--agreements", "1000", folder],
                       check=True, stdout=subprocess.DEVNULL)
        programme = os.path.join(folder, "mentor")
        source_bytes = sum(os.path.getsize(os.path.join(where, name))
                           for where, _, names in os.walk(programme) for name in names)
        # The corpus breaks some rules on purpose, so check exits 1.
        check_within_budget(["check", "--today", "2026-06-01", programme], source_bytes, statuses=(1,))
        check_within_budget(["fmt", "--check", programme], source_bytes, statuses=(0, 1))
        check_within_budget(["export", "--format", "json", programme], source_bytes)


def test_a_programme_over_the_size_limit_is_refused_before_parsing():
    with tempfile.TemporaryDirectory() as folder:
        # Two sparse files of 40 MiB, each under the file limit, 80 MiB together.
        for name in ("a.mentor", "b.mentor"):
            with open(os.path.join(folder, name), "wb") as file:
                file.write(b"// big\n" * 1200)
                file.truncate(40 * MB)
        status, rss, output = peak_rss(["check", folder])
        assert status == 1, f"exit {status}: {output[-500:]}"
        assert "the programme's source files total 80.0 MiB, more than the limit of 64 MiB [M0615]" in output, output[-500:]
        # Refused before parsing: what is held is the first file and the buffer the second is
        # read into (which grows by doubling), not the bytes past the limit.
        assert rss <= 2 * 64 * MB + SCALE * CONSTANT, f"peak RSS {rss / MB:.0f} MB"


sys.exit(run_tests(__file__, globals()))
