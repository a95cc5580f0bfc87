#!/usr/bin/env python3
"""The Vim files in Editors/vim, in a real Neovim (headless, Debian's `neovim`).

Neovim starts with no user configuration and Editors/vim on its runtime path, opens example
files and reports the syntax group at chosen places (`synIDattr(synID(…), "name")`), the
file type and the ftplugin's settings; `:MentorFormat` formats a buffer through the real
`mentor fmt` and leaves a buffer with a syntax error unchanged. Over every golden and example
file the lexer accepts, the group at the start of each token and declaration part must be the
one for its kind (from `mentor-bench tokens` and `declarations`), and no code may be taken
for a comment, string or keyword. Prints one line per test and
"N passed, N failed"; exits 1 on a failure.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
from lexer_corpus import CODE_KINDS, ROOT, bench_lines, rejected_by_lexer, source_files  # noqa: E402

RUNTIME = os.path.join(ROOT, "Editors", "vim")


def neovim(path, script, output):
    """Opens `path` in headless Neovim with the Mentor files, runs the Vim `script` lines, which
    write their findings to `output`, and returns those findings parsed as JSON."""
    # The runtime path is set before startup, where Neovim turns file type detection on.
    commands = ["filetype plugin on", "syntax on",
                f"let g:mentor_executable = '{os.environ['MENTOR_BINARY']}'", f"edit {path}", *script, "qall!"]
    arguments = ["nvim", "--headless", "--clean", "-n", "-i", "NONE", "--cmd", f"set runtimepath^={RUNTIME}"]
    for command in commands:
        arguments += ["-c", command]
    result = subprocess.run(arguments, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    with open(output, encoding="utf-8") as file:
        return json.load(file)


def groups_at(path, needles):
    """The syntax group at the first character of each (needle, occurrence) in `path`."""
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    places = []
    for needle, occurrence in needles:
        found = 0
        for number, line in enumerate(lines, start=1):
            column = line.find(needle)
            while column >= 0:
                found += 1
                if found == occurrence:
                    break
                column = line.find(needle, column + 1)
            if found == occurrence and column >= 0:
                places.append([number, len(line[:column].encode("utf-8")) + 1])
                break
        else:
            raise AssertionError(f"{needle!r} (occurrence {occurrence}) not in {path}")
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "groups.json")
        script = [f"let g:places = json_decode('{json.dumps(places)}')",
                  "let g:found = map(copy(g:places), {_, p -> synIDattr(synID(p[0], p[1], 1), 'name')})",
                  f"call writefile([json_encode(g:found)], '{output}')"]
        return dict(zip(needles, neovim(path, script, output)))


def check(path, expected):
    """`expected` maps a needle (or (needle, occurrence)) to the group its first character has."""
    needles = [key if isinstance(key, tuple) else (key, 1) for key in expected]
    found = groups_at(path, needles)
    wrong = {needle: (found[needle], group) for needle, group in zip(needles, expected.values())
             if found[needle] != group}
    assert not wrong, "found, expected: " + repr(wrong)


def test_the_example_programme_is_coloured_by_token():
    check(os.path.join(ROOT, "Examples", "credential-program", "program.mentor"), {
        "/// The Mentor": "mentorDocComment",
        "program": "mentorDeclaration",
        '"Mentor Credential': "mentorString",
        "term": "mentorField",
        "12 months": "mentorDuration",
        ("for", 1): "mentorRepeat",
        "every 3": "mentorOperatorWord",
        "competency adult": "mentorDeclaration",
        "adult_learning": "mentorDeclaredName",
        "step application": "mentorDeclaration",
        "rule no_supervisor": "mentorDeclaration",
        "no_supervisor": "mentorRuleName",
        "require a.": "mentorRuleStatement",
        "!=": "mentorOperator",
        "else": "mentorConditional",
        "\\(a.mentor": "mentorInterpolationDelimiter",
        "a.mentor.name": "mentorInterpolation",  # code, not string text
        "none": "mentorNone",
    })


def test_an_agreement_is_coloured_by_token():
    check(os.path.join(ROOT, "Examples", "credential-program", "agreements", "ana_dave.mentor"), {
        "agreement": "mentorDeclaration",
        "ana_dave": "mentorDeclaredName",
        "2026-01-12": "mentorDate",
        "// term": "mentorLineComment",
        "true": "mentorBoolean",
        "15%": "mentorPercentage",
        "09:30": "mentorTime",
        "session 1": "mentorDeclaration",
        "1 \"Getting": "mentorInteger",
        "closing": "mentorField",
    })


SAMPLE = '''rule capacity warning "At most three" {
  fail "tab\\there, bad \\q, \\(m.name)"
}
/* outer /* inner */ still outer */ let x = 1.5 + 4weeks
fn twice(n) = n * 2
import "people.mentor"
let text = """
  many \\(twice(1)) lines
  """
/* c */ person bob "Bob"
for person in people { print(person) }
'''


def test_comments_nest_and_strings_hold_code():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "sample.mentor")
        with open(path, "w", encoding="utf-8") as file:
            file.write(SAMPLE)
        check(path, {
            "capacity": "mentorRuleName",
            "warning": "mentorWarning",
            "\\t": "mentorEscape",
            "\\q": "mentorEscapeError",
            "still outer": "mentorBlockComment",
            "inner": "mentorBlockComment",
            "let x": "mentorStatement",
            "1.5": "mentorDecimal",
            "4weeks": "mentorMalformedNumber",
            "twice": "mentorFunctionName",
            "import": "mentorInclude",
            "many": "mentorString",
            ("twice", 2): "mentorInterpolation",  # a call inside a multi-line string's interpolation
            "lines": "mentorString",
            "person bob": "mentorDeclaration",
            "bob": "mentorDeclaredName",
            "person in": "",  # a declaration word used as a name
            "in people": "mentorRepeat",
        })


# The groups the syntax file may give the first character of each lexer token kind, and of each
# part of a declaration the parser found.
KEYWORD_GROUPS = {"mentorStatement", "mentorConditional", "mentorRepeat", "mentorBoolean", "mentorNone",
                  "mentorOperatorWord", "mentorRuleStatement", "mentorInclude"}
TOKEN_GROUPS = {
    "date": {"mentorDate"}, "time": {"mentorTime"}, "duration": {"mentorDuration"},
    "percent": {"mentorPercentage"}, "decimal": {"mentorDecimal"}, "integer": {"mentorInteger"},
    "stringStart": {"mentorString"}, "stringText": {"mentorString", "mentorEscape"}, "stringEnd": {"mentorString"},
    "interpolationStart": {"mentorInterpolationDelimiter"}, "interpolationEnd": {"mentorInterpolationDelimiter"},
    "lineComment": {"mentorLineComment"}, "docComment": {"mentorDocComment"}, "blockComment": {"mentorBlockComment"},
}
PART_GROUPS = {"kind": {"mentorDeclaration"}, "name": {"mentorDeclaredName", "mentorRuleName"},
               "number": {"mentorInteger"}, "field": {"mentorField"}}
# Groups no name, operator or punctuation may have: a comment or string too far, or a keyword.
NOT_CODE = {"mentorString", "mentorEscape", "mentorLineComment", "mentorDocComment", "mentorBlockComment"} | KEYWORD_GROUPS


def line_and_column(data, offset):
    """Vim's 1-based line and byte column of byte `offset` in `data`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return [data.count(b"\n", 0, offset) + 1, offset - line_start + 1]


