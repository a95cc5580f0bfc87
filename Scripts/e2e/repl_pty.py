#!/usr/bin/env python3
"""End-to-end tests of `mentor repl` through a real pseudo-terminal.

Run by Scripts/test with the venv's Python (pexpect comes from Scripts/requirements.txt);
MENTOR_BINARY names the built `mentor`. Each session gets its own history file, HOME and
EDITRC, TERM=xterm, and no LANG, so the REPL's own fall-back to a UTF-8 locale is exercised
too. Prints one line per test and a closing "N passed, N failed" line; exits 1 on a failure.
"""

import os
import re
import signal
import subprocess
import stat
import sys
import tempfile
import time

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

# An entry of 13^8 iterations: it never ends by itself, so the step budget each test sets
# (`steps_lasting`) or Ctrl-C is what stops it.
LONG_EVALUATION = ("let d = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]; "
                   "for a in d, b in d, c in d, e in d, f in d, g in d, h in d, i in d { let s = a * b }")

_steps_per_second = []


def steps_lasting(seconds):
    """Evaluation steps of LONG_EVALUATION that take about `seconds` with this binary, measured
    once: the tests that type during an evaluation must not rely on a debug build being slow."""
    if not _steps_per_second:
        probe = 2_000_000
        started = time.monotonic()
        subprocess.run([os.environ["MENTOR_BINARY"], "repl", "--max-steps", str(probe)],
                       input=LONG_EVALUATION + "\n", capture_output=True, text=True, timeout=120)
        _steps_per_second.append(probe / max(time.monotonic() - started, 0.01))
    return str(int(_steps_per_second[0] * seconds))


PROMPT = "mentor> "
CONTINUATION = "   ...> "
LEAVE_HINT = "(To leave, press Ctrl-D or type :quit)"
TIMEOUT = 10

PROGRAMME = """\
program "Mentor Credential Program" {
  term: 12 months
  cadence: weekly for 4 weeks, then monthly
  session_length: 60 minutes
  max_mentees: 3
}

person ana "Ana Ruiz"
person lee "Lee Park"
person dave "Dave Okafor" { supervisor: lee }

agreement ana_dave {
  mentor: ana
  mentee: dave
  start: 2026-01-12
  channels: [in_person, video, email]
  contact: "weekdays 08:00-18:00, email first"
  review: every 3 months
  ending: "Either party may end the agreement at any review, no fault implied"
}
"""


class Workspace:
    """A temporary HOME with a history file path and a programme to load."""

    def __init__(self):
        self.directory = tempfile.TemporaryDirectory(prefix="mentor-repl-e2e-")
        self.root = self.directory.name
        self.history = os.path.join(self.root, "state", "history")
        self.programme = os.path.join(self.root, "ana_dave.mentor")
        self.children = []
        with open(self.programme, "w", encoding="utf-8") as file:
            file.write(PROGRAMME)

    def environment(self):
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.root,
            "TERM": "xterm",
            "MENTOR_HISTORY": self.history,
            "EDITRC": os.path.join(self.root, "no-editrc"),
            "NO_COLOR": "1",
        }

    def spawn(self, *arguments):
        binary = os.environ["MENTOR_BINARY"]
        child = pexpect.spawn(
            binary,
            ["repl", *arguments],
            env=self.environment(),
            cwd=self.root,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(24, 200),
        )
        self.children.append(child)
        child.expect_exact(PROMPT)
        return child

    def close(self):
        for child in self.children:
            if child.isalive():
                child.terminate(force=True)
        self.directory.cleanup()


def evaluate(child, line, expected_output):
    """Types `line`, then expects `expected_output` alone on the next output line and a prompt."""
    child.sendline(line)
    child.expect_exact("\r\n" + expected_output + "\r\n")
    child.expect_exact(PROMPT)


def leave(child):
    """Ctrl-D on an empty line; the REPL must end with status 0."""
    child.sendcontrol("d")
    if child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=TIMEOUT) != 0:
        raise AssertionError("Ctrl-D on an empty line did not end the REPL")
    child.close()
    assert child.exitstatus == 0, f"exit status {child.exitstatus}, signal {child.signalstatus}"


def test_expression_value(workspace):
    child = workspace.spawn()
    evaluate(child, "1 + 2", "3")
    leave(child)


def test_three_line_entry_continues(workspace):
    child = workspace.spawn()
    child.sendline("[1,")
    child.expect_exact(CONTINUATION)
    child.sendline("2,")
    child.expect_exact(CONTINUATION)
    child.sendline("3]")
    child.expect_exact("\r\n[1, 2, 3]\r\n")
    child.expect_exact(PROMPT)
    leave(child)


