"""A bare client for what a library client refuses to send: raw bytes, broken headers and
messages out of order. It frames and reads messages itself."""

import json
import select
import subprocess
import threading
import time


class RawClient:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.buffer = b""
        # The server's stderr is drained as it comes: a full pipe would block the server, and
        # what it said there belongs in the message of a test that fails.
        self.stderr = bytearray()
        self.stderr_reader = threading.Thread(target=self._drain_stderr, daemon=True)
        self.stderr_reader.start()

    def _drain_stderr(self) -> None:
        for chunk in iter(lambda: self.process.stderr.read1(65536), b""):
            self.stderr += chunk

    def stderr_text(self) -> str:
        """What the server wrote to stderr so far."""
        return bytes(self.stderr).decode(errors="replace")

    def send_bytes(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, id, method: str, params=None) -> None:
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def notify(self, method: str, params=None) -> None:
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def read(self, timeout: float = 20.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                header = self.buffer[:header_end].decode()
                length = next(int(line.split(":")[1]) for line in header.split("\r\n") if line.lower().startswith("content-length"))
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no message from the server; its stderr: " + (self.stderr_text() or "(empty)"))
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = self.process.stdout.read1(65536)
                if not chunk:
                    self.stderr_reader.join(5)
                    raise EOFError("the server closed its output; its stderr: " + (self.stderr_text() or "(empty)"))
                self.buffer += chunk

    def read_until(self, predicate, timeout: float = 20.0) -> dict:
        """The first message that satisfies `predicate`, skipping the others (notifications)."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.read(max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return message

    def response(self, id, timeout: float = 20.0) -> dict:
        return self.read_until(lambda m: m.get("id") == id and "method" not in m, timeout)

    def start_session(self, folder) -> None:
        """Initializes the server (request id 1) with `folder` (a pathlib.Path) as the workspace."""
        self.request(1, "initialize", {"capabilities": {}, "workspaceFolders": [{"uri": folder.as_uri(), "name": folder.name}]})
        self.response(1)
        self.notify("initialized", {})

    def open(self, uri: str, text: str, version: int = 1) -> None:
        """Opens the document `uri` in the editor with `text`."""
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "mentor", "version": version, "text": text}})

    def wait(self, timeout: float = 20.0) -> int:
        return self.process.wait(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
