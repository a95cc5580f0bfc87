#!/usr/bin/env python3
"""Runs the real `mentor` binary on input that is merely long: chains of 10^5 operators,
members, calls and `with`s in every command and the REPL, 10^5 `let`s and many fields that
need each other, a `for` with 10^5 bindings, 10^5 REPL lines, and a `let` nothing reads.
Each run must end without a signal, with a documented exit code and the expected diagnostic,
and within generous time and peak-memory bounds: the point is that the cost is linear, not
that it is fast (the bounds hold for a debug build on a busy machine). See docs/robustness.md,
"Limits". Prints one line per test and a summary.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

MENTOR = os.path.abspath(os.environ.get("MENTOR_BINARY", ".build/debug/mentor"))
N = 100_000
# Per run; a debug build answers each case in a few seconds at most.
SECONDS = 30
PEAK_RSS_KIB = 1_500_000


def mentor(arguments, source=None, stdin=b"", seconds=SECONDS):
    """Runs mentor with `source` in a file (its path replaces `{file}`); returns
    (status, stdout, stderr) after checking it ended by itself within `seconds`."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "long.mentor")
        if source is not None:
            with open(path, "w") as f:
                f.write(source)
        arguments = [path if a == "{file}" else a for a in arguments]
        start = time.monotonic()
        process = subprocess.Popen([MENTOR] + arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, cwd=folder)
        stdout, stderr = process.communicate(stdin, timeout=seconds * 4)
        elapsed = time.monotonic() - start
    status = process.returncode
    assert status >= 0, f"{arguments[:1]} ended by signal {-status}: {stderr[-2000:]!r}"
    assert elapsed < seconds, f"{arguments[:1]} took {elapsed:.1f} s"
    return status, stdout.decode(errors="replace"), stderr.decode(errors="replace")


def peak_rss_check():
    """Checks the peak memory of every run so far (the largest child's maximum resident set)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak < PEAK_RSS_KIB, f"a run peaked at {peak} KiB"


def count(code, text):
    return text.count(f"[{code}]")


CHAINS = {
    "+": "print(" + " + ".join(["1"] * N) + ")\n",
    "and": "print(" + " and ".join(["true"] * N) + ")\n",
    "or": "print(" + " or ".join(["false"] * N) + ")\n",
    "string +": "print(" + " + ".join(['"a"'] * N) + ")\n",
    "member": "let r = { a: 1 }\nprint(r" + ".a" * N + ")\n",
    "call": "fn f(x) = f\nprint(f" + "(1)" * N + ")\n",
    "with": "let r = { a: 1 }\nprint(r" + " with { a: 2 }" * N + ")\n",
}


def test_every_chain_is_one_diagnostic_in_check():
    for kind, source in CHAINS.items():
        status, stdout, _ = mentor(["check", "{file}"], source)
        assert status == 1, (kind, status)
        assert count("M0209", stdout) == 1, (kind, stdout[-1000:])
    peak_rss_check()


def test_every_command_refuses_a_long_sum():
    source = "let x = " + " + ".join(["1"] * N) + "\n"
    for command in (["run"], ["fmt"], ["fmt", "--check"], ["test"], ["export", "--format", "json"]):
        status, stdout, stderr = mentor(command + ["{file}"], source)
        assert status == 1, (command, status, stderr[-500:])
        assert count("M0209", stdout + stderr) == 1, (command, stderr[-1000:])
    peak_rss_check()


def test_the_repl_refuses_a_long_chain_and_carries_on():
    chain = " + ".join(["1"] * N)
    stdin = f"print({chain})\n:type {chain}\nprint(2)\n".encode()
    status, stdout, stderr = mentor(["repl"], stdin=stdin)
    # A piped session whose entries had errors exits 1 (docs/repl.md), after every entry ran.
    assert status == 1, status
    assert count("M0209", stderr) == 2, stderr[-1000:]
    assert stdout.endswith("2\n"), stdout[-200:]


def test_piped_repl_lines_are_linear():
    # 10^5 entries each pay the REPL's per-entry cost (about 0.3 ms in a debug build), close to
    # the fixed bound of the other cases, so linearity is checked against a tenth of the lines
    # run the same way: quadratic work would take about 100 times as long, linear about 10.
    def piped(lines):
        started = time.monotonic()
        status, stdout, stderr = mentor(["repl"], stdin=b"print(1)\n" * lines, seconds=SECONDS * 4)
        assert status == 0, (status, stderr[-500:])
        assert stdout == "1\n" * lines, stdout[-200:]
        return time.monotonic() - started
    tenth = piped(N // 10)
    whole = piped(N)
    assert whole < 15 * tenth + 2, f"{N} lines took {whole:.1f} s, {N // 10} took {tenth:.1f} s: not linear"
    peak_rss_check()


def test_a_long_chain_of_lets_is_the_depth_limit():
    source = "".join(f"let a{i} = a{i + 1}\n" for i in range(N)) + f"let a{N} = 1\nprint(a0)\n"
    status, _, stderr = mentor(["run", "{file}"], source)
    assert status == 1, status
    assert count("M0407", stderr) == 1, stderr[-1000:]


def test_a_long_chain_of_fields_is_the_depth_limit():
    # 20,000, not 10^5: loading that many entities is the slow part of a debug build, not the chain.
    n = 20_000
    source = "".join(f"competency c{i} {{ description: c{i + 1}.description }}\n" for i in range(n))
    source += f'competency c{n} {{ description: "end" }}\n'
    status, stdout, _ = mentor(["check", "{file}"], source)
    assert status == 1, status
    assert 1 <= count("M0407", stdout) <= n // 2000, stdout[-1000:]


def test_a_for_with_many_bindings_runs():
    bindings = ", ".join(f"x{i} in [{i}]" for i in range(N))
    status, stdout, stderr = mentor(["run", "{file}"], f"for {bindings} {{\n  print(x0 + x{N - 1})\n}}\n")
    assert status == 0, (status, stderr[-500:])
    assert stdout == f"{N - 1}\n", stdout


def test_a_deep_value_prints_and_compares():
    source = ("fn f(n) = if n == 0 then [] else " + "[" * 200 + "f(n - 1)" + "]" * 200
              + "\nlet v = f(100)\nprint(v == f(100))\nprint(v.count)\n")
    status, stdout, stderr = mentor(["run", "{file}"], source)
    assert status == 0, (status, stderr[-500:])
    assert stdout == "true\n1\n", stdout


def test_an_unread_failing_let_is_reported():
    source = 'let broken = "a" - 1\nprint("ran")\n'
    status, stdout, stderr = mentor(["run", "{file}"], source)
    assert (status, stdout, count("M0401", stderr)) == (1, "ran\n", 1), (status, stdout, stderr)
    status, stdout, _ = mentor(["check", "{file}"], source)
    assert (status, count("M0401", stdout)) == (1, 1), (status, stdout)
    peak_rss_check()


if __name__ == "__main__":
    os.environ.setdefault("MENTOR_BINARY", MENTOR)
    sys.exit(run_tests(__file__, globals()))
