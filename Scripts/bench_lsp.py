"""Times `mentor lsp` on a generated corpus (Scripts/bench_corpus.py): start-up to the first
published diagnostics of the whole workspace, an edit of one agreement file to its published
diagnostics (median and 95th percentile over N edits, each waited for), and the server's
resident memory before and after those edits.

    python3 Scripts/bench_lsp.py --binary .build/release/mentor --folder /tmp/corpus10k/mentor [--edits 1000]
"""

import argparse
import pathlib
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "LSP"))
from raw_client import RawClient  # noqa: E402


def rss_mib(pid: int) -> float:
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--folder", required=True, type=pathlib.Path)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--today", default="2026-06-01")
    args = parser.parse_args()
    folder = args.folder.resolve()
    target = sorted((folder / "agreements").glob("*.mentor"))[0]

    client = RawClient([args.binary, "lsp", "--today", args.today])
    try:
        started = time.monotonic()
        client.request(1, "initialize", {"capabilities": {}, "workspaceFolders": [{"uri": folder.as_uri(), "name": "bench"}]})
        client.response(1, timeout=600)
        client.notify("initialized", {})
        client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=600)
        first = time.monotonic() - started

        text = target.read_text()
        uri = target.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "mentor", "version": 1, "text": text}})
        client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                          and m["params"].get("version") == 1, timeout=600)
        before = rss_mib(client.process.pid)
        # Each edit flips one character of the first string literal and back, so the text stays valid.
        quote = text.index('"') + 1
        line = text.count("\n", 0, quote)
        column = quote - (text.rfind("\n", 0, quote) + 1)
        original = text[quote]
        latencies = []
        for edit in range(args.edits):
            version = edit + 2
            character = "x" if edit % 2 == 0 else original
            sent = time.monotonic()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": column},
                                              "end": {"line": line, "character": column + 1}}, "text": character}]})
            client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                              and m["params"].get("version") == version, timeout=600)
            latencies.append(time.monotonic() - sent)
        after = rss_mib(client.process.pid)
        client.request(2, "shutdown")
        client.response(2, timeout=600)
        client.notify("exit")
        client.wait(60)
    finally:
        client.close()

    latencies.sort()
    print(f"startup to first diagnostics      {first * 1000:10.0f} ms")
    print(f"edit to published diagnostics     {statistics.median(latencies) * 1000:10.1f} ms median, "
          f"{latencies[int(len(latencies) * 0.95) - 1 if len(latencies) > 1 else 0] * 1000:.1f} ms p95 ({len(latencies)} edits)")
    print(f"resident memory before/after      {before:10.1f} / {after:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
