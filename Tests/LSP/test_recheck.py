"""An edit of one file is checked at once (`Engine.recheck`, the fast path) and published with
the edit's version before the debounced full build, which then publishes the same again. A
structural edit (a rename) is left to the full build: one publication for its version.

Whether the fast path ran is seen in the messages, not the clock: it publishes the edited
file alone, and the full build publishes it again; a request about the programme is answered
only after the full build, so once its reply is read every publication of the edit has been."""

import pathlib

from conftest import server_command
from raw_client import RawClient


def publications(messages: list, uri: str, version: int) -> list:
    return [m["params"]["diagnostics"] for m in messages
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            and m["params"].get("version") == version]


def rules_of(diagnostics) -> list:
    return sorted(d["message"].split("[")[-1].split("]")[0] for d in diagnostics if d.get("code") == "M0520")


def settle(client: RawClient, uri: str, id: int) -> list:
    """Every message up to the reply to a query that waits for the build in progress."""
    client.request(id, "textDocument/foldingRange", {"textDocument": {"uri": uri}})
    messages = []
    while True:
        message = client.read(timeout=30)
        messages.append(message)
        if message.get("id") == id and "method" not in message:
            return messages


def edit(client: RawClient, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})


def open_ana_ines(client: RawClient, workspace: pathlib.Path) -> tuple[str, str]:
    path = workspace / "agreements" / "ana_ines.mentor"
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.start_session(workspace)
    client.open(uri, text)
    messages = settle(client, uri, 2)
    assert rules_of(publications(messages, uri, 1)[-1]) == ["no_supervisor", "smart_goals"]
    return uri, text


def test_fixing_a_violation_is_published_at_once_and_the_build_agrees(workspace: pathlib.Path):
    client = RawClient(server_command())
    try:
        uri, text = open_ana_ines(client, workspace)
        # Dave's supervisor is Lee, not Ana: no_supervisor holds now.
        edit(client, uri, 2, text.replace("mentee: ines", "mentee: dave"))
        first = client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
        assert first["params"]["uri"] == uri and first["params"]["version"] == 2
        assert rules_of(first["params"]["diagnostics"]) == ["smart_goals"]
        later = publications(settle(client, uri, 3), uri, 2)
        assert later == [first["params"]["diagnostics"]]

        # A type error: published at once, as the build publishes it.
        edit(client, uri, 3, text.replace("start: 2026-03-02", 'start: "soon"'))
        first = client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
        assert first["params"]["version"] == 3
        assert [d["code"] for d in first["params"]["diagnostics"]] == ["M0502"]
        assert publications(settle(client, uri, 4), uri, 3) == [first["params"]["diagnostics"]]

        # The last build stopped at this file's type error, so nothing is known of the rules:
        # the fix is the full build's to publish, once.
        edit(client, uri, 4, text)
        published = publications(settle(client, uri, 5), uri, 4)
        assert len(published) == 1
        assert rules_of(published[0]) == ["no_supervisor", "smart_goals"]

        # That build is whole again, so the next edit is rechecked at once.
        edit(client, uri, 5, text.replace("mentee: ines", "mentee: dave"))
        first = client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
        assert first["params"]["version"] == 5
        assert rules_of(first["params"]["diagnostics"]) == ["smart_goals"]
        assert publications(settle(client, uri, 6), uri, 5) == [first["params"]["diagnostics"]]
    finally:
        client.close()


def test_a_syntax_error_is_published_at_once(workspace: pathlib.Path):
    client = RawClient(server_command())
    try:
        uri, text = open_ana_ines(client, workspace)
        edit(client, uri, 2, text.replace("start: 2026-03-02", "start: 2026-03-02 {"))
        first = client.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=30)
        assert first["params"]["uri"] == uri and first["params"]["version"] == 2
        assert first["params"]["diagnostics"] and all(d["code"].startswith("M02") for d in first["params"]["diagnostics"])
        assert publications(settle(client, uri, 3), uri, 2) == [first["params"]["diagnostics"]]
    finally:
        client.close()


def test_a_rename_is_left_to_the_full_build(workspace: pathlib.Path):
    client = RawClient(server_command())
    try:
        uri, text = open_ana_ines(client, workspace)
        edit(client, uri, 2, text.replace("agreement ana_ines", "agreement ana_ines_renamed"))
        messages = settle(client, uri, 3)
        published = publications(messages, uri, 2)
        assert len(published) == 1
        assert rules_of(published[0]) == ["no_supervisor", "smart_goals"]
        logged = [m["params"]["message"] for m in messages if m.get("method") == "window/logMessage"]
        assert any(line.endswith("checked with the whole programme after the pause: the file's declarations changed")
                   for line in logged), logged
    finally:
        client.close()