def test_non_ascii_text(workspace):
    child = workspace.spawn()
    evaluate(child, '"Inês"', '"Inês"')
    leave(child)


def test_history_recalled_in_next_session(workspace):
    first = workspace.spawn()
    evaluate(first, "40 + 2", "42")
    first.sendline("[1,")
    first.expect_exact(CONTINUATION)
    first.sendline("2]")
    first.expect_exact("\r\n[1, 2]\r\n")
    first.expect_exact(PROMPT)
    leave(first)

    mode = stat.S_IMODE(os.stat(workspace.history).st_mode)
    assert mode == 0o600, f"history file mode {oct(mode)}"
    with open(workspace.history, encoding="utf-8") as file:
        lines = file.read().splitlines()
    assert lines[-2:] == ["40 + 2", "[1,\\n2]"], f"history file ends with {lines[-2:]}"

    second = workspace.spawn()
    second.send("\x1b[A")  # Up: the two-line entry comes back whole
    second.expect_exact("2]")
    second.sendline("")
    second.expect_exact("\r\n[1, 2]\r\n")
    second.expect_exact(PROMPT)
    second.send("\x1b[A\x1b[A")  # Up twice: back past the entry just repeated
    second.expect_exact("40 + 2")
    second.sendline("")
    second.expect_exact("\r\n42\r\n")
    second.expect_exact(PROMPT)
    leave(second)


def test_tab_completes_member(workspace):
    child = workspace.spawn()
    child.sendline(":load " + workspace.programme)
    child.expect_exact(PROMPT)
    child.send("ana_dave.sch\t")
    child.expect_exact("edule")
    child.sendline("")
    # The schedule is a list of dates starting on the agreement's start.
    child.expect(r"\r\n\[2026-01-12, 2026-01-19, ")
    child.expect_exact(PROMPT)
    leave(child)
    with open(workspace.history, encoding="utf-8") as file:
        assert "ana_dave.schedule" in file.read().splitlines()


def test_ctrl_c_clears_line(workspace):
    child = workspace.spawn()
    child.send("1 + 2")
    child.expect_exact("1 + 2")
    child.sendcontrol("c")
    child.expect_exact("^C")
    child.expect_exact(PROMPT)
    evaluate(child, "4", "4")
    child.sendline("[1,")
    child.expect_exact(CONTINUATION)
    child.sendcontrol("c")
    child.expect_exact(PROMPT)  # the continuation went with it
    evaluate(child, "5", "5")
    child.sendcontrol("c")
    child.expect_exact(LEAVE_HINT)
    child.expect_exact(PROMPT)
    leave(child)


def test_ctrl_c_interrupts_evaluation(workspace):
    child = workspace.spawn("--max-steps", steps_lasting(60))  # Ctrl-C, not the budget, must stop it
    child.sendline(LONG_EVALUATION)
    started = time.monotonic()
    index = child.expect_exact([PROMPT, pexpect.TIMEOUT], timeout=1)
    assert index == 1, "the long evaluation finished within a second; make LONG_EVALUATION longer"
    child.sendcontrol("c")
    child.expect(re.compile("interrupt", re.IGNORECASE))
    child.expect_exact(PROMPT)
    assert time.monotonic() - started < TIMEOUT
    evaluate(child, "1 + 2", "3")
    leave(child)


def test_load_then_check(workspace):
    child = workspace.spawn()
    child.sendline(":load " + workspace.programme)
    child.expect_exact(PROMPT)
    child.sendline(":check")
    child.expect_exact("no problems in 1 file")
    child.expect_exact(PROMPT)
    evaluate(child, "ana_dave.mentee.name", '"Dave Okafor"')
    leave(child)


EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Examples", "credential-program")


def test_redeclaration_reaches_every_link(workspace):
    # ana_ines names ines; redeclaring ines must be what every link sees, and :check must
    # judge the programme as it now stands (Ana no longer supervises Ines).
    files = [os.path.join(EXAMPLE, name) for name in
             ("program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor")]
    child = workspace.spawn(*files)
    evaluate(child, "ana_ines.mentee.supervisor", "ana")
    child.sendline('person ines "Inês Duarte" { supervisor: lee }')
    child.expect_exact("person ines")
    child.expect_exact(PROMPT)
    evaluate(child, "ines.supervisor", "lee")
    evaluate(child, "ana_ines.mentee.supervisor", "lee")
    child.sendline(":check")
    child.expect_exact(PROMPT)
    report = child.before
    assert "1 error in 4 files" in report, report
    assert "supervises" not in report, ":check still reports that Ana supervises Ines"
    leave(child)


