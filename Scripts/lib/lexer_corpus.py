"""What the editor tests compare editors with: the golden and example `.mentor` files, and the
real lexer's tokens and parser's declarations for them, from `mentor-bench tokens` and
`mentor-bench declarations` (built beside the `mentor` that MENTOR_BINARY names)."""

import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Token kinds that are code: no editor may read them as a comment or string, nor a name as a
# keyword.
CODE_KINDS = {"identifier", "leftParen", "rightParen", "leftBracket", "rightBracket", "leftBrace",
              "rightBrace", "comma", "colon", "semicolon", "dot", "plus", "minus", "star", "slash",
              "equal", "equalEqual", "bangEqual", "less", "lessEqual", "greater", "greaterEqual",
              "arrow", "questionQuestion"}


def source_files():
    """Every `.mentor` file under Tests/Golden and Examples, sorted."""
    paths = []
    for top in ("Tests/Golden", "Examples"):
        for folder, _, names in os.walk(os.path.join(ROOT, top)):
            paths += [os.path.join(folder, name) for name in names if name.endswith(".mentor")]
    return sorted(paths)


def bench_lines(mode, paths):
    """`mentor-bench MODE` over `paths`: its JSON lines, grouped by file, in file order."""
    bench = os.path.join(os.path.dirname(os.environ["MENTOR_BINARY"]), "mentor-bench")
    result = subprocess.run([bench, mode, *paths], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = [[] for _ in paths]
    for line in result.stdout.splitlines():
        entry = json.loads(line)
        lines[entry["file"]].append(entry)
    return lines


def rejected_by_lexer(tokens):
    """Whether the lexer found an error: such a file has no true token stream to agree with."""
    return any(token["kind"] == "error" or token["error"] != "none" for token in tokens)
