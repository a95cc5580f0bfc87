#!/usr/bin/env python3
"""`mentor fmt --diff` and `fmt -l` against real tools.

The diff `fmt --diff` prints is applied with GNU patch, and the files must then equal what
`fmt -w` writes; `fmt -l` must name exactly the files that differ. Prints one line per test
and "N passed, N failed"; exits 1 on a failure.
"""

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

UNTIDY = {
    "people.mentor": 'person   ana "Ana Ruiz"\nperson lee    "Lee Park" {\n supervisor:ana}\n\n\n\nperson bo "Bo"\n',
    "no_final_newline.mentor": "let   untidy=[1,2]",
    "nested/lets.mentor": "// kept as it is\nlet tidy = 1\n" + "".join(f"let  x{i}={i}\n" for i in range(12)) + "\n\n\nlet  last=[ 1 ,2 ]\n",
    "nested/tidy.mentor": "let tidy = [1, 2]\n",
}


def mentor(*arguments, cwd):
    return subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=cwd, capture_output=True, text=True, timeout=120)


def make_tree(root, files):
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)


def trees_equal(left, right):
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False
    mismatch = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)[1]
    return not mismatch and all(trees_equal(os.path.join(left, d), os.path.join(right, d)) for d in comparison.common_dirs)


def patched_equals_written(files, paths=("src",)):
    """Applies `fmt --diff`'s output with patch in one copy, runs `fmt -w` in another, compares."""
    with tempfile.TemporaryDirectory(prefix="mentor-fmt-diff-e2e-") as scratch:
        patched = os.path.join(scratch, "patched")
        written = os.path.join(scratch, "written")
        make_tree(os.path.join(patched, "src"), files)
        make_tree(os.path.join(written, "src"), files)
        diff = mentor("fmt", "--diff", *paths, cwd=patched)
        assert diff.returncode == 1, (diff.returncode, diff.stderr)
        assert diff.stderr == "", diff.stderr
        applied = subprocess.run(["patch", "-p1", "--batch", "--forward"], input=diff.stdout, cwd=patched,
                                 capture_output=True, text=True, timeout=120)
        assert applied.returncode == 0, applied.stdout + applied.stderr + diff.stdout
        write = mentor("fmt", "-w", *paths, cwd=written)
        assert write.returncode == 0, write.stderr
        assert trees_equal(os.path.join(patched, "src"), os.path.join(written, "src")), diff.stdout
        again = mentor("fmt", "--diff", *paths, cwd=patched)
        assert (again.returncode, again.stdout) == (0, ""), (again.returncode, again.stdout)
        return diff.stdout


def test_patch_applies_the_diff_and_gives_what_fmt_w_writes():
    output = patched_equals_written(UNTIDY)
    assert "--- a/src/people.mentor\n+++ b/src/people.mentor\n@@ -1,7 +1,7 @@\n" in output, output
    assert "\\ No newline at end of file\n" in output, output
    assert "src/nested/tidy.mentor" not in output, output


def test_files_named_one_by_one():
    patched_equals_written(UNTIDY, paths=("src/people.mentor", "src/nested/lets.mentor", "src/no_final_newline.mentor"))


def test_examples_with_their_layout_broken():
    """Every example, its indentation and blank lines disturbed, is restored by the patch."""
    files = {}
    for folder, _, names in os.walk(os.path.join(ROOT, "Examples")):
        for name in names:
            if name.endswith(".mentor"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as file:
                    text = file.read()
                broken = text.replace("\n  ", "\n   ").replace("\n\n", "\n\n\n")
                files[os.path.relpath(path, os.path.join(ROOT, "Examples"))] = broken
    assert files
    patched_equals_written(files)


def test_large_file_with_few_changes_is_quick():
    lines = [f'person p{i} "Person {i}"\n' for i in range(60_000)]
    for index in (10, 30_000, 59_990):
        lines[index] = lines[index].replace("person ", "person   ")
    started = time.monotonic()
    output = patched_equals_written({"big.mentor": "".join(lines)})
    assert output.count("\n@@ ") == 3, output
    assert time.monotonic() - started < 60


def test_list_names_exactly_the_files_that_differ():
    with tempfile.TemporaryDirectory(prefix="mentor-fmt-list-e2e-") as scratch:
        make_tree(scratch, UNTIDY)
        for flags in (["-l"], ["--list"], ["--check"], ["--check", "--list"]):
            listed = mentor("fmt", *flags, ".", cwd=scratch)
            assert listed.returncode == 1, (flags, listed.returncode, listed.stderr)
            assert sorted(listed.stdout.splitlines()) == ["./nested/lets.mentor", "./no_final_newline.mentor", "./people.mentor"], listed.stdout
        assert mentor("fmt", "-w", ".", cwd=scratch).returncode == 0
        clean = mentor("fmt", "-l", ".", cwd=scratch)
        assert (clean.returncode, clean.stdout) == (0, ""), (clean.returncode, clean.stdout)


def test_diff_and_list_write_nothing():
    with tempfile.TemporaryDirectory(prefix="mentor-fmt-nowrite-e2e-") as scratch:
        make_tree(scratch, UNTIDY)
        before = {name: os.stat(os.path.join(scratch, name)).st_mtime_ns for name in UNTIDY}
        for flags in (["--diff"], ["--check", "--diff"], ["-l"]):
            assert mentor("fmt", *flags, ".", cwd=scratch).returncode == 1
        after = {name: os.stat(os.path.join(scratch, name)).st_mtime_ns for name in UNTIDY}
        assert before == after
        assert sorted(os.listdir(scratch)) == sorted({name.split("/")[0] for name in UNTIDY})


def test_diff_of_standard_input():
    result = subprocess.run([os.environ["MENTOR_BINARY"], "fmt", "--diff"], input="let   x=1\n", capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-let   x=1\n+let x = 1\n", result.stdout


if __name__ == "__main__":
    if shutil.which("patch") is None:
        print("fmt_diff: GNU patch is not installed", file=sys.stderr)
        sys.exit(2)
    sys.exit(run_tests(__file__, globals()))