def test_save_writes_whole_session_and_refuses_overwrite(workspace):
    # Issue #17 item 1: the saved file holds the programme and the tests, so `check` on it
    # says what :check said; a loaded file is not overwritten by :save, only by :save!.
    child = workspace.spawn(EXAMPLE)
    saved = os.path.join(workspace.root, "session.mentor")
    child.sendline(":check")
    child.expect_exact(PROMPT)
    session_report = child.before
    child.sendline(":save " + saved)
    child.expect_exact("saved 19 declarations to " + saved)
    child.expect_exact(PROMPT)
    child.sendline(":save " + saved)
    child.expect_exact("exists; not overwritten")
    child.expect_exact(PROMPT)
    loaded = os.path.join(EXAMPLE, "program.mentor")
    with open(loaded, encoding="utf-8") as file:
        before = file.read()
    child.sendline(":save " + loaded)
    child.expect_exact("is a file loaded in this session; not overwritten")
    child.expect_exact(PROMPT)
    leave(child)
    with open(loaded, encoding="utf-8") as file:
        assert file.read() == before, ":save overwrote a loaded file"

    def messages(report):
        return [line[line.index(": error: "):] for line in report.splitlines() if ": error: " in line]

    checked = subprocess.run([os.environ["MENTOR_BINARY"], "check", saved], capture_output=True, text=True,
                             env=workspace.environment(), timeout=120)
    assert "none` has no member" not in checked.stdout, checked.stdout
    assert messages(checked.stdout) == messages(session_report), (checked.stdout, session_report)
    assert checked.stdout.endswith("2 errors in 1 file\n"), checked.stdout
    tested = subprocess.run([os.environ["MENTOR_BINARY"], "test", saved], capture_output=True, text=True,
                            env=workspace.environment(), timeout=120)
    assert tested.stdout.endswith("2 passed, 0 failed\n"), tested.stdout


def test_load_keeps_other_files_and_reports_replacements(workspace):
    # Issue #17 item 2: a syntax error in one preloaded file keeps the others; a later :load
    # of a second programme says it replaces the first; :reload keeps typed declarations.
    broken = os.path.join(workspace.root, "broken.mentor")
    with open(broken, "w", encoding="utf-8") as file:
        file.write('person bo "Bo" {\n')
    second = os.path.join(workspace.root, "second.mentor")
    with open(second, "w", encoding="utf-8") as file:
        file.write('program "Second" { max_mentees: 9 }\n')
    child = workspace.spawn(workspace.programme, broken)
    evaluate(child, "ana_dave.mentee.name", '"Dave Okafor"')
    child.sendline(":load " + second)
    child.expect_exact("note: `program` replaces its earlier declaration")
    child.expect_exact(PROMPT)
    evaluate(child, "program.max_mentees", "9")
    child.sendline('person zoe "Zoe"')
    child.expect_exact("person zoe")
    child.expect_exact(PROMPT)
    child.sendline(":reload")
    child.expect_exact("kept 1 declaration typed in the session")
    child.expect_exact(PROMPT)
    evaluate(child, "[zoe.name, ana_dave.mentee.name]", '["Zoe", "Dave Okafor"]')
    leave(child)


def piped(workspace, arguments, entries):
    return subprocess.run([os.environ["MENTOR_BINARY"], "repl", *arguments], input=entries, capture_output=True,
                          text=True, env=workspace.environment(), cwd=workspace.root, timeout=120)


def test_piped_session_output_and_status(workspace):
    # Issue #17 item 5: piped, standard output holds only what the entries give (the banner is
    # on standard error), :check prints its diagnostics before its summary, as `check` does,
    # echoes paste back as source, and a session whose entries had errors exits 1.
    clean = piped(workspace, [workspace.programme], ":check\nana_dave.channels.first\nana_dave.mentor\n")
    assert clean.returncode == 0, (clean.returncode, clean.stderr)
    assert "loaded 1 file" in clean.stderr, clean.stderr
    # A channel is a symbol, echoed as its bare word, which pastes back.
    assert clean.stdout == "no problems in 1 file\nin_person\nana\n", clean.stdout
    # The example breaks two rules on purpose: :check reports them as `check` does, and fails.
    run = piped(workspace, [EXAMPLE], ":check\n")
    assert run.returncode == 1, (run.returncode, run.stderr)
    lines = run.stdout.splitlines()
    assert lines[-1] == "2 errors in 4 files", run.stdout
    assert sum(": error: " in line for line in lines[:-1]) == 2, run.stdout
    failing = piped(workspace, [], "1 + 2\nnobody\n3\n")
    assert failing.returncode == 1, (failing.returncode, failing.stdout, failing.stderr)
    assert failing.stdout == "3\n3\n", failing.stdout


