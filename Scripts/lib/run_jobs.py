#!/usr/bin/env python3
"""Runs shell commands a few at a time and prints each one's output whole when it finishes.

    run_jobs.py [--jobs N] COMMAND...

Scripts/test gives it the end-to-end scripts, the fuzz smoke run and the bench counts: each
drives one single-threaded process at a time, so two side by side use both cores and halve
the step. Commands start in the order given (put the longest first); each one's standard
output and error go to a temporary file, printed under a `-- COMMAND` header with its time
when it ends, so outputs never interleave. Standard input is closed, as under CI. At the end
a table lists every command's time, longest first, so a run that grew slow shows where.
Exits 1 if any command failed.

Children are started with Python's subprocess, not with the shell's `&`: a non-interactive
shell starts background jobs with SIGINT ignored, and the tests that interrupt `mentor`
would then see Ctrl-C ignored.
"""

import argparse
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="how many commands run at once")
    parser.add_argument("commands", nargs="+", help="shell commands, longest first")
    arguments = parser.parse_args()
    began = time.monotonic()
    waiting = list(arguments.commands)
    running = []  # (command, process, output file, start time)
    finished = []  # (command, seconds, exit status)
    while waiting or running:
        while waiting and len(running) < max(1, arguments.jobs):
            command = waiting.pop(0)
            output = tempfile.TemporaryFile()
            process = subprocess.Popen(["bash", "-c", command], stdin=subprocess.DEVNULL,
                                       stdout=output, stderr=subprocess.STDOUT)
            running.append((command, process, output, time.monotonic()))
        time.sleep(0.05)
        for entry in list(running):
            command, process, output, started = entry
            if process.poll() is None:
                continue
            running.remove(entry)
            seconds = time.monotonic() - started
            finished.append((command, seconds, process.returncode))
            verdict = "ok" if process.returncode == 0 else f"FAILED (exit {process.returncode})"
            print(f"-- {command} [{seconds:.0f} s, ended at {time.monotonic() - began:.0f} s: {verdict}]",
                  flush=True)
            output.seek(0)
            sys.stdout.buffer.write(output.read())
            sys.stdout.flush()
            output.close()
    print(f"-- times ({len(finished)} commands, {time.monotonic() - began:.0f} s with {arguments.jobs} at once)")
    for command, seconds, status in sorted(finished, key=lambda item: -item[1]):
        print(f"   {seconds:6.0f} s  {'ok    ' if status == 0 else 'FAILED'}  {command}")
    failed = [command for command, _, status in finished if status != 0]
    for command in failed:
        print(f"FAILED: {command}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
