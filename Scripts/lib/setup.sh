# Sourced by Scripts/mentor, Scripts/test and Scripts/bench: installs what a fresh Debian
# machine with Swift lacks, then builds. Quiet when everything is already there.
set -euo pipefail

MENTOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MENTOR_ROOT

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "setup: need root to run: $*" >&2; return 1; fi
}

# Installs Debian's PACKAGE when WHAT is missing: a command name, or a path that must exist (a
# header). apt is touched only then, so a machine that has everything is never updated.
ensure_debian_package() {
  local what="$1" package="$2"
  if [[ "$what" == /* ]]; then
    [ -e "$what" ] && return 0
  else
    command -v "$what" >/dev/null 2>&1 && return 0
  fi
  echo "setup: installing $package" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
}

# libedit's header is the REPL's only system dependency.
ensure_libedit() { ensure_debian_package /usr/include/histedit.h libedit-dev; }

# Release builds link mimalloc, which replaces malloc for the whole process: checking 100,000
# agreements took a quarter less CPU and a fifth less peak memory than with glibc's malloc
# (docs/performance.md). The -dev package brings the library it links against.
ensure_mimalloc() { ensure_debian_package "/usr/lib/$(uname -m)-linux-gnu/libmimalloc.so" libmimalloc-dev; }

# Headless Chromium renders `mentor status --format html` in Scripts/e2e/status_formats.py.
ensure_chromium() { ensure_debian_package chromium chromium; }

# Python helpers for tests (pty driving, schema and calendar validation) live in a venv.
ensure_venv() {
  local venv="$MENTOR_ROOT/.venv"
  local stamp="$venv/.requirements-installed"
  local requirements="$MENTOR_ROOT/Scripts/requirements.txt"
  if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ]; then
    echo "setup: preparing Python venv for test helpers" >&2
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
    touch "$stamp"
  fi
  MENTOR_PYTHON="$venv/bin/python"
  export MENTOR_PYTHON
}

# Builds the `mentor` executable (debug unless MENTOR_CONFIGURATION=release) and prints its path.
build_mentor() {
  local configuration="${MENTOR_CONFIGURATION:-debug}"
  (cd "$MENTOR_ROOT" && swift build -c "$configuration" --product mentor >&2)
  echo "$MENTOR_ROOT/.build/$configuration/mentor"
}

# Neovim, headless, checks the Vim syntax and ftplugin files in Editors/vim.
ensure_neovim() { ensure_debian_package nvim neovim; }

# Node runs the VS Code extension's client (Editors/vscode/extension.js) against stand-ins.
ensure_nodejs() { ensure_debian_package node nodejs; }