def test_type_does_not_evaluate(workspace):
    # Issue #17 item 4: `:type` infers the type from the code; it used to evaluate, so a
    # `print` printed and a division by zero was a runtime error.
    child = workspace.spawn(workspace.programme)
    child.sendline(':type print("side effect")')
    index = child.expect_exact(["side effect\r\n", "\r\nnone\r\n"])
    assert index == 1, "`:type` evaluated its expression"
    child.expect_exact(PROMPT)
    evaluate(child, ":type ana_dave.schedule", "list of date")
    evaluate(child, ":type agreements", "list of agreement")
    evaluate(child, ":type 1 / 0", "number")
    leave(child)


def test_tab_completes_with_fields_and_std_rules(workspace):
    # Issue #17 item 4: inside `with { … }` Tab offers the entity's fields; after `std.` the
    # standard rules rather than the record methods `keys` and `get`.
    child = workspace.spawn(workspace.programme)
    child.sendline("import std")
    child.expect_exact(PROMPT)
    child.send("(ana_dave with { sta\t")
    child.expect_exact("rt")
    child.sendline(": 2026-02-02 }).start")
    child.expect_exact("\r\n2026-02-02\r\n")
    child.expect_exact(PROMPT)
    child.send("std.smart_g\t")
    child.expect_exact("oals")
    child.sendline("")
    child.expect_exact("\r\nstd.smart_goals\r\n")
    child.expect_exact(PROMPT)
    leave(child)


TESTS_FILE = """\
test "ana mentors dave" { expect ana_dave.mentor == ana }
test "a failing test" { expect 1 == 2 }
"""


def test_test_command_runs_filtered_tests(workspace):
    # Issue #17 item 4: `:test [FILTER]` runs the test blocks as `mentor test` prints them.
    tests = os.path.join(workspace.root, "tests.mentor")
    with open(tests, "w", encoding="utf-8") as file:
        file.write(TESTS_FILE)
    run = piped(workspace, [workspace.programme, tests], ":test mentors\n")
    assert run.returncode == 0, (run.returncode, run.stdout, run.stderr)
    assert run.stdout == "PASS ana mentors dave\n1 passed, 0 failed\n", run.stdout
    run = piped(workspace, [workspace.programme, tests], ":test\n")
    assert run.returncode == 1, (run.returncode, run.stdout, run.stderr)
    assert run.stdout.startswith("PASS ana mentors dave\nFAIL a failing test\n"), run.stdout
    assert run.stdout.endswith("1 passed, 1 failed\n"), run.stdout


def test_show_doc_list_and_usage(workspace):
    # Issue #17 item 4: :show and :doc reach the programme, the std rules and nested goals,
    # with a did-you-mean; :list lists them and refuses an unknown kind; usage errors have one form.
    with open(workspace.programme, "a", encoding="utf-8") as file:
        file.write('agreement lee_dave {\n  mentor: lee\n  mentee: dave\n  start: 2026-02-02\n'
                   '  /// Fewer meetings.\n  goal time "Save time" { measure: "hours", target: 2, due: 2026-06-30 }\n}\n')
    run = piped(workspace, [workspace.programme],
                "import std\n:show program\n:show std.smart_goals\n:doc lee_dave.time\n:list goal\n")
    assert run.returncode == 0, (run.returncode, run.stdout, run.stderr)
    assert '\nprogram "Mentor Credential Program" {' in run.stdout, run.stdout
    assert "rule smart_goals" in run.stdout, run.stdout
    assert "Fewer meetings.\ngoal lee_dave.time\n" in run.stdout, run.stdout
    listed = [line for line in piped(workspace, [workspace.programme], "import std\n:list\n").stdout.splitlines()
              if not line.startswith("//")]
    assert listed[0] == "program program", listed
    assert "rule std.smart_goals" in listed and "goal lee_dave.time" in listed, listed
    wrong = piped(workspace, [workspace.programme], ":show lee_dave.tme\n:list agreemnt\n:show\n:save\n")
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines()[-4:] == [
        "error: no declaration named `lee_dave.tme`; did you mean `lee_dave.time`?",
        "error: no kind `agreemnt`; did you mean `agreement`? the kinds are program, competency, pathway, step, "
        "person, agreement, goal, agenda, session, rule, test, waiver, let, fn",
        "usage: :show NAME",
        "usage: :save FILE",
    ], wrong.stderr


