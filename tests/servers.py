"""Real SPARQL servers on loopback for the tests: an Oxigraph server and a private Virtuoso.

Each runs in its own temporary folder on free ports, with a bounded wait for readiness, and is
stopped by `Server.stop()` (call it from a fixture finalizer: it runs even when a test fails).
"""
from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
READY_TIMEOUT = 60.0


def oxigraph_binary() -> str | None:
    """The `oxigraph` server binary of the PyPI package (next to the venv's python)."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.exists():
        return str(here)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    query_url: str          # SPARQL 1.1 Protocol endpoint
    store_url: str          # Graph Store HTTP Protocol endpoint
    log: Path
    user: str | None = None
    password: str | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _wait_ready(server: Server, timeout: float = READY_TIMEOUT) -> None:
    """Until the SPARQL endpoint answers ASK {} (bounded); fails with the server's log."""
    url = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.process.returncode}:\n"
                               f"{server.log_tail()}")
        try:
            req = urllib.request.Request(
                url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} not ready after {timeout:.0f}s:\n{server.log_tail()}")


def start_oxigraph(folder: Path) -> Server:
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("oxigraph server binary (pip install oxigraph)")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", process, f"{base}/query", f"{base}/store", log)
    _wait_ready(server)
    return server


VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CheckpointInterval = 0
CaseMode           = 2
DirsAllowed        = {db}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000

[HTTPServer]
ServerPort    = 127.0.0.1:{http_port}
ServerRoot    = {db}
ServerThreads = 10
Charset       = UTF-8

[SPARQL]
; the packaged ini caps answers at 10000 rows, and says so only in a response header
; (X-SPARQL-MaxRows); kg's HTTP client refuses such answers, and this limit avoids them
ResultSetMaxRows           = {max_rows}
MaxQueryExecutionTime      = 120
MaxQueryCostEstimationTime = 400
"""


def start_virtuoso(folder: Path, *, max_rows: int = 1_000_000) -> Server:
    """A private Virtuoso (fresh database: account dba/dba), HTTP and SQL on free ports."""
    if not os.path.exists(VIRTUOSO):
        raise FileNotFoundError("virtuoso-t (apt install virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=folder, sql_port=sql_port, http_port=http_port,
                                       max_rows=max_rows))
    log = folder / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)],
                                   cwd=folder, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, f"{base}/sparql", f"{base}/sparql-graph-crud-auth",
                    log, user="dba", password="dba")
    _wait_ready(server)
    return server


# -- misbehaving servers, written in the test ---------------------------------------------------

class Recorder(http.server.BaseHTTPRequestHandler):
    """A handler that records every request (method, path, headers, body) in `server.seen`;
    subclasses answer in `answer(method)`, by default 204."""

    def _handle(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append(Seen(method, self.path, dict(self.headers.items()), body))
        self.answer(method, body)

    def answer(self, method: str, body: bytes) -> None:
        self.reply(204)

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self._handle("GET")

    def do_POST(self):  # noqa: N802
        self._handle("POST")

    def do_PUT(self):  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self):  # noqa: N802
        self._handle("DELETE")

    def log_message(self, *args):
        pass


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@contextmanager
def local_http(handler: type[Recorder]) -> Iterator[http.server.HTTPServer]:
    """A server on 127.0.0.1 (a free port) in a thread, shut down on leaving the block;
    `server.url` is its base URL and `server.seen` what it received."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.seen = []
    server.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
