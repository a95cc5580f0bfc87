#!/usr/bin/env python3
"""Drives the real `mentor` binary through what only a process can show about files and
standard streams: `fmt -w` on a link, `export -o` to /dev/null and a FIFO, SIGTERM while a
temporary file exists, a history file that is /dev/null or a FIFO, standard output that is
full or closed, and standard input over the size limit. See docs/robustness.md, "Writing
files". MENTOR_BINARY names the binary (Scripts/test sets it; default .build/debug/mentor).
"""

import glob
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

import pexpect

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("MENTOR_BINARY", os.path.join(ROOT, ".build", "debug", "mentor"))
MENTOR = os.environ["MENTOR_BINARY"]
PROGRAMME = os.path.join(ROOT, "Tests", "Fixtures", "credential-program")
EXPORT = [MENTOR, "export", "--format", "md", "--today", "2026-01-05"]
UNTIDY = "let   x=[1,2]\n"
TIDY = "let x = [1, 2]\n"
PROMPT = "mentor> "
TIMEOUT = 20
MIB = 1 << 20


def mentor(arguments, **options):
    options.setdefault("capture_output", True)
    options.setdefault("timeout", 120)
    return subprocess.run([MENTOR] + arguments, **options)


def device_identity(path):
    info = os.stat(path)
    return (info.st_ino, info.st_rdev, stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))


def test_fmt_w_writes_through_a_symlink_to_its_target():
    with tempfile.TemporaryDirectory() as folder:
        os.mkdir(os.path.join(folder, "real"))
        target = os.path.join(folder, "real", "programme.mentor")
        with open(target, "w") as f:
            f.write(UNTIDY)
        link = os.path.join(folder, "link.mentor")
        os.symlink("real/programme.mentor", link)
        result = mentor(["fmt", "-w", link])
        assert result.returncode == 0, result
        assert os.path.islink(link) and os.readlink(link) == "real/programme.mentor"
        with open(target) as f:
            assert f.read() == TIDY
        assert os.listdir(os.path.join(folder, "real")) == ["programme.mentor"]


def test_export_to_dev_null_leaves_the_device():
    before = device_identity("/dev/null")
    result = subprocess.run(EXPORT + ["-o", "/dev/null", "ana_dave", PROGRAMME], capture_output=True, timeout=120)
    assert result.returncode == 0, result
    assert result.stderr == b"", result.stderr
    assert device_identity("/dev/null") == before, "export -o /dev/null changed /dev/null"


def test_export_to_a_fifo_writes_into_it():
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "handout.fifo")
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()), daemon=True)
        reader.start()
        result = subprocess.run(EXPORT + ["-o", fifo, "ana_dave", PROGRAMME], capture_output=True, timeout=120)
        reader.join(timeout=30)
        assert result.returncode == 0, result
        assert received and received[0].startswith(b"# "), received[:1]
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
        assert sorted(os.listdir(folder)) == ["handout.fifo"]


