#!/usr/bin/env python3
"""Validates `mentor check`'s machine-readable output with real readers.

SARIF against the official 2.1.0 schema (check-jsonschema), JUnit XML with junitparser, TAP
with tap.py, GitHub Actions annotations by the workflow-command grammar GitHub documents, and
the JSON report against its published schema, docs/check.schema.json (check-jsonschema): the
examples, every golden case of `check --format json`, every golden programme checked on its
own, `DIR/...` with a programme that cannot be read. Prints one line per test and
"N passed, N failed".
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

from junitparser import JUnitXml
from tap.parser import Parser as TAPParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
import report_schemas  # noqa: E402
from json_schema_check import CHECK_JSONSCHEMA  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMME = os.path.join("Tests", "Fixtures", "credential-program")
# Three programmes checked each on its own: first/, script.mentor, second/ (one violation).
PATTERN = "Tests/Fixtures/programmes/..."
PATTERN_PROGRAMMES = ["Tests/Fixtures/programmes/first", "Tests/Fixtures/programmes/script.mentor",
                      "Tests/Fixtures/programmes/second"]
SCHEMA = os.path.join(ROOT, "Tests", "Fixtures", "sarif-schema-2.1.0.json")


def run_check(output_format, programme=PROGRAMME, expected_status=1, *extra):
    result = subprocess.run(
        [os.environ["MENTOR_BINARY"], "check", "--today", "2026-06-01", "--format", output_format, *extra, programme],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == expected_status, \
        f"expected exit {expected_status}, got {result.returncode}: {result.stderr}"
    return result.stdout


# A workflow command as GitHub documents it: `::NAME PROPERTIES::MESSAGE`, properties
# `key=value` separated by commas, in which `%`, CR, LF, `:` and `,` must be percent-encoded,
# and a message in which `%`, CR and LF must be.
ANNOTATION = re.compile(
    r"^::(?P<command>error|warning|notice)"
    r"(?: (?P<properties>[A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*))?"
    r"::(?P<message>[^\r\n]*)$")
ANNOTATION_KEYS = {"file", "line", "col", "endLine", "endColumn", "title"}


def decode_annotation(line):
    """The command, its decoded properties and decoded message, checking the grammar."""
    match = ANNOTATION.match(line)
    assert match, f"not a workflow command: {line!r}"
    properties = {}
    for pair in (match["properties"] or "").split(","):
        key, value = pair.split("=", 1)
        assert key in ANNOTATION_KEYS, f"unknown property {key!r} in {line!r}"
        assert not re.search(r"%(?![0-9A-F]{2})", value), f"stray % in {value!r}"
        properties[key] = urllib.parse.unquote(value)
    assert not re.search(r"%(?![0-9A-F]{2})", match["message"]), f"stray % in {line!r}"
    return match["command"], properties, urllib.parse.unquote(match["message"])


def test_github_annotations_follow_the_grammar():
    lines = run_check("github").splitlines()
    *commands, summary = lines
    assert summary == "2 errors in 4 files", summary
    decoded = [decode_annotation(line) for line in commands]
    assert [command for command, _, _ in decoded] == ["error", "error"], decoded
    for _, properties, message in decoded:
        assert properties["file"] == "Tests/Fixtures/credential-program/agreements/ana_ines.mentor", properties
        assert int(properties["line"]) <= int(properties["endLine"])
        assert int(properties["col"]) < int(properties["endColumn"])
        assert "\nnote: required by rule" in message, message
    assert sorted(p["title"] for _, p, _ in decoded) == ["M0520 no_supervisor", "M0520 smart_goals"]


def test_github_annotations_encode_what_the_grammar_reserves():
    programme = os.path.join("Tests", "Golden", "check", "github_escaping.mentor")
    lines = run_check("github", programme, 0).splitlines()
    command, properties, message = decode_annotation(lines[0])
    assert command == "warning", lines
    assert message == ("100% of the scope is missing: write it,\nthen agree it\n"
                       "note: required by rule `has_scope`: Scope: written, agreed"), message
    assert properties["title"] == "M0521 has_scope", properties
    assert lines[1] == "1 warning in 1 file", lines


def parse_tap(text):
    lines = list(TAPParser().parse_text(text))
    assert lines[0].category == "version" and lines[0].version == 14, lines[0]
    assert not [line for line in lines if line.category == "unknown"], text
    plans = [line for line in lines if line.category == "plan"]
    results = [line for line in lines if line.category == "test"]
    assert len(plans) == 1 and plans[0].expected_tests == len(results), text
    assert [int(result.number) for result in results] == list(range(1, len(results) + 1))
    return results


def test_tap_reads_back_one_point_per_file():
    results = parse_tap(run_check("tap"))
    names = [result.description.removeprefix("- ") for result in results]
    assert names == [f"Tests/Fixtures/credential-program/{name}.mentor"
                     for name in ["agreements/ana_dave", "agreements/ana_ines", "people", "program"]], names
    failed = [result for result in results if not result.ok]
    assert len(failed) == 1, failed
    block = failed[0].yaml_block
    assert block["message"] == "2 errors", block
    assert sorted(d["rule"] for d in block["diagnostics"]) == ["no_supervisor", "smart_goals"], block
    assert all(d["code"] == "M0520" and d["line"] >= 1 for d in block["diagnostics"]), block


def test_tap_strict_fails_a_file_with_a_warning():
    programme = os.path.join("Tests", "Golden", "check", "github_escaping.mentor")
    (lenient,) = parse_tap(run_check("tap", programme, 0))
    assert lenient.ok and lenient.yaml_block["diagnostics"][0]["severity"] == "warning", lenient
    (strict,) = parse_tap(run_check("tap", programme, 1, "--strict"))
    assert not strict.ok, strict


def validated_sarif(*check_arguments):
    """The log of `check --format sarif`, after check-jsonschema has accepted it."""
    report = run_check("sarif", *check_arguments)
    with tempfile.NamedTemporaryFile("w", suffix=".sarif", delete=False) as file:
        file.write(report)
        path = file.name
    try:
        result = subprocess.run([CHECK_JSONSCHEMA, "--schemafile", SCHEMA, path], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
    finally:
        os.unlink(path)
    return json.loads(report)


def validated_sarif_results(*check_arguments):
    """The results of `check --format sarif`'s one run, after check-jsonschema has accepted the report."""
    return validated_sarif(*check_arguments)["runs"][0]["results"]


