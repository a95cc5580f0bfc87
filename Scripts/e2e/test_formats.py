#!/usr/bin/env python3
"""Validates `mentor test`'s machine-readable output with real readers.

JUnit XML with junitparser, TAP 14 with tap.py (its YAML blocks with PyYAML), and the JSON
report against its published schema, docs/test.schema.json (check-jsonschema): the examples,
every golden case of `test --format json`, every golden programme with tests, `DIR/...` with a
programme that cannot be read; `--run` selects tests by a regular expression. Prints one line
per test and "N passed, N failed".
"""

import json
import os
import re
import subprocess
import sys
import tempfile

from junitparser import Error, Failure, JUnitXml
from tap.parser import Parser as TAPParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
import report_schemas  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Two tests pass, one fails an expectation, one stops on a division by zero.
PROGRAMME = os.path.join("Tests", "Golden", "test", "text.mentor")
BROKEN = os.path.join("Tests", "Golden", "test", "programme_errors_tap.mentor")
# Two programmes tested each on its own: broken.mentor has a name error, fine/ one passing and
# one failing test.
PATTERN = "Tests/Fixtures/programmes-with-errors/..."
NAMES = ["arithmetic holds", "half of ten is four", "division by zero stops the test",
         "names with # and \\ are escaped in TAP"]


