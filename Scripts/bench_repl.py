"""Times the REPL's `:load` and `:check` inside one session each (for Scripts/bench_measure.py).

Each session is driven through pipes: a command is written, then a `print` of a sentinel line,
and the command's time runs from the write to the sentinel's arrival on standard output (the
REPL flushes after every command). Its CPU time is the session's user + system time from
/proc before and after, all threads included. Timing the commands where they run, instead of
subtracting the medians of whole sessions timed from outside, keeps start-up, exit and the
other command's noise out of each figure. Standard library only.
"""

import os
import statistics
import subprocess
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid):
    """User + system time of process `pid` and all its threads so far."""
    with open(f"/proc/{pid}/stat") as handle:
        # The command name (field 2) may hold spaces; the fields after it are fixed.
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class _Session:
    """A `mentor repl` driven line by line."""

    def __init__(self, mentor, today):
        self.process = subprocess.Popen([mentor, "repl", "--today", today], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.count = 0

    def timed(self, command):
        """Runs `command`; returns (wall seconds, CPU seconds, its output lines)."""
        self.count += 1
        sentinel = f"bench-sentinel-{self.count}"
        cpu_before = _cpu_seconds(self.process.pid)
        start = time.perf_counter()
        self.process.stdin.write(f"{command}\nprint(\"{sentinel}\")\n")
        self.process.stdin.flush()
        lines = []
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"mentor repl ended during {command[:40]}…; output: {''.join(lines)[-500:]}")
            if line.rstrip("\n") == sentinel:
                break
            lines.append(line)
        wall = time.perf_counter() - start
        return wall, _cpu_seconds(self.process.pid) - cpu_before, lines

    def close(self):
        self.process.stdin.write(":quit\n")
        self.process.stdin.close()
        self.process.stdout.read()
        return self.process.wait()


def measure(mentor, files, today, timing):
    """`:load` of `files`, then `:check`, in (warmup + runs) fresh sessions; the statistics of
    the timed runs per command, and the last `:check`'s output lines."""
    warmup, runs = timing
    samples = {"load": [], "check": []}
    check_lines = []
    for index in range(warmup + max(runs, 1)):
        session = _Session(mentor, today)
        try:
            load = session.timed(":load " + " ".join(files))
            check = session.timed(":check")
        finally:
            session.close()
        check_lines = check[2]
        if index >= warmup:
            samples["load"].append(load[:2])
            samples["check"].append(check[:2])
    return {name: {"median": statistics.median(wall for wall, _ in values),
                   "min": min(wall for wall, _ in values), "max": max(wall for wall, _ in values),
                   "cpu": statistics.median(cpu for _, cpu in values), "runs": len(values)}
            for name, values in samples.items()}, check_lines
