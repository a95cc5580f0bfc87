#!/usr/bin/env python3
"""`mentor check --watch` and `mentor test --watch` through pipes (no terminal).

Each test starts the watcher on a temporary copy of a programme, waits for the first run,
edits a file of the programme (one in the named folder, or one only an import reaches), waits
for the run that follows, then sends SIGINT and checks that the process died of it (status 130
in a shell). Every wait is bounded; a watcher that outlives its test is killed. Prints one
line per test and "N passed, N failed".
"""

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The summary line that ends a run of `check` or of `test`.
SUMMARY = re.compile(r"^(no problems|\d+ errors?(, \d+ warnings?)?|\d+ warnings?) in \d+ files?$|^\d+ passed, \d+ failed$")
WAIT = 30  # seconds for any one run to appear (a debug build on a busy machine is slow)


class Watcher:
    """A `mentor … --watch` process whose standard output is read line by line on a thread."""

    def __init__(self, *arguments, cwd):
        self.process = subprocess.Popen(
            [os.environ["MENTOR_BINARY"], *arguments, "--watch"], cwd=cwd,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            # Ctrl-C must have its default action even if this script was started with it ignored.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_run(self):
        """The lines of the next run: from its separator up to its summary line."""
        deadline = time.monotonic() + WAIT
        run = []
        while True:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"the watcher ended: {self.process.poll()} {run}"
            if not run:
                assert line.startswith("=== mentor "), f"expected a separator, got {line!r}"
            run.append(line)
            if SUMMARY.match(line):
                return run

    def interrupt(self):
        """Sends SIGINT and returns the exit status (negative: the signal that ended it)."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=10)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()


def make_copy():
    folder = tempfile.mkdtemp(prefix="mentor-watch-")
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "credential-program"), os.path.join(folder, "programme"))
    return folder


def append(path, text):
    with open(path, "a", encoding="utf-8") as file:
        file.write(text)


def test_check_watch_reruns_after_an_edit_and_ends_on_sigint():
    folder = make_copy()
    watcher = Watcher("check", "--today", "2026-06-01", "programme", cwd=folder)
    try:
        first = watcher.next_run()
        assert first[-1] == "2 errors in 4 files", first
        assert first[0].startswith("=== mentor check: "), first
        append(os.path.join(folder, "programme", "people.mentor"), "\nperson zoe \"Zoe\" { email: 3 }\n")
        second = watcher.next_run()
        # A type error stops the rules, so the two violations are not reported this time.
        assert second[-1] == "1 error in 4 files", second
        assert any("[M0502]" in line for line in second), second
        status = watcher.interrupt()
        assert status == -signal.SIGINT, f"expected death by SIGINT (130 in a shell), got {status}"
    finally:
        watcher.close()
        shutil.rmtree(folder)


def test_a_new_file_in_the_folder_starts_a_run():
    folder = make_copy()
    watcher = Watcher("check", "--today", "2026-06-01", "programme", cwd=folder)
    try:
        watcher.next_run()
        with open(os.path.join(folder, "programme", "extra.mentor"), "w", encoding="utf-8") as file:
            file.write("person yan \"Yan\"\n")
        second = watcher.next_run()
        assert second[-1] == "2 errors in 5 files", second
        assert watcher.interrupt() == -signal.SIGINT
    finally:
        watcher.close()
        shutil.rmtree(folder)


def test_an_imported_file_is_watched():
    folder = tempfile.mkdtemp(prefix="mentor-watch-")
    os.makedirs(os.path.join(folder, "app"))
    os.makedirs(os.path.join(folder, "shared"))
    with open(os.path.join(folder, "shared", "people.mentor"), "w", encoding="utf-8") as file:
        file.write("person ana \"Ana\"\nperson dave \"Dave\"\n")
    with open(os.path.join(folder, "app", "main.mentor"), "w", encoding="utf-8") as file:
        file.write("import \"../shared/people.mentor\"\n"
                   "agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12 }\n")
    watcher = Watcher("check", "--today", "2026-06-01", "app", cwd=folder)
    try:
        first = watcher.next_run()
        assert first[-1] == "no problems in 2 files", first
        with open(os.path.join(folder, "shared", "people.mentor"), "w", encoding="utf-8") as file:
            file.write("person ana \"Ana\"\n")
        second = watcher.next_run()
        assert second[-1] == "1 error in 2 files", second
        assert any("cannot find `dave`" in line for line in second), second
        assert watcher.interrupt() == -signal.SIGINT
    finally:
        watcher.close()
        shutil.rmtree(folder)


def test_test_watch_reruns_the_tests():
    folder = make_copy()
    watcher = Watcher("test", "--today", "2026-06-01", "programme", cwd=folder)
    try:
        first = watcher.next_run()
        assert first[0].startswith("=== mentor test: ") and first[-1] == "2 passed, 0 failed", first
        append(os.path.join(folder, "programme", "program.mentor"), "\ntest \"always fails\" { expect 1 == 2 }\n")
        second = watcher.next_run()
        assert second[-1] == "2 passed, 1 failed", second
        assert watcher.interrupt() == -signal.SIGINT
    finally:
        watcher.close()
        shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
