"""Shared set-up for the language server's end-to-end tests: the binary under test and a
fresh copy of the credential example for each test, so edits and saves never touch the repo."""

import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "Examples" / "credential-program"


def mentor_binary() -> str:
    binary = os.environ.get("MENTOR_BINARY")
    if not binary:
        raise RuntimeError("MENTOR_BINARY must name the built mentor executable")
    return binary


# The example's expectations (its agreement ends on 2026-09-02) hold on this date.
TODAY = "2026-06-01"


def server_command() -> list[str]:
    return [mentor_binary(), "lsp", "--today", TODAY]


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of Examples/credential-program."""
    target = tmp_path / "credential-program"
    shutil.copytree(EXAMPLE, target)
    return target