def test_sarif_validates_against_schema():
    results = validated_sarif_results()
    assert sorted(r["ruleId"] for r in results) == ["no_supervisor", "smart_goals"], results


def test_sarif_waived_results_validate_and_carry_suppressions():
    """A waived violation is a result with an accepted in-source suppression, and still valid SARIF."""
    results = validated_sarif_results(os.path.join("Tests", "Golden", "waivers", "sarif.mentor"), 0)
    suppressed = {r["ruleId"]: r["suppressions"] for r in results if "suppressions" in r}
    assert sorted(suppressed) == ["capacity", "no_supervisor"], results
    (reorganisation,) = suppressed["no_supervisor"]
    assert reorganisation["kind"] == "inSource" and reorganisation["status"] == "accepted", reorganisation
    assert reorganisation["justification"] == "Upward mentoring agreed until the reorganisation", reorganisation


def test_sarif_rules_carry_their_help():
    """Each rule's help is its code's documentation (`mentor explain`); no placeholder address."""
    driver = json.loads(run_check("sarif"))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver, driver
    for rule in driver["rules"]:
        help_text = rule["help"]
        assert help_text["text"].startswith("A `require` whose condition is false"), rule
        assert "\n\nFix: " in help_text["text"], rule
        assert "**Fix**" in help_text["markdown"], rule


def test_junit_reads_back():
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as file:
        file.write(run_check("junit"))
        path = file.name
    try:
        xml = JUnitXml.fromfile(path)
        cases = {case.name: case for suite in xml for case in suite}
        assert {"no_supervisor", "smart_goals", "capacity"} <= set(cases), sorted(cases)
        failed = sorted(name for name, case in cases.items() if not case.is_passed)
        assert failed == ["no_supervisor", "smart_goals"], failed
    finally:
        os.unlink(path)


def test_json_shape():
    report = json.loads(run_check("json"))
    assert report["version"] == 1
    assert report["summary"] == {"files": 4, "errors": 2, "warnings": 0, "waived": 0}, report["summary"]
    for diagnostic in report["diagnostics"]:
        assert {"code", "severity", "message", "file", "line", "column"} <= set(diagnostic)


