"""A real editor: headless Neovim's built-in LSP client starts `mentor lsp`, opens an agreement
of the credential example, and a Lua script writes the diagnostics it received to a file."""

import os
import pathlib
import shutil
import subprocess

from conftest import TODAY, mentor_binary

SCRIPT = pathlib.Path(__file__).with_name("nvim_diagnostics.lua")


def test_neovim_receives_the_example_diagnostics(workspace, tmp_path):
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is needed (Scripts/lib/setup.sh ensure_neovim installs it)"
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, MENTOR_BINARY=mentor_binary(), MENTOR_NVIM_OUT=str(out), MENTOR_NVIM_EXPECT="2",
               MENTOR_NVIM_ROOT=str(workspace), MENTOR_NVIM_TODAY=TODAY, HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path))
    completed = subprocess.run(
        [nvim, "--headless", "--clean", str(workspace / "agreements" / "ana_ines.mentor"), "-c", f"luafile {SCRIPT}"],
        env=env, cwd=workspace, timeout=60, capture_output=True)
    lines = out.read_text().splitlines() if out.exists() else [f"no output; nvim said: {completed.stderr!r}"]
    assert lines == [
        "2:11 error M0520 Ana Ruiz supervises Inês Duarte [no_supervisor]",
        "11:8 error M0520 goal `presenting` is due 2026-10-15, after the agreement ends on 2026-09-02 [smart_goals]",
    ]
    assert completed.returncode == 0