def run_test(output_format, *extra, programme=PROGRAMME, expected_status=1):
    result = subprocess.run(
        [os.environ["MENTOR_BINARY"], "test", "--format", output_format, *extra, programme],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == expected_status, \
        f"expected exit {expected_status}, got {result.returncode}: {result.stderr}"
    return result.stdout


def read_junit(text):
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as file:
        file.write(text)
        path = file.name
    try:
        return JUnitXml.fromfile(path)
    finally:
        os.unlink(path)


def test_json_shape():
    report = json.loads(run_test("json"))
    assert report["version"] == 1
    assert report["summary"] == {"files": 1, "tests": 4, "passed": 2, "failed": 2, "errors": 0}, report["summary"]
    assert [test["name"] for test in report["tests"]] == NAMES
    assert [test["passed"] for test in report["tests"]] == [True, False, False, True]
    for test in report["tests"]:
        assert {"file", "line", "column", "failures"} <= set(test), test
        for failure in test["failures"]:
            assert {"code", "severity", "message", "file", "line", "column"} <= set(failure), failure
    assert [f["code"] for t in report["tests"] for f in t["failures"]] == ["M0523", "M0403"]
    assert report["diagnostics"] == []


def test_json_programme_errors():
    report = json.loads(run_test("json", programme=BROKEN))
    assert report["summary"]["errors"] == 1 and report["summary"]["tests"] == 0, report["summary"]
    assert report["tests"] == [] and report["diagnostics"][0]["code"] == "M0301", report


def test_junit_reads_back():
    xml = read_junit(run_test("junit"))
    cases = [case for suite in xml for case in suite]
    assert [case.name for case in cases] == NAMES
    failed = [case.name for case in cases if not case.is_passed]
    assert failed == NAMES[1:3], failed
    results = [result for case in cases for result in case.result]
    assert all(isinstance(result, Failure) for result in results), results
    assert [result.type for result in results] == ["M0523", "M0403"]


def test_junit_programme_errors_are_one_error():
    xml = read_junit(run_test("junit", programme=BROKEN))
    cases = [case for suite in xml for case in suite]
    assert [case.name for case in cases] == ["programme"]
    assert isinstance(cases[0].result[0], Error), cases[0].result


def test_tap_reads_back():
    lines = list(TAPParser().parse_text(run_test("tap")))
    assert lines[0].category == "version" and lines[0].version == 14
    assert not [line for line in lines if line.category == "unknown"]
    (plan,) = [line for line in lines if line.category == "plan"]
    results = [line for line in lines if line.category == "test"]
    assert plan.expected_tests == len(results) == 4
    assert [result.ok for result in results] == [True, False, False, True]
    # tap.py ends a description at the first `#`, escaped or not, so compare the start only.
    assert [r.description.removeprefix("- ") for r in results[:3]] == NAMES[:3]
    assert results[3].description.startswith("- names with \\")
    expectation = results[1].yaml_block
    assert expectation["message"].startswith("expectation failed"), expectation
    assert expectation["at"]["line"] == 7 and expectation["failures"][0]["notes"] == ["left:  5", "right: 4"]
    assert results[2].yaml_block["failures"][0]["code"] == "M0403"


def test_tap_programme_errors_bail_out():
    lines = list(TAPParser().parse_text(run_test("tap", programme=BROKEN)))
    assert [line.category for line in lines][-1] == "bail", lines
    assert not [line for line in lines if line.category == "test"]


def test_run_selects_by_regular_expression():
    report = json.loads(run_test("json", "--run", "^(arith|names)", expected_status=0))
    assert [test["name"] for test in report["tests"]] == [NAMES[0], NAMES[3]], report["tests"]
    assert report["summary"]["tests"] == 2


def test_run_bad_regular_expression_is_a_usage_error():
    result = subprocess.run([os.environ["MENTOR_BINARY"], "test", "--run", "[a-", PROGRAMME],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result
    assert result.stdout == "" and "--run needs a regular expression" in result.stderr, result.stderr


def test_pattern_junit_has_one_suite_per_programme():
    suites = list(read_junit(run_test("junit", programme=PATTERN)))
    assert [suite.name for suite in suites] == ["Tests/Fixtures/programmes-with-errors/broken.mentor",
                                                "Tests/Fixtures/programmes-with-errors/fine"], suites
    broken, fine = ([case for case in suite] for suite in suites)
    assert [case.name for case in broken] == ["programme"] and isinstance(broken[0].result[0], Error), broken
    assert [(case.name, case.is_passed) for case in fine] == [("the answer", True), ("a wrong answer", False)], fine


def test_pattern_tap_is_one_stream_without_bailing_out():
    text = run_test("tap", programme=PATTERN)
    lines = list(TAPParser().parse_text(text))
    assert lines[0].category == "version" and lines[0].version == 14
    assert not [line for line in lines if line.category in ("unknown", "bail")], text
    (plan,) = [line for line in lines if line.category == "plan"]
    results = [line for line in lines if line.category == "test"]
    assert plan.expected_tests == len(results) == 3
    assert [int(r.number) for r in results] == [1, 2, 3]
    assert [r.ok for r in results] == [False, True, False], results
    errors = results[0].yaml_block
    assert errors["message"] == "tests not run: the programme has errors", errors
    assert [d["code"] for d in errors["diagnostics"]] == ["M0301"], errors


def test_pattern_json_has_each_programmes_report():
    report = json.loads(run_test("json", programme=PATTERN))
    assert report["summary"] == {"programmes": 2, "files": 2, "tests": 2, "passed": 1, "failed": 1, "errors": 1}, report
    broken, fine = report["programmes"]
    assert broken["tests"] == [] and [d["code"] for d in broken["diagnostics"]] == ["M0301"], broken
    assert [t["name"] for t in fine["tests"]] == ["the answer", "a wrong answer"], fine


def test_pattern_unreadable_programme_has_its_part():
    """A programme none of whose files can be read is a failing point in TAP, an <error> case
    in JUnit and a null summary in JSON; the others' tests run; exit 2."""
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "bad"))
        os.symlink("/nonexistent/gone.mentor", os.path.join(folder, "bad", "gone.mentor"))
        with open(os.path.join(folder, "good.mentor"), "w") as handle:
            handle.write('test "one" {\n  expect 1 == 1\n}\n')
        pattern = os.path.join(folder, "...")
        results = [line for line in TAPParser().parse_text(run_test("tap", programme=pattern, expected_status=2))
                   if line.category == "test"]
        assert [(r.ok, r.description.removeprefix("- ")) for r in results] == [(False, os.path.join(folder, "bad")), (True, "one")]
        assert results[0].yaml_block["message"] == "not tested: no file of it could be read", results[0].yaml_block
        suites = list(read_junit(run_test("junit", programme=pattern, expected_status=2)))
        assert isinstance(list(suites[0])[0].result[0], Error) and list(suites[1])[0].is_passed, suites
        report = json.loads(run_test("json", programme=pattern, expected_status=2))
        assert [p["summary"] is None for p in report["programmes"]] == [True, False], report
        assert report["summary"]["passed"] == 1 and report["summary"]["programmes"] == 2, report["summary"]


