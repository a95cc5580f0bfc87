#!/usr/bin/env python3
"""Validates `mentor check`'s machine-readable output with real readers.

SARIF against the official 2.1.0 schema (check-jsonschema), JUnit XML with junitparser, and
the JSON report's documented shape. Prints one line per test and "N passed, N failed".
"""

import json
import os
import subprocess
import sys
import tempfile

from junitparser import JUnitXml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMME = os.path.join("Tests", "Fixtures", "credential-program")
SCHEMA = os.path.join(ROOT, "Tests", "Fixtures", "sarif-schema-2.1.0.json")
CHECK_JSONSCHEMA = os.path.join(os.path.dirname(sys.executable), "check-jsonschema")


def run_check(output_format):
    result = subprocess.run(
        [os.environ["MENTOR_BINARY"], "check", "--today", "2026-06-01", "--format", output_format, PROGRAMME],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, f"expected exit 1 (two errors), got {result.returncode}: {result.stderr}"
    return result.stdout


def test_sarif_validates_against_schema():
    with tempfile.NamedTemporaryFile("w", suffix=".sarif", delete=False) as file:
        file.write(run_check("sarif"))
        path = file.name
    try:
        result = subprocess.run([CHECK_JSONSCHEMA, "--schemafile", SCHEMA, path], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        with open(path, encoding="utf-8") as handle:
            results = json.load(handle)["runs"][0]["results"]
        assert sorted(r["ruleId"] for r in results) == ["no_supervisor", "smart_goals"], results
    finally:
        os.unlink(path)


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
    assert report["summary"] == {"files": 4, "errors": 2, "warnings": 0}, report["summary"]
    for diagnostic in report["diagnostics"]:
        assert {"code", "severity", "message", "file", "line", "column"} <= set(diagnostic)


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
