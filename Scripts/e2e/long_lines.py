#!/usr/bin/env python3
"""Snippets of very long lines stay small: each diagnostic shows at most a few hundred columns
of its line (docs/robustness.md, "Limits"), however long the line and however many
diagnostics point into it. Prints one line per test and a summary.
"""

import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

MENTOR = os.environ["MENTOR_BINARY"]

# A snippet line shows at most 200 display columns of source; with the gutter, the marker row,
# the header and a label, one diagnostic stays well under this many bytes.
BYTES_PER_DIAGNOSTIC = 1_000


def check(text, *arguments):
    """Runs `mentor check` on `text` in a temporary file; returns (stderr + stdout, status)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "long.mentor")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        result = subprocess.run([MENTOR, "check", *arguments, path], capture_output=True, timeout=600)
        return result.stdout + result.stderr, result.returncode


def test_twenty_thousand_diagnostics_on_one_149_kb_line_are_bounded():
    # Before snippets were cut, this wrote the whole line once per diagnostic: 4.4 GB.
    line = "let a = [" + ", ".join(["undeclared"] * 20_000) + "]\n"
    assert len(line) >= 149_000, len(line)
    output, status = check(line, "--max-diagnostics", "0")
    assert status == 1, status
    count = output.count(b"[M0301]")
    assert count == 20_000, count
    assert len(output) < 20_000 * BYTES_PER_DIAGNOSTIC, len(output)


def test_one_diagnostic_on_a_12_mb_line_is_small():
    line = "let a = \"" + "x" * 6_000_000 + "\" + undeclared + \"" + "y" * 6_000_000 + "\"\n"
    output, status = check(line)
    assert status == 1, status
    assert b"cannot find `undeclared`" in output, output[:300]
    assert len(output) < 2 * BYTES_PER_DIAGNOSTIC, len(output)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # The line is measured only around the span; the file itself (12 MB, with its tokens and
    # tree) is what costs memory.
    assert peak_kb < 2_000_000, peak_kb


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
