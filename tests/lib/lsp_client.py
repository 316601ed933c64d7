# SPDX-License-Identifier: BSD-3-Clause
"""A minimal Language Server Protocol client for the tests: it starts
'danelint lsp', frames messages with Content-Length and reads with a
deadline, so that a broken server fails a test instead of hanging it."""

import json
import os
import subprocess
import threading
import time

TIMEOUT = float(os.environ.get("LSP_TEST_TIMEOUT", "30"))


class ServerError(Exception):
    """The server broke the protocol, timed out or exited early."""


class Server:
    def __init__(self, danelint, stderr_path, command=None):
        self.stderr = open(stderr_path, "wb")
        self.proc = subprocess.Popen(
            command or [danelint, "lsp"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self.stderr)
        self.buffer = b""
        self.closed = False
        self.next_id = 1
        # A thread drains the server's output, so that a server blocked on
        # writing never deadlocks against a test that is still writing.
        self.ready = threading.Condition()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self):
        fd = self.proc.stdout.fileno()
        while True:
            chunk = os.read(fd, 65536)
            with self.ready:
                if not chunk:
                    self.closed = True
                else:
                    self.buffer += chunk
                self.ready.notify_all()
            if not chunk:
                return

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        """Sends a request and returns its id."""
        request_id = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return request_id

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def _take(self, predicate, deadline):
        """Waits until predicate(buffer) is true; the caller must own
        self.ready."""
        while not predicate(self.buffer):
            if self.closed:
                raise ServerError("the server closed its output (exit "
                                  "status %s)" % self.proc.poll())
            left = deadline - time.monotonic()
            if left <= 0:
                raise ServerError("timed out after %.0f s waiting for the "
                                  "server" % TIMEOUT)
            self.ready.wait(left)

    def read(self):
        """Returns the next message the server sends."""
        deadline = time.monotonic() + TIMEOUT
        with self.ready:
            self._take(lambda b: b"\r\n\r\n" in b, deadline)
            header = self.buffer.split(b"\r\n\r\n", 1)[0]
            fields = dict(line.split(b": ", 1)
                          for line in header.split(b"\r\n"))
            if set(fields) != {b"Content-Length"}:
                raise ServerError("unexpected header %r" % header)
            start = len(header) + 4
            end = start + int(fields[b"Content-Length"])
            self._take(lambda b: len(b) >= end, deadline)
            body = self.buffer[start:end]
            self.buffer = self.buffer[end:]
        return json.loads(body)

    def response(self, request_id):
        """Reads messages up to the response to request_id."""
        while True:
            message = self.read()
            if "method" not in message and message.get("id") == request_id:
                return message

    def diagnostics(self, uri):
        """Reads messages up to the next diagnostics for uri."""
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics":
                if message["params"]["uri"] != uri:
                    raise ServerError("diagnostics for another URI: %r"
                                      % message["params"]["uri"])
                return message["params"]

    def wait(self):
        """Closes the server's input and returns its exit status."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise ServerError("the server did not exit within %.0f s"
                              % TIMEOUT)
        finally:
            self.reader.join(TIMEOUT)
            self.proc.stdout.close()
            self.stderr.close()
