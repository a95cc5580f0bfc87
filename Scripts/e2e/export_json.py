#!/usr/bin/env python3
"""Validates `mentor export --format json` against docs/export.schema.json (check-jsonschema),
and checks `-o`: the file is written whole, keeps its mode, and an export that fails leaves
the old file as it was. Prints one line per test and a summary.
"""

import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
from json_schema_check import CHECK_JSONSCHEMA, validate_documents  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "docs", "export.schema.json")
EXAMPLES = os.path.join("Examples", "credential-program")
RICH = os.path.join("Tests", "Fixtures", "export-rich")


def mentor(*arguments):
    return subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, timeout=60)


def validate(documents):
    result = validate_documents(SCHEMA, documents, "export")
    assert result.returncode == 0, result.stdout + result.stderr


def export_json(*arguments):
    result = mentor("export", "--format", "json", "--today", "2026-03-10", *arguments)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_schema_is_valid_draft_2020_12():
    result = subprocess.run([CHECK_JSONSCHEMA, "--check-metaschema", SCHEMA], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_outputs_validate_against_the_schema():
    documents = [export_json("ana_dave", EXAMPLES), export_json("ana_ines", EXAMPLES), export_json(EXAMPLES),
                 export_json("zoë_kai", RICH), export_json(RICH)]
    validate(documents)
    programme = json.loads(documents[2])
    assert [a["id"] for a in programme["agreements"]] == ["ana_dave", "ana_ines"]
    assert len(programme["agreements"][0]["sessions"]) == 15


def test_new_fields_and_programme_fields_validate():
    # Observation records in `held`, owned actions, locations, goal progress, and a programme's
    # own fields under `fields`.
    follow, fields = os.path.join("Tests", "Fixtures", "follow-through"), os.path.join("Tests", "Fixtures", "programme-fields")
    documents = [export_json("ana_ines", follow), export_json(follow), export_json("ana_dave", fields), export_json(fields)]
    validate(documents)
    programme = json.loads(documents[3])
    assert programme["people"][0]["fields"] == {"department": "Sales"}
    assert programme["agreements"][0]["mentor"] == {"id": "ana", "name": "Ana Ruiz", "email": None}
    # A session's own fields ride in each `sessions` record, null where the agenda does not give them.
    assert [session["fields"] for session in programme["agreements"][0]["sessions"]] == \
        [{"room_booked": True}, {"room_booked": None}, {"room_booked": None}]


def test_the_schema_rejects_a_broken_document():
    document = json.loads(export_json("ana_dave", EXAMPLES))
    document["agreement"]["sessions"][0]["date"] = "12/01/2026"
    try:
        validate([json.dumps(document).encode()])
    except AssertionError:
        return
    raise AssertionError("a session date that is not ISO 8601 must fail validation")


def test_output_file_is_written_and_keeps_its_mode():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "ana_dave.ics")
        with open(path, "w") as handle:
            handle.write("old")
        os.chmod(path, 0o640)
        result = mentor("export", "--format", "ics", "--today", "2026-01-05", "-o", path, "ana_dave", EXAMPLES)
        assert result.returncode == 0 and result.stdout == b"", result.stderr
        with open(path, "rb") as handle:
            written = handle.read()
        expected = mentor("export", "--format", "ics", "--today", "2026-01-05", "ana_dave", EXAMPLES).stdout
        assert written == expected
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
        assert os.listdir(folder) == ["ana_dave.ics"], os.listdir(folder)


def test_a_failed_export_leaves_the_old_file():
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "handout.md")
        with open(path, "w") as handle:
            handle.write("old handout\n")
        result = mentor("export", "--format", "md", "-o", path, "anna_dave", EXAMPLES)
        assert result.returncode == 1, result.returncode
        assert b"M0620" in result.stderr
        with open(path) as handle:
            assert handle.read() == "old handout\n"
        assert os.listdir(folder) == ["handout.md"], os.listdir(folder)


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
