"""Runs the language server's end-to-end tests (Tests/LSP): pytest-lsp drives `mentor lsp`
as an editor would, a raw client sends what no library would, and headless Neovim's built-in
client receives the example's diagnostics. Exit status is pytest's."""

import os
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parents[2]

if not os.environ.get("MENTOR_BINARY"):
    sys.exit("lsp.py: set MENTOR_BINARY to the built mentor executable")
sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(REPO / "Tests" / "LSP")],
                         cwd=REPO))
