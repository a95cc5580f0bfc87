"""Times `mentor lsp` on a generated corpus (Scripts/bench_corpus.py): start-up to the first
full set of published diagnostics, an edit of one agreement file to its published diagnostics
(median and 90th percentile over N edits, each waited for), and the server's resident memory
before and after those edits. Scripts/bench_measure.py calls `measure`; by hand:

    python3 Scripts/bench_lsp.py --binary .build/release/mentor --folder CORPUS/mentor [--edits 1000]

Standard library only (the raw client of Tests/LSP frames the messages).
"""

import argparse
import json
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "LSP"))
from raw_client import RawClient  # noqa: E402


def memory_mib(pid: int) -> dict:
    """The process's resident memory now (VmRSS) and at its peak so far (VmHWM), in MiB."""
    found = {}
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def percentile(sorted_values: list, fraction: float) -> float:
    """The nearest-rank percentile of an ascending list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def is_publication(message: dict, uri: str = None, version: int = None) -> bool:
    if message.get("method") != "textDocument/publishDiagnostics":
        return False
    params = message["params"]
    return (uri is None or params["uri"] == uri) and (version is None or params.get("version") == version)


def measure(binary: str, folder: pathlib.Path, edits: int, today: str, progress=lambda text: None) -> dict:
    """Runs the server on `folder` (a corpus's `mentor` folder) and returns the figures in
    seconds and MiB, with the first full set's diagnostic counts by severity."""
    folder = folder.resolve()
    target = sorted((folder / "agreements").glob("*.mentor"))[0]
    client = RawClient([binary, "lsp", "--today", today])
    try:
        started = time.monotonic()
        client.request(1, "initialize", {"capabilities": {}, "workspaceFolders": [{"uri": folder.as_uri(), "name": "bench"}]})
        client.response(1, timeout=600)
        client.notify("initialized", {})
        # A query about the programme waits for the build in progress and is answered right
        # after that build's diagnostics are published: its answer marks the end of the full set.
        client.request(2, "textDocument/foldingRange", {"textDocument": {"uri": target.as_uri()}})
        latest = {}
        while True:
            message = client.read(timeout=600)
            if is_publication(message):
                latest[message["params"]["uri"]] = message["params"]["diagnostics"]
            elif message.get("id") == 2 and "method" not in message:
                break
        first = time.monotonic() - started
        severities = [d.get("severity") for diagnostics in latest.values() for d in diagnostics]
        counts = {"errors": severities.count(1), "warnings": severities.count(2), "others": len(severities)
                  - severities.count(1) - severities.count(2)}
        progress(f"first full set after {first:.2f} s; {len(latest)} files with diagnostics")

        text = target.read_text(encoding="utf-8")
        uri = target.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "mentor", "version": 1, "text": text}})
        client.read_until(lambda m: is_publication(m, uri, 1), timeout=600)
        before = memory_mib(client.process.pid)
        # Each edit flips one character of the first string literal and back, so the text stays
        # valid and every other edit restores the original.
        quote = text.index('"') + 1
        line = text.count("\n", 0, quote)
        column = quote - (text.rfind("\n", 0, quote) + 1)
        original = text[quote]
        latencies = []
        for edit in range(edits):
            version = edit + 2
            character = "x" if edit % 2 == 0 else original
            sent = time.monotonic()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": column},
                                              "end": {"line": line, "character": column + 1}}, "text": character}]})
            client.read_until(lambda m: is_publication(m, uri, version), timeout=600)
            latencies.append(time.monotonic() - sent)
            if (edit + 1) % 100 == 0:
                progress(f"{edit + 1} edits, {memory_mib(client.process.pid)['VmRSS']:.0f} MiB")
        after = memory_mib(client.process.pid)
        client.request(3, "shutdown")
        client.response(3, timeout=600)
        client.notify("exit")
        client.wait(60)
    finally:
        client.close()

    latencies.sort()
    return {"firstFullSetSeconds": first, "firstFullSetCounts": counts, "edits": edits,
            "editSeconds": {"median": percentile(latencies, 0.5), "p90": percentile(latencies, 0.9),
                            "min": latencies[0], "max": latencies[-1]} if latencies else None,
            "rssBeforeMiB": before["VmRSS"], "rssAfterMiB": after["VmRSS"], "peakRSSMiB": after["VmHWM"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--folder", required=True, type=pathlib.Path)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--today", default="2026-06-01")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure(args.binary, args.folder, args.edits, args.today,
                      progress=lambda text: print(text, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"startup to first full set         {figures['firstFullSetSeconds'] * 1000:10.0f} ms "
          f"({figures['firstFullSetCounts']['errors']} errors, {figures['firstFullSetCounts']['warnings']} warnings)")
    if figures["editSeconds"]:
        edit = figures["editSeconds"]
        print(f"edit to published diagnostics     {edit['median'] * 1000:10.1f} ms median, "
              f"{edit['p90'] * 1000:.1f} ms p90 ({figures['edits']} edits)")
    print(f"resident memory before/after      {figures['rssBeforeMiB']:10.1f} / {figures['rssAfterMiB']:.1f} MiB "
          f"(peak {figures['peakRSSMiB']:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