def test_every_golden_and_example_file_agrees_with_the_lexer_and_parser():
    paths = source_files()
    all_tokens = bench_lines("tokens", paths)
    all_parts = bench_lines("declarations", paths)
    jobs, checks = [], []
    for path, tokens, parts in zip(paths, all_tokens, all_parts):
        with open(path, "rb") as file:
            data = file.read()
        if rejected_by_lexer(tokens) or b"\r" in data:
            continue  # rejected by the lexer, or line ends Vim and the lexer count differently
        wanted = [(token["kind"], token, TOKEN_GROUPS.get(token["kind"], KEYWORD_GROUPS if token["kind"].startswith("kw") else None))
                  for token in tokens if token["kind"] in TOKEN_GROUPS or token["kind"] in CODE_KINDS or token["kind"].startswith("kw")]
        if not any(part["role"] == "unparsed" for part in parts):
            wanted += [("declaration " + part["role"], part, PART_GROUPS[part["role"]]) for part in parts]
        wanted = [entry for entry in wanted if entry[1]["end"] > entry[1]["start"]]
        jobs.append({"path": path, "places": [line_and_column(data, entry[1]["start"]) for entry in wanted]})
        checks.append((path, data, wanted))
    with tempfile.TemporaryDirectory() as folder:
        job_file = os.path.join(folder, "jobs.json")
        output = os.path.join(folder, "groups.json")
        with open(job_file, "w", encoding="utf-8") as file:
            json.dump(jobs, file)
        script = os.path.join(folder, "groups.vim")
        with open(script, "w", encoding="utf-8") as file:
            file.write(f"""let s:jobs = json_decode(join(readfile('{job_file}'), ''))
let s:found = []
for s:job in s:jobs
  execute 'edit ' . fnameescape(s:job.path)
  call add(s:found, map(copy(s:job.places), {{_, p -> synIDattr(synID(p[0], p[1], 1), 'name')}}))
  bwipeout!
endfor
call writefile([json_encode(s:found)], '{output}')
""")
        found = neovim(jobs[0]["path"], [f"source {script}"], output)
    problems = []
    for (path, data, wanted), groups in zip(checks, found):
        for (kind, entry, allowed), group in zip(wanted, groups):
            text = data[entry["start"]:entry["end"]].decode("utf-8")[:30]
            where = f"{os.path.relpath(path, ROOT)}:{line_and_column(data, entry['start'])[0]}"
            if allowed is not None and group not in allowed:
                problems.append(f"{where}: {kind} {text!r} is {group!r}")
            elif allowed is None and group in NOT_CODE:
                problems.append(f"{where}: {kind} {text!r} is {group!r}, not code")
    print(f"   {len(checks)} files compared")
    assert len(checks) >= 150, len(checks)
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(problems[:40])