def test_pattern_sarif_has_one_valid_run_per_programme():
    runs = validated_sarif(PATTERN)["runs"]
    assert [run["automationDetails"]["id"] for run in runs] == [p + "/" for p in PATTERN_PROGRAMMES], runs
    assert [len(run["results"]) for run in runs] == [0, 0, 1], runs
    (result,) = runs[2]["results"]
    assert result["ruleId"] == "no_supervisor", result
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith(PATTERN_PROGRAMMES[2] + "/"), uri


def test_pattern_junit_has_one_suite_per_programme():
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as file:
        file.write(run_check("junit", PATTERN))
        path = file.name
    try:
        suites = list(JUnitXml.fromfile(path))
        assert [suite.name for suite in suites] == PATTERN_PROGRAMMES, [suite.name for suite in suites]
        failed = [(case.classname, case.name) for suite in suites for case in suite if not case.is_passed]
        assert failed == [(PATTERN_PROGRAMMES[2], "no_supervisor")], failed
    finally:
        os.unlink(path)


def test_pattern_tap_is_one_stream_numbered_on():
    text = run_check("tap", PATTERN)
    results = parse_tap(text)
    assert [r.description.removeprefix("- ") for r in results] == [
        "Tests/Fixtures/programmes/first/programme.mentor", "Tests/Fixtures/programmes/script.mentor",
        "Tests/Fixtures/programmes/second/agreements/lee_ana.mentor", "Tests/Fixtures/programmes/second/people.mentor"]
    assert [r.ok for r in results] == [True, True, False, True], results
    comments = [line for line in text.splitlines() if line.startswith("# ")]
    assert comments == ["# " + p for p in PATTERN_PROGRAMMES], comments


def test_pattern_json_has_each_programmes_report():
    report = json.loads(run_check("json", PATTERN))
    assert report["summary"] == {"programmes": 3, "files": 4, "errors": 1, "warnings": 0, "waived": 0}, report["summary"]
    assert [p["path"] for p in report["programmes"]] == PATTERN_PROGRAMMES
    second = report["programmes"][2]
    assert second["summary"] == {"files": 2, "errors": 1, "warnings": 0, "waived": 0}, second
    assert [d["code"] for d in second["diagnostics"]] == ["M0520"], second


def test_pattern_unreadable_programme_in_every_format():
    """A programme none of whose files can be read (its one file a dangling link) still has its
    part in each format, the SARIF still validates, and the exit status is 2."""
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "bad"))
        os.makedirs(os.path.join(folder, "good"))
        os.symlink("/nonexistent/gone.mentor", os.path.join(folder, "bad", "gone.mentor"))
        with open(os.path.join(folder, "good", "a.mentor"), "w") as handle:
            handle.write("let a = 1\n")
        pattern = os.path.join(folder, "...")
        bad, good = os.path.join(folder, "bad"), os.path.join(folder, "good")
        runs = validated_sarif(pattern, 2)["runs"]
        assert [run["automationDetails"]["id"] for run in runs] == [bad + "/", good + "/"], runs
        assert runs[0]["invocations"][0]["executionSuccessful"] is False and runs[0]["results"] == [], runs[0]
        assert "invocations" not in runs[1], runs[1]
        report = json.loads(run_check("json", pattern, 2))
        assert [(p["path"], p["summary"]) for p in report["programmes"]] == [
            (bad, None), (good, {"files": 1, "errors": 0, "warnings": 0, "waived": 0})], report
        results = parse_tap(run_check("tap", pattern, 2))
        assert [(r.ok, r.description.removeprefix("- ")) for r in results] == [(False, bad), (True, good + "/a.mentor")], results
        with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as file:
            file.write(run_check("junit", pattern, 2))
            path = file.name
        try:
            suites = list(JUnitXml.fromfile(path))
            assert [suite.name for suite in suites] == [bad, good], suites
            assert [case.name for case in suites[0]] == ["programme"] and not list(suites[0])[0].is_passed
        finally:
            os.unlink(path)