def test_json_schema_is_valid_draft_2020_12():
    result = subprocess.run([report_schemas.CHECK_JSONSCHEMA, "--check-metaschema", report_schemas.schema_path("test")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_json_schemas_share_the_diagnostic():
    """check and test reports hold the same diagnostics; the two schemas must describe them alike."""
    schemas = {}
    for command in ("check", "test"):
        with open(report_schemas.schema_path(command)) as handle:
            schemas[command] = json.load(handle)
    for name in ("diagnostic", "location", "code", "version"):
        assert schemas["check"]["$defs"][name] == schemas["test"]["$defs"][name], f"$defs/{name} differs"


def test_json_validates_against_the_schema():
    """Passing and failing tests, programme errors, the examples one by one and as DIR/...,
    and a DIR/... with a programme that cannot be read: each report is valid."""
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "bad"))
        os.symlink("/nonexistent/gone.mentor", os.path.join(folder, "bad", "gone.mentor"))
        with open(os.path.join(folder, "good.mentor"), "w") as handle:
            handle.write('test "one" {\n  expect 1 == 1\n}\n')
        documents = [run_test("json"), run_test("json", programme=BROKEN), run_test("json", programme=PATTERN),
                     run_test("json", programme="Examples/...", expected_status=0),
                     run_test("json", programme=os.path.join("Examples", "credential-program"), expected_status=0),
                     run_test("json", programme=os.path.join(folder, "..."), expected_status=2)]
        report_schemas.assert_valid("test", documents)
        report_schemas.assert_summaries_agree("test", documents)
        # One programme that cannot be read writes no report at all: the reason is on standard error.
        assert run_test("json", programme=os.path.join(folder, "bad"), expected_status=2) == ""
    assert json.loads(documents[-1])["programmes"][0]["summary"] is None, documents[-1]


def test_json_of_every_golden_case_validates():
    """Each golden whose command is `test --format json` writes a report the schema accepts."""
    cases, outputs = report_schemas.golden_json_outputs("test")
    assert len(cases) >= 4, cases
    report_schemas.assert_valid("test", outputs)
    report_schemas.assert_summaries_agree("test", outputs)


def test_json_of_every_golden_programme_with_tests_validates():
    """Every golden programme that declares a test, tested on its own: passes, failures and
    programme errors, each in a report the schema accepts."""
    def declares_a_test(path):
        with open(os.path.join(ROOT, path), encoding="utf-8", errors="replace") as handle:
            return re.search(r'^\s*test "', handle.read(), re.M) is not None

    with_tests = [path for path in report_schemas.golden_files() if declares_a_test(path)]
    reports = [report_schemas.mentor("test", "--format", "json", path).stdout for path in with_tests]
    parsed = [json.loads(report) for report in reports]
    assert any(r["diagnostics"] for r in parsed) and any(t["failures"] for r in parsed for t in r["tests"]), "no errors or failures"
    report_schemas.assert_valid("test", reports)
    report_schemas.assert_summaries_agree("test", reports)


def test_json_schema_rejects_what_the_writer_never_writes():
    """The schema is closed and exact: a renamed key, a test without passed, a half-null
    location, an unread programme with tests all fail."""
    report = json.loads(run_test("json"))
    broken = []
    renamed = json.loads(json.dumps(report))
    renamed["tests"][1]["failures"][0]["end_line"] = renamed["tests"][1]["failures"][0].pop("endLine")
    broken.append((renamed, "a renamed key in a failure"))
    passed = json.loads(json.dumps(report))
    del passed["tests"][0]["passed"]
    broken.append((passed, "a test without passed"))
    half = json.loads(json.dumps(report))
    half["tests"][0]["line"] = None
    broken.append((half, "a test whose line is null but file is not"))
    programmes = json.loads(run_test("json", programme=PATTERN))
    programmes["programmes"][1]["summary"] = None
    broken.append((programmes, "an unread programme with tests"))
    extra = json.loads(json.dumps(report))
    extra["summary"]["skipped"] = 0
    broken.append((extra, "a summary with a key the writer never writes"))
    for document, what in broken:
        report_schemas.assert_invalid("test", document, what)
    report_schemas.assert_miscount_rejected("test", report, "passed")


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
