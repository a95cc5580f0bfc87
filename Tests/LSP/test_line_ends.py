"""Positions on the protocol's lines: a lone carriage return ends a line for the client
(LSP 3.17), though the language treats it as a blank inside a line, so a diagnostic after one must come on
the line the editor shows, and an edit after one must land where the editor made it."""

import pathlib

from conftest import server_command
from raw_client import RawClient

TEXT = 'person ana "Ana"\nperson bob "Bob" {\r\rsupervisor: zed }\n'


def test_a_lone_carriage_return_ends_a_line_for_diagnostics_and_edits(tmp_path: pathlib.Path):
    path = tmp_path / "people.mentor"
    uri = path.as_uri()
    client = RawClient(server_command())
    try:
        client.start_session(tmp_path)
        client.open(uri, TEXT)

        def diagnostics(version: int) -> list:
            return client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                     and m["params"]["uri"] == uri and m["params"].get("version") == version)["params"]["diagnostics"]

        found = diagnostics(1)
        assert len(found) == 1 and "zed" in found[0]["message"]
        column = len("supervisor: ")
        assert found[0]["range"]["start"] == {"line": 3, "character": column}
        # Replace `zed` (line 3 for the client, 1 for `check`) with `ana`: the error goes.
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": column}, "end": {"line": 3, "character": column + 3}}, "text": "ana"}]})
        assert diagnostics(2) == []
        client.request(2, "shutdown")
        client.response(2)
        client.notify("exit")
        assert client.wait() == 0
    finally:
        client.close()
