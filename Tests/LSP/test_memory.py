"""The server's memory stays bounded while the user types: every edit rebuilds the programme,
and neither the builds replaced nor the heap they leave behind may accumulate. A few hundred
edits of a small generated programme, each waited for, then the resident memory after a
warm-up is compared with the memory at the end, with a generous bound: a build kept per edit,
or a new malloc arena per build as once happened, grows far past it."""

import pathlib
import subprocess
import sys

from conftest import REPO, TODAY, mentor_binary
from raw_client import RawClient

WARM_UP_EDITS = 40
MEASURED_EDITS = 200


def resident_mib(pid: int) -> float:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS line in /proc/PID/status")


def test_resident_memory_stays_bounded_over_hundreds_of_edits(tmp_path: pathlib.Path):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "Scripts" / "bench_corpus.py"), "--agreements", "40", "--seed", "7",
                    str(corpus)], check=True, stdout=subprocess.DEVNULL)
    folder = corpus / "mentor"
    target = sorted((folder / "agreements").glob("*.mentor"))[0]
    text = target.read_text(encoding="utf-8")
    uri = target.as_uri()
    # Each edit flips the first character of the first string literal and back: the text stays valid.
    quote = text.index('"') + 1
    line = text.count("\n", 0, quote)
    column = quote - (text.rfind("\n", 0, quote) + 1)
    original = text[quote]

    client = RawClient([mentor_binary(), "lsp", "--today", TODAY])
    try:
        client.start_session(folder)
        client.open(uri, text)

        def edit(version: int) -> None:
            character = "x" if version % 2 == 0 else original
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": column},
                                              "end": {"line": line, "character": column + 1}}, "text": character}]})
            client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri and m["params"].get("version") == version, timeout=60)

        for version in range(2, 2 + WARM_UP_EDITS):
            edit(version)
        warm = resident_mib(client.process.pid)
        for version in range(2 + WARM_UP_EDITS, 2 + WARM_UP_EDITS + MEASURED_EDITS):
            edit(version)
        after = resident_mib(client.process.pid)
        # Still answering, and its answers still come from a whole programme.
        client.request(2, "workspace/symbol", {"query": "credential"})
        assert client.response(2)["result"]
        client.request(3, "shutdown")
        client.response(3)
        client.notify("exit")
        assert client.wait() == 0
    finally:
        client.close()
    assert after <= warm * 1.5 + 16, f"resident memory grew from {warm:.1f} MiB to {after:.1f} MiB over {MEASURED_EDITS} edits"
