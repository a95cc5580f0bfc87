#!/usr/bin/env python3
"""`mentor doc -o DIR` end to end: the Markdown file equals the standard-output page, and the
HTML page is well-formed, self-contained (no script, no external resource) and holds one
heading per competency, pathway and rule, with each `///` comment. Prints one line per test.
"""

import html.parser
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = "Tests/Golden/coordinator/doc_std.mentor"
VOID = {"meta", "br"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.text, self.external = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" or "src" in attributes or attributes.get("href", "#").split(":")[0] in ("http", "https", "//"):
            self.external.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def mentor(*arguments):
    result = subprocess.run([os.environ["MENTOR_BINARY"], *arguments], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"mentor {' '.join(arguments)} exited {result.returncode}: {result.stderr}"
    return result.stdout


def test_written_pages():
    printed = mentor("doc", SOURCE)
    with tempfile.TemporaryDirectory() as scratch:
        folder = os.path.join(scratch, "site", "docs")
        mentor("doc", "-o", folder, SOURCE)
        assert sorted(os.listdir(folder)) == ["programme.html", "programme.md"]
        with open(os.path.join(folder, "programme.md"), encoding="utf-8") as markdown:
            assert markdown.read() == printed
        page = Page()
        with open(os.path.join(folder, "programme.html"), encoding="utf-8") as document:
            page.feed(document.read())
        page.close()
        assert page.stack == [], page.stack
        assert page.external == [], page.external
        for anchor in ("code_reading", "reviewing", "architecture", "reviewer", "other_team", "std.smart_goals", "std.inactivity"):
            assert anchor in page.ids, anchor
        text = "".join(page.text)
        for doc in ("Reading code others wrote", "Shadow two reviews.", "Mentees learn from someone outside their team.",
                    "Shapes systems | trades off * costs", "reviewing --> architecture"):
            assert doc in text, doc


sys.exit(run_tests(__file__, globals()))