def test_sigterm_during_a_write_leaves_no_temporary_file():
    # Poll for the temporary file and send SIGTERM the moment it exists; if the write
    # finished before the signal landed, try again with a larger file.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.mentor")
        for lines in (100_000, 200_000, 400_000):
            original = "".join(f"let   x{i}=[1,2]\n" for i in range(lines))
            with open(path, "w") as f:
                f.write(original)
            process = subprocess.Popen([MENTOR, "fmt", "-w", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            seen = False
            while process.poll() is None:
                if glob.glob(os.path.join(folder, ".big.mentor.tmp-*")):
                    process.send_signal(signal.SIGTERM)
                    seen = True
                    break
                time.sleep(0.0005)
            process.communicate(timeout=120)
            if not seen or process.returncode != -signal.SIGTERM:
                continue  # the rename came first: nothing to clean up, try a slower write
            assert os.listdir(folder) == ["big.mentor"], f"left behind: {os.listdir(folder)}"
            with open(path) as f:
                now = f.read()
            if now != original:
                # The signal can land after the rename, between the poll that saw the temporary
                # file and its delivery: then the write is whole. What must never be is a file
                # that is neither the original nor the whole formatted text.
                formatted = subprocess.run([MENTOR, "fmt"], input=original.encode(), capture_output=True,
                                           timeout=120).stdout.decode()
                assert now == formatted, "the original was changed, and not into the formatted text"
            return
        raise AssertionError("never caught the write in progress")


def spawn_repl(history, cwd):
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": cwd, "TERM": "xterm",
                   "MENTOR_HISTORY": history, "EDITRC": os.path.join(cwd, "no-editrc"), "NO_COLOR": "1"}
    return pexpect.spawn(MENTOR, ["repl"], env=environment, cwd=cwd, encoding="utf-8", timeout=TIMEOUT,
                         dimensions=(24, 200))


def leave(child):
    child.sendline("1 + 2")
    child.expect_exact("\r\n3\r\n")
    child.expect_exact(PROMPT)
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, (child.exitstatus, child.signalstatus)


def test_history_dev_null_through_a_pty_is_not_touched():
    before = device_identity("/dev/null")
    with tempfile.TemporaryDirectory() as folder:
        child = spawn_repl("/dev/null", folder)
        child.expect_exact("warning: cannot use /dev/null: not a regular file; history is not saved in this session")
        child.expect_exact(PROMPT)
        leave(child)
    assert device_identity("/dev/null") == before, "the REPL changed /dev/null"


def test_history_fifo_through_a_pty_does_not_hang():
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "history")
        os.mkfifo(fifo, 0o644)
        child = spawn_repl(fifo, folder)
        child.expect_exact(f"warning: cannot use {fifo}: not a regular file")
        child.expect_exact(PROMPT)
        leave(child)
        assert stat.S_IMODE(os.lstat(fifo).st_mode) == 0o644


def test_history_fifo_with_piped_input_does_not_hang():
    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "history")
        os.mkfifo(fifo)
        result = subprocess.run([MENTOR, "repl"], input=b"1 + 2\n", capture_output=True, timeout=TIMEOUT,
                                env=dict(os.environ, MENTOR_HISTORY=fifo))
        assert result.returncode == 0, result
        assert b"3" in result.stdout, result.stdout


def test_full_standard_output_exits_2_with_one_message():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "a.mentor")
        with open(path, "w") as f:
            f.write(UNTIDY * 2000)
        with open("/dev/full", "w") as full:
            result = mentor(["fmt", path], stdout=full, stderr=subprocess.PIPE, capture_output=False)
        assert result.returncode == 2, result.returncode
        assert result.stderr == b"mentor: error: cannot write standard output: No space left on device [M0605]\n", result.stderr


def test_closed_standard_output_exits_2():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "a.mentor")
        with open(path, "w") as f:
            f.write(UNTIDY)
        result = subprocess.run(["sh", "-c", 'exec "$0" fmt "$1" >&-', MENTOR, path], capture_output=True, timeout=120)
        assert result.returncode == 2, result
        assert result.stderr == b"mentor: error: cannot write standard output: Bad file descriptor [M0605]\n", result.stderr
        with open(path) as f:
            assert f.read() == UNTIDY, "output meant for the closed stdout went into a file"
        # Nothing written to standard output: a closed one is no error.
        result = subprocess.run(["sh", "-c", 'exec "$0" fmt -w "$1" >&-', MENTOR, path], capture_output=True, timeout=120)
        assert result.returncode == 0, result
        with open(path) as f:
            assert f.read() == TIDY


def test_standard_input_over_64_mib_is_refused_quickly_with_bounded_memory():
    process = subprocess.Popen([MENTOR], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunk = b"print(1)\n" * (MIB // 9)
    started = time.monotonic()

    def feed():  # like `yes`: never ends by itself, only when mentor stops reading
        try:
            while True:
                process.stdin.write(chunk)
        except (BrokenPipeError, ValueError, OSError):
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    # A mentor that reads without a limit would never stop: end it rather than hang the suite.
    guard = threading.Timer(60, process.kill)
    guard.start()
    _, status, usage = os.wait4(process.pid, 0)
    guard.cancel()
    elapsed = time.monotonic() - started
    stderr = process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 2, process.returncode
    assert stderr == b"mentor: cannot read '<stdin>': file larger than 64 MiB\n", stderr[:200]
    peak_mib = usage.ru_maxrss / 1024  # Linux reports KiB
    print(f"     stdin refused after {elapsed:.1f} s, peak RSS {peak_mib:.0f} MiB")
    assert peak_mib < 400, f"peak RSS {peak_mib:.0f} MiB"
    assert elapsed < 30, f"took {elapsed:.1f} s"


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