def test_ftplugin_settings():
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "settings.json")
        found = neovim(os.path.join(ROOT, "Examples", "hello.mentor"), [
            "call writefile([json_encode({'filetype': &filetype, 'commentstring': &commentstring,"
            " 'formatprg': &formatprg, 'shiftwidth': &shiftwidth, 'expandtab': &expandtab,"
            " 'comments': &comments, 'command': exists(':MentorFormat')})], '" + output + "')"], output)
    assert found["filetype"] == "mentor", found
    assert found["commentstring"] == "// %s"
    assert found["formatprg"] == f"'{os.environ['MENTOR_BINARY']}' fmt", found["formatprg"]
    assert found["shiftwidth"] == 2 and found["expandtab"] == 1
    assert "://" in found["comments"].split(",") and ":///" in found["comments"].split(",")
    assert found["command"] == 2


def formatted_buffer(text):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "untidy.mentor")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
        output = os.path.join(folder, "buffer.json")
        return neovim(path, ["silent! MentorFormat", f"call writefile([json_encode(getline(1, '$'))], '{output}')"],
                      output)


def test_mentor_format_lays_the_buffer_out_like_mentor_fmt():
    untidy = 'person   ana "Ana Ruiz"\nperson lee    "Lee Park" {\n supervisor:ana}\n\n\n\nlet  x=[1,2]\n'
    expected = subprocess.run([os.environ["MENTOR_BINARY"], "fmt"], input=untidy, capture_output=True,
                              text=True, timeout=60)
    assert expected.returncode == 0 and expected.stdout != untidy, expected
    assert formatted_buffer(untidy) == expected.stdout.rstrip("\n").split("\n")


def test_mentor_format_leaves_a_buffer_with_errors_alone():
    broken = "person ana {\n  email: \n"
    refused = subprocess.run([os.environ["MENTOR_BINARY"], "fmt"], input=broken, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and refused.stdout == "", refused
    assert formatted_buffer(broken) == broken.rstrip("\n").split("\n")


sys.exit(run_tests(__file__, globals()))
