#!/usr/bin/env python3
"""Checks `mentor status`'s machine and page forms: the JSON validates against
docs/status.schema.json (check-jsonschema), the CSV parses to a row per agreement, and the
HTML page renders in headless Chromium to a non-blank screenshot whose DOM holds one
timeline row per agreement. Prints one line per test and a summary.
"""

import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
from json_schema_check import CHECK_JSONSCHEMA, validate_documents  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "docs", "status.schema.json")
CREDENTIAL = os.path.join("Examples", "credential-program")
PROGRAMME = os.path.join("Tests", "Fixtures", "status-programme")
FORECAST = os.path.join("Tests", "Fixtures", "forecast-programme")
# The same two agreements with `std.signed_before_start` in force and left out.
SIGNED = os.path.join("Tests", "Golden", "status", "unsigned_required.mentor")
UNSIGNED = os.path.join("Tests", "Golden", "status", "unsigned_not_required.mentor")
# (paths, today, extra arguments): the two dates of each golden programme, and a forecast.
CASES = [
    (CREDENTIAL, "2026-02-15", []), (CREDENTIAL, "2026-10-01", []),
    (PROGRAMME, "2026-03-20", []), (PROGRAMME, "2026-06-10", []),
    (FORECAST, "2026-02-10", ["--until", "2026-06-30"]),
]


def mentor(*arguments):
    return subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, timeout=60)


def status(path, today, extra, form):
    result = mentor("status", path, "--today", today, "--format", form, *extra)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def validate(documents):
    return validate_documents(SCHEMA, documents, "status")


def test_schema_is_valid_draft_2020_12():
    result = subprocess.run([CHECK_JSONSCHEMA, "--check-metaschema", SCHEMA], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_json_validates_against_the_schema():
    documents = [status(path, today, extra, "json") for path, today, extra in CASES]
    result = validate(documents)
    assert result.returncode == 0, result.stdout + result.stderr
    june = json.loads(documents[3])
    assert [a["id"] for a in june["agreements"]] == ["sam_tom", "maya_olu", "tom_uma", "uma_rita", "rita_sam", "vic_maya"]
    assert june["counts"] == {"pending": 1, "active": 1, "lapsed": 2, "closed": 1, "ended": 1}
    assert june["totals"]["lapse_rate"] == 0.4
    forecast = json.loads(documents[4])
    assert sorted(a["forecast"]["kind"] for a in forecast["agreements"]) == sorted(
        ["starts_unsigned", "over_capacity", "review_due", "lapses", "ends_before_goal"])


def test_the_schema_rejects_a_broken_document():
    document = json.loads(status(PROGRAMME, "2026-03-20", [], "json"))
    del document["agreements"][0]["lapses_on"]
    document["agreements"][1]["status"] = "paused"
    result = validate([json.dumps(document).encode()])
    assert result.returncode != 0, "a document without lapses_on and with an unknown status validated"


def test_unsigned_only_when_signatures_are_required():
    """Every format shows the `unsigned` column only with `signed_before_start` in force; JSON
    has null without it, and both documents validate."""
    required, not_required = (status(path, "2026-03-20", [], "json") for path in (SIGNED, UNSIGNED))
    result = validate([required, not_required])
    assert result.returncode == 0, result.stdout + result.stderr
    assert {a["id"]: a["unsigned"] for a in json.loads(required)["agreements"]} == {"ana_bo": [], "dee_eli": ["dee", "eli"]}
    assert [a["unsigned"] for a in json.loads(not_required)["agreements"]] == [None, None]
    for path, shown in ((SIGNED, True), (UNSIGNED, False)):
        headings = next(csv.reader(io.StringIO(status(path, "2026-03-20", [], "csv").decode(), newline="")))
        assert ("unsigned" in headings) == shown, headings
        for form, heading in (("text", b"unsigned"), ("md", b"| unsigned |"), ("html", b"<th>unsigned</th>")):
            assert (heading in status(path, "2026-03-20", [], form)) == shown, (path, form)


def test_csv_has_a_row_per_agreement():
    rows = list(csv.reader(io.StringIO(status(PROGRAMME, "2026-03-20", [], "csv").decode(), newline="")))
    assert rows[0][:4] == ["agreement", "mentor", "mentee", "status"], rows[0]
    assert [row[0] for row in rows[1:]] == ["sam_tom", "tom_uma", "maya_olu", "uma_rita", "rita_sam", "vic_maya"]
    assert all(len(row) == len(rows[0]) for row in rows)


def chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    raise AssertionError("chromium is not installed (Scripts/lib/setup.sh: ensure_chromium)")


def headless(*arguments):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
             "--no-first-run", "--window-size=1280,1000"]
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *flags, f"--user-data-dir={profile}", *arguments],
                              capture_output=True, timeout=120)


def png_distinct_bytes(path):
    """The number of distinct byte values in the PNG's decompressed image data: a blank page
    (one colour) gives at most a handful, a drawn page many."""
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(idat)))


def test_html_renders_in_headless_chromium():
    for path, today, extra in CASES:
        page = status(path, today, extra, "html")
        agreements = len(json.loads(status(path, today, extra, "json"))["agreements"])
        assert b"<script" not in page and b"http://" not in page.replace(b"http://www.w3.org/2000/svg", b""), "the page must be self-contained"
        with tempfile.TemporaryDirectory() as folder:
            html = os.path.join(folder, "status.html")
            with open(html, "wb") as handle:
                handle.write(page)
            shot = os.path.join(folder, "status.png")
            result = headless(f"--screenshot={shot}", "file://" + html)
            assert os.path.exists(shot), result.stderr.decode(errors="replace")[-2000:]
            assert png_distinct_bytes(shot) > 16, "the screenshot is blank"
            dom = headless("--dump-dom", "file://" + html).stdout.decode()
            assert dom.count('class="timeline-row') == agreements, (path, today, dom.count('class="timeline-row'), agreements)
            assert dom.count("<tr class=") == agreements
            assert 'class="today"' in dom


if __name__ == "__main__":
    sys.exit(run_tests(__file__, globals()))