def unreadable_pattern(folder):
    """DIR/... of two programmes, `bad` (its one file a dangling link) and `good`: (pattern, bad, good)."""
    os.makedirs(os.path.join(folder, "bad"))
    os.makedirs(os.path.join(folder, "good"))
    os.symlink("/nonexistent/gone.mentor", os.path.join(folder, "bad", "gone.mentor"))
    with open(os.path.join(folder, "good", "a.mentor"), "w") as handle:
        handle.write("let a = 1\n")
    return os.path.join(folder, "..."), os.path.join(folder, "bad"), os.path.join(folder, "good")


def test_json_schema_is_valid_draft_2020_12():
    result = subprocess.run([CHECK_JSONSCHEMA, "--check-metaschema", report_schemas.schema_path("check")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_json_validates_against_the_schema():
    """One programme, DIR/..., waived violations shown, and a DIR/... with a programme that
    cannot be read (whose part has a null summary): each report is valid."""
    with tempfile.TemporaryDirectory() as folder:
        pattern, bad, _ = unreadable_pattern(folder)
        documents = [run_check("json"), run_check("json", "Examples/..."), run_check("json", "Examples/hello.mentor", 0),
                     run_check("json", PATTERN), run_check("json", pattern, 2),
                     run_check("json", os.path.join("Tests", "Golden", "waivers", "json.mentor"), 0, "--show-waived")]
        report_schemas.assert_valid("check", documents)
        report_schemas.assert_summaries_agree("check", documents[:-1])
        report_schemas.assert_summaries_agree("check", documents[-1:], waived_listed=True)
        # One programme that cannot be read writes no report at all: the reason is on standard error.
        assert run_check("json", bad, 2) == ""
    assert any("waiver" in d for d in json.loads(documents[-1])["diagnostics"]), documents[-1]


def test_json_of_every_golden_case_validates():
    """Each golden whose command is `check --format json` writes a report the schema accepts."""
    cases, outputs = report_schemas.golden_json_outputs("check")
    assert len(cases) >= 5, cases
    report_schemas.assert_valid("check", outputs)
    for (_, arguments), output in zip(cases, outputs):
        report_schemas.assert_summaries_agree("check", [output], waived_listed="--show-waived" in arguments)


def test_json_of_every_golden_programme_validates():
    """Every golden programme checked on its own, waivers shown: its syntax, name and rule
    errors, their labels, notes and suggestions, each in a report the schema accepts whose
    summary counts its diagnostics."""
    reports = report_schemas.reports_of_every_golden("check", "--show-waived")
    diagnostics = [d for report in reports for d in json.loads(report)["diagnostics"]]
    for key in ("labels", "notes", "suggestions"):
        assert any(d[key] for d in diagnostics), f"no golden diagnostic has {key}"
    assert any("waiver" in d for d in diagnostics) and any(d["rule"] for d in diagnostics)
    report_schemas.assert_valid("check", reports)
    report_schemas.assert_summaries_agree("check", reports, waived_listed=True)


def test_json_schema_rejects_what_the_writer_never_writes():
    """The schema is closed and exact: a renamed key, a half-null location, an unknown
    severity, a code of another shape, an unread programme with diagnostics all fail."""
    report = json.loads(run_check("json"))
    broken = []
    renamed = json.loads(json.dumps(report))
    renamed["diagnostics"][0]["end_column"] = renamed["diagnostics"][0].pop("endColumn")
    broken.append((renamed, "a renamed key"))
    half = json.loads(json.dumps(report))
    half["diagnostics"][0]["file"] = None
    broken.append((half, "a location with a null file and a line"))
    severity = json.loads(json.dumps(report))
    severity["diagnostics"][0]["severity"] = "fatal"
    broken.append((severity, "an unknown severity"))
    code = json.loads(json.dumps(report))
    code["diagnostics"][0]["code"] = "E0520"
    broken.append((code, "a code that is not M and four digits"))
    summary = json.loads(json.dumps(report))
    del summary["summary"]["waived"]
    broken.append((summary, "a summary without waived"))
    programmes = json.loads(run_check("json", PATTERN))
    programmes["programmes"][2]["summary"] = None
    broken.append((programmes, "an unread programme with diagnostics"))
    for document, what in broken:
        report_schemas.assert_invalid("check", document, what)
    report_schemas.assert_miscount_rejected("check", report, "errors")


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
