"""What a library client would never send: broken frames and JSON, unknown methods,
requests before `initialize` or after `shutdown`, files outside the workspace, a client that
vanishes. Each gets the protocol's answer (an error reply, or silence) and the server lives on."""

import pathlib

import pytest

from conftest import server_command
from raw_client import RawClient


@pytest.fixture
def raw():
    client = RawClient(server_command())
    yield client
    client.close()


def initialize(raw: RawClient, workspace: pathlib.Path, id=1):
    raw.request(id, "initialize", {"processId": None, "capabilities": {},
                                   "workspaceFolders": [{"uri": workspace.as_uri(), "name": "w"}]})
    reply = raw.response(id)
    raw.notify("initialized", {})
    return reply


def alive(raw: RawClient, id) -> None:
    """The server still answers: an unknown method gets MethodNotFound."""
    raw.request(id, "mentor/noSuchMethod", {})
    assert raw.response(id)["error"]["code"] == -32601


def test_requests_before_initialize_are_refused(raw, workspace):
    raw.request(1, "textDocument/formatting", {"textDocument": {"uri": "file:///x.mentor"}, "options": {}})
    assert raw.response(1)["error"]["code"] == -32002
    # Notifications before initialize are dropped; then initialize works.
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x.mentor", "languageId": "mentor", "version": 1, "text": ""}})
    assert "capabilities" in initialize(raw, workspace, id=2)["result"]
    raw.request(3, "initialize", {"capabilities": {}})
    assert raw.response(3)["error"]["code"] == -32600


def test_malformed_json_and_headers_get_errors_and_the_server_lives_on(raw, workspace):
    initialize(raw, workspace)
    body = b'{"jsonrpc": "2.0", "id": 5, "method": '
    raw.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    reply = raw.read_until(lambda m: "error" in m)
    assert reply["error"]["code"] == -32700 and reply["id"] is None
    alive(raw, 6)
    raw.send_bytes(b"Content-Length: banana\r\n\r\n")
    assert raw.read_until(lambda m: "error" in m)["error"]["code"] == -32700
    alive(raw, 7)
    raw.send_bytes(b"X-No-Length: 1\r\n\r\n")
    assert raw.read_until(lambda m: "error" in m)["error"]["code"] == -32700
    alive(raw, 8)
    # JSON, but not a request.
    raw.send([1, 2, 3])
    assert raw.read_until(lambda m: "error" in m)["error"]["code"] == -32600
    raw.send({"jsonrpc": "2.0", "id": 9})
    assert raw.response(9)["error"]["code"] == -32600
    alive(raw, 10)


def test_unknown_notifications_are_ignored_and_unknown_requests_refused(raw, workspace):
    initialize(raw, workspace)
    raw.notify("$/setTrace", {"value": "off"})
    raw.notify("mentor/whatever", {})
    raw.request("string-id", "$/unknownRequest", {})
    reply = raw.response("string-id")
    assert reply["error"]["code"] == -32601


def test_requests_for_files_outside_the_workspace_or_not_open(raw, workspace, tmp_path):
    initialize(raw, workspace)
    outside = (tmp_path / "elsewhere.mentor").as_uri()
    raw.request(2, "textDocument/formatting", {"textDocument": {"uri": outside}, "options": {"tabSize": 2, "insertSpaces": True}})
    assert raw.response(2)["error"]["code"] == -32602
    raw.request(3, "textDocument/rangeFormatting", {"textDocument": {"uri": "untitled:1"}})
    assert raw.response(3)["error"]["code"] == -32602
    alive(raw, 4)


def test_cancelled_request_is_answered_as_cancelled_or_completed(raw, workspace):
    initialize(raw, workspace)
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": (workspace / "people.mentor").as_uri(), "languageId": "mentor",
                                                        "version": 1, "text": "person lee \"Lee\"\n"}})
    # Sent in one write, so the cancellation is read before the request is worked on.
    import json
    request = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting",
                          "params": {"textDocument": {"uri": (workspace / "people.mentor").as_uri()}, "options": {}}}).encode()
    cancel = json.dumps({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 2}}).encode()
    raw.send_bytes(b"Content-Length: %d\r\n\r\n" % len(request) + request + b"Content-Length: %d\r\n\r\n" % len(cancel) + cancel)
    reply = raw.response(2)
    # Either it was cancelled in time or it had already been answered: never both, never neither.
    assert ("error" in reply and reply["error"]["code"] == -32800) or "result" in reply
    alive(raw, 3)


def test_shutdown_then_exit_exits_zero_and_requests_after_shutdown_are_refused(raw, workspace):
    initialize(raw, workspace)
    raw.request(2, "shutdown")
    assert raw.response(2)["result"] is None
    raw.request(3, "textDocument/formatting", {"textDocument": {"uri": "file:///x.mentor"}})
    assert raw.response(3)["error"]["code"] == -32600
    raw.notify("exit")
    assert raw.wait() == 0


def test_exit_without_shutdown_exits_one(raw, workspace):
    initialize(raw, workspace)
    raw.notify("exit")
    assert raw.wait() == 1


def test_a_client_that_vanishes_ends_the_server_without_a_crash(raw, workspace):
    initialize(raw, workspace)
    # Half a message, then the stream closes.
    raw.send_bytes(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    raw.process.stdin.close()
    assert raw.wait() == 1
    raw.stderr_reader.join(5)
    assert "Fatal error" not in raw.stderr_text()


def test_a_burst_of_edits_is_checked_once_it_pauses(raw, workspace):
    initialize(raw, workspace)
    path = workspace / "people.mentor"
    uri = path.as_uri()
    text = path.read_text()
    # A second open document, never edited: every full build publishes it (it is open), the
    # fast path of an edit publishes only the edited file, so its publications count the builds.
    other = workspace / "agreements" / "ana_dave.mentor"
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": other.as_uri(), "languageId": "mentor", "version": 1,
                                                         "text": other.read_text()}})
    raw.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "mentor", "version": 1, "text": text}})
    raw.read_until(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                   and m["params"].get("version") == 1)
    raw.request(90, "textDocument/foldingRange", {"textDocument": {"uri": uri}})
    raw.response(90)
    import json
    burst = b""
    for version in range(2, 32):
        # Odd versions break the file, even ones mend it; the last (31) is broken.
        body = text + ("\nperson {\n" if version % 2 else "")
        message = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": body}]}}).encode()
        burst += b"Content-Length: %d\r\n\r\n" % len(message) + message
    raw.send_bytes(burst)
    # A request about the programme is answered once the build in progress is done.
    raw.request(91, "textDocument/foldingRange", {"textDocument": {"uri": uri}})
    builds = 0
    final = None
    while True:
        message = raw.read()
        if message.get("id") == 91 and "method" not in message:
            break
        if message.get("method") == "textDocument/publishDiagnostics":
            if message["params"]["uri"] == other.as_uri():
                builds += 1
            elif message["params"]["uri"] == uri:
                final = message
    # Far fewer builds than edits, and the last publication describes the last text.
    assert 1 <= builds < 10
    assert final["params"]["version"] == 31
    assert any(d["severity"] == 1 for d in final["params"]["diagnostics"])
