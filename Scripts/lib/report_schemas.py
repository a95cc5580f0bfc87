"""What Scripts/e2e/check_formats.py and test_formats.py share to hold `check --format json`
and `test --format json` to their published schemas, docs/check.schema.json and
docs/test.schema.json: validation with the venv's check-jsonschema, the golden cases whose
command writes such a report, and every golden programme as an input that reaches many
diagnostics (labels, notes, suggestions, locations with no file).
"""

import concurrent.futures
import json
import os
import subprocess
import tempfile

from json_schema_check import CHECK_JSONSCHEMA, validate_documents  # noqa: F401 (CHECK_JSONSCHEMA is read by the scripts)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "Tests", "Golden")


def schema_path(command):
    return os.path.join(ROOT, "docs", f"{command}.schema.json")


def mentor(*arguments):
    return subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, text=True, timeout=120)


def validate(command, documents, schema=None):
    """check-jsonschema's verdict on `documents` (strings) against the command's schema, or
    against `schema` (a dict) when given."""
    if schema is None:
        return validate_documents(schema_path(command), documents, command)
    with tempfile.TemporaryDirectory() as folder:
        schema_file = os.path.join(folder, "schema.json")
        with open(schema_file, "w") as handle:
            json.dump(schema, handle)
        return validate_documents(schema_file, documents, command)


def assert_valid(command, documents, schema=None):
    assert documents, "nothing to validate"
    result = validate(command, documents, schema)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def assert_invalid(command, document, what):
    result = validate(command, [json.dumps(document)])
    assert result.returncode != 0, f"the schema accepted {what}"


def golden_files():
    paths = []
    for folder, _, names in os.walk(GOLDEN):
        paths += [os.path.relpath(os.path.join(folder, name), ROOT) for name in names if name.endswith(".mentor")]
    return sorted(paths)


def golden_json_cases(command):
    """(golden, arguments) for each golden whose first line `// mentor: ARGS` runs `command`
    with `--format json`, `{file}` and `{dir}` replaced as GoldenTests replaces them."""
    cases = []
    for path in golden_files():
        with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as handle:
            first = handle.readline().rstrip("\n")
        if not first.startswith("// mentor:"):
            continue
        words = first[len("// mentor:"):].split()
        if not words or words[0] != command or "json" not in [b for a, b in zip(words, words[1:]) if a == "--format"]:
            continue
        cases.append((path, [w.replace("{file}", path).replace("{dir}", os.path.dirname(path)) for w in words]))
    return cases


def golden_json_outputs(command):
    """The standard output of every golden case of `command --format json`, which must be a report."""
    cases = golden_json_cases(command)
    outputs = []
    for path, arguments in cases:
        result = mentor(*arguments)
        assert result.stdout.strip(), f"{path}: no report on standard output: {result.stderr}"
        outputs.append(result.stdout)
    return cases, outputs


def reports_of_every_golden(command, *extra):
    """`command --format json GOLDEN` for every golden programme on its own: a report of
    whatever that file holds (syntax errors, name errors, rule violations, tests)."""
    def run(path):
        return path, mentor(command, "--today", "2026-06-01", "--format", "json", *extra, path)

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, golden_files()))
    reports = []
    for path, result in results:
        # A golden that is not UTF-8 or not readable as one programme may write no report (exit 2).
        if result.returncode == 2 and not result.stdout:
            continue
        assert result.stdout.strip(), f"{path}: exit {result.returncode} with no report: {result.stderr}"
        reports.append(result.stdout)
    return reports


def assert_summaries_agree(command, documents, waived_listed=False):
    """What the schema cannot say: each summary counts what its lists hold, and a `DIR/...`
    document's summary adds its programmes' up. For `check`, `errors` and `warnings` count the
    diagnostics of that severity without a waiver, and `waived` those with one (listed only
    with --show-waived, `waived_listed`); for `test`, `tests` is `passed` plus `failed`, and
    `errors` the programme's errors, which leave no test run."""
    for document in documents:
        report = json.loads(document)
        parts = report["programmes"] if "programmes" in report else [report]
        for part in parts:
            summary = part["summary"]
            if summary is None:
                continue
            if command == "check":
                diagnostics = part["diagnostics"]
                unwaived = [d["severity"] for d in diagnostics if "waiver" not in d]
                counted = {"errors": unwaived.count("error"), "warnings": unwaived.count("warning")}
                if waived_listed:
                    counted["waived"] = sum("waiver" in d for d in diagnostics)
                else:
                    assert all("waiver" not in d for d in diagnostics), part
            else:
                tests = part["tests"]
                counted = {"tests": len(tests), "passed": sum(t["passed"] for t in tests),
                           "failed": sum(not t["passed"] for t in tests), "errors": len(part["diagnostics"])}
                assert not (tests and part["diagnostics"]), f"tests ran in a programme with errors: {part}"
            assert {key: summary[key] for key in counted} == counted, (summary, counted)
        if "programmes" in report:
            total = {key: sum(p["summary"][key] for p in parts if p["summary"] is not None)
                     for key in report["summary"] if key != "programmes"}
            assert {key: report["summary"][key] for key in total} == total, (report["summary"], total)
            assert report["summary"]["programmes"] == len(parts), report["summary"]


def assert_miscount_rejected(command, report, key):
    """`assert_summaries_agree` refuses `report` (a parsed single-programme report) once its
    summary's `key` is one more than its lists give."""
    miscounted = json.loads(json.dumps(report))
    miscounted["summary"][key] += 1
    try:
        assert_summaries_agree(command, [json.dumps(miscounted)])
    except AssertionError:
        return
    raise AssertionError(f"a summary that miscounts its {key} was taken")