def test_piped_echo_pastes_back(workspace):
    # Issue #17 item 5: what a piped session prints for declarations, lets, fns, channels and
    # nested goals is source or comments, so feeding it back to the REPL is error-free.
    entries = ('person cy "Cy"\nlet k = 2\nfn twice(x) = x * 2\n'
               'agreement cy_dave {\n  mentor: cy\n  mentee: dave\n  start: 2026-03-02\n'
               '  goal g "G" { measure: "m", target: 1, due: 2026-09-01 }\n}\n'
               'cy_dave.goals\nana_dave.channels\n[ana, k]\n')
    first = piped(workspace, [workspace.programme], entries)
    assert first.returncode == 0, (first.returncode, first.stderr)
    assert first.stdout.splitlines()[:3] == ["// person cy", "// let k", "// fn twice"], first.stdout
    assert "// [goal cy_dave.g]" in first.stdout.splitlines(), first.stdout
    again = piped(workspace, [workspace.programme], first.stdout)
    assert again.returncode == 0, (again.returncode, again.stdout, again.stderr)
    assert "error" not in again.stderr, again.stderr


def test_ctrl_d_exits_zero(workspace):
    child = workspace.spawn()
    leave(child)


def test_ctrl_d_right_after_each_prompt(workspace):
    # libedit draws the prompt before it leaves canonical mode, where the kernel would turn an
    # early Ctrl-D into a NUL byte; the REPL leaves canonical mode first. Many quick tries make
    # the window (a few milliseconds) likely to be hit if it comes back.
    for _ in range(15):
        child = workspace.spawn()
        leave(child)


def test_ctrl_d_typed_during_evaluation(workspace):
    # Long enough to type into, short enough to wait for, in a debug or a release build.
    child = workspace.spawn("--max-steps", steps_lasting(4))
    child.sendline(LONG_EVALUATION)
    assert child.expect_exact([PROMPT, pexpect.TIMEOUT], timeout=1) == 1, "make LONG_EVALUATION longer"
    child.sendcontrol("d")  # typed while the evaluation runs: it ends the session once it is done
    child.expect(pexpect.EOF, timeout=6 * TIMEOUT)
    child.close()
    assert child.exitstatus == 0, f"exit status {child.exitstatus}, signal {child.signalstatus}"


def test_history_survives_kill_9(workspace):
    first = workspace.spawn()
    evaluate(first, "40 + 2", "42")
    evaluate(first, '"kept after kill"', '"kept after kill"')
    first.kill(signal.SIGKILL)
    first.expect(pexpect.EOF)
    first.close()
    assert first.signalstatus == signal.SIGKILL, f"not killed: {first.exitstatus}"
    with open(workspace.history, encoding="utf-8") as file:
        lines = file.read().splitlines()
    assert lines[-2:] == ["40 + 2", '"kept after kill"'], f"history file ends with {lines[-2:]}"

    second = workspace.spawn()
    second.send("\x1b[A")
    second.expect_exact('"kept after kill"')
    second.sendline("")
    second.expect_exact('\r\n"kept after kill"\r\n')
    second.expect_exact(PROMPT)
    leave(second)


def test_line_editing_off_without_libedit(workspace):
    # libedit is opened at run time; when it cannot be, the REPL says so and reads plain lines.
    binary = os.environ["MENTOR_BINARY"]
    environment = dict(workspace.environment(), MENTOR_LIBEDIT=os.path.join(workspace.root, "no-libedit.so"))
    child = pexpect.spawn(binary, ["repl"], env=environment, cwd=workspace.root, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(24, 200))
    workspace.children.append(child)
    child.expect_exact("note: line editing is off: libedit cannot be opened (")
    child.expect_exact("no-libedit.so")
    child.expect_exact("or set MENTOR_LIBEDIT to its path")
    child.expect_exact(PROMPT)
    evaluate(child, "40 + 2", "42")
    leave(child)


def test_libedit_is_not_linked(workspace):  # noqa: ARG001 (every test gets the fixture)
    # Only the REPL loads libedit (with dlopen): the binary must not need it at start-up.
    needed = subprocess.run(["ldd", os.environ["MENTOR_BINARY"]], capture_output=True, text=True).stdout
    assert "libedit" not in needed, f"mentor links libedit:\n{needed}"


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals(), fixture=Workspace))
