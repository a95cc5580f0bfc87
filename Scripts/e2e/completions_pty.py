#!/usr/bin/env python3
"""The completion scripts of `mentor completions` in a real bash, through a pseudo-terminal.

Each test starts `bash --norc --noprofile` in a fresh folder holding `Examples/`, with the
`mentor` under test first on PATH, sources the generated bash script and presses Tab. To read
what the line became without parsing readline's redrawing, the test then goes to the start of
the line (Ctrl-A), types `echo ` and Enter, so the shell prints the completed line on a line of
its own. Prints one line per test and "N passed, N failed"; exits 1 on a failure.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

PROMPT = "READY$ "
TIMEOUT = 15


class Shell:
    """A bash with mentor's completions loaded, in a temporary folder."""

    def __init__(self):
        self.directory = tempfile.TemporaryDirectory(prefix="mentor-completions-e2e-")
        root = self.directory.name
        os.makedirs(os.path.join(root, "bin"))
        os.symlink(os.path.abspath(os.environ["MENTOR_BINARY"]), os.path.join(root, "bin", "mentor"))
        self.work = os.path.join(root, "work")
        os.makedirs(os.path.join(self.work, "Examples", "credential-program"))
        with open(os.path.join(self.work, "Examples", "hello.mentor"), "w", encoding="utf-8") as file:
            file.write('print("hello")\n')
        with open(os.path.join(self.work, "Examples", "notes.txt"), "w", encoding="utf-8") as file:
            file.write("not source\n")
        script = os.path.join(root, "mentor.bash")
        with open(script, "w", encoding="utf-8") as file:
            file.write(subprocess.run([os.environ["MENTOR_BINARY"], "completions", "bash"], check=True,
                                      capture_output=True, text=True, timeout=60).stdout)
        # No bracketed paste: its escapes would surround every echoed line.
        inputrc = os.path.join(root, "inputrc")
        with open(inputrc, "w", encoding="utf-8") as file:
            file.write("set enable-bracketed-paste off\nset bell-style none\n")
        env = {"PATH": os.path.join(root, "bin") + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
               "HOME": root, "TERM": "xterm", "INPUTRC": inputrc}
        self.bash = pexpect.spawn("bash", ["--norc", "--noprofile"], cwd=self.work, env=env,
                                  encoding="utf-8", timeout=TIMEOUT, dimensions=(24, 200))
        # \122 is R: the prompt appears only once bash expands it, never in the echo of this line.
        self.run("PS1='\\122EADY$ '")
        self.run(f"source '{script}'")
        self.run("command -v mentor")
        assert os.path.join(root, "bin", "mentor") in self.bash.before, self.bash.before

    def run(self, command):
        """Types `command` and Enter, and waits for the next prompt."""
        self.bash.sendline(command)
        self.bash.expect_exact(PROMPT)

    def complete(self, typed, tabs=1):
        """The command line after typing `typed` and pressing Tab `tabs` times."""
        self.bash.send(typed + "\t" * tabs)
        # Let readline finish the completion before the line is taken apart.
        self.bash.expect(pexpect.TIMEOUT, timeout=1.5)
        self.bash.send("\x01echo \r")
        self.bash.expect(r"\r\n((?:mentor)[^\r\n]*)\r\n")
        line = self.bash.match.group(1)
        self.bash.expect_exact(PROMPT)
        return line.rstrip()

    def close(self):
        self.bash.sendline("exit")
        self.bash.close(force=True)
        self.directory.cleanup()


def test_path_argument_completes_a_folder(shell):
    assert shell.complete("mentor check Exa") == "mentor check Examples/"


def test_subcommand_name_completes(shell):
    assert shell.complete("mentor ch") == "mentor check"


def test_mentor_files_complete_and_other_files_do_not(shell):
    assert shell.complete("mentor run Examples/he") == "mentor run Examples/hello.mentor"
    assert shell.complete("mentor run Examples/no") == "mentor run Examples/no"


def test_nested_folder_completes_under_fmt(shell):
    assert shell.complete("mentor fmt --diff Examples/cr") == "mentor fmt --diff Examples/credential-program/"


def test_explain_completes_a_code(shell):
    assert shell.complete("mentor explain M061") == "mentor explain M0615"


def test_option_values_complete(shell):
    assert shell.complete("mentor check --format sa") == "mentor check --format sarif"
    assert shell.complete("mentor completions fi") == "mentor completions fish"


if __name__ == "__main__":
    if shutil.which("bash") is None:
        print("completions_pty: bash is not installed", file=sys.stderr)
        sys.exit(2)
    sys.exit(run_tests(__file__, globals(), fixture=Shell))
