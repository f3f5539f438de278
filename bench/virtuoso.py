"""A private Virtuoso Open Source 7 instance on loopback, for tests and benchmarks.

    with Virtuoso(folder) as server:     # Debian: apt-get install virtuoso-opensource-7-bin
        server.endpoint                  # http://127.0.0.1:PORT/sparql
        server.user, server.password     # the dba account, for the Graph Store endpoint

Both ports bind to 127.0.0.1; the database lives in ``folder`` and goes with it. Results are
cut at ``max_rows`` (Virtuoso's ``ResultSetMaxRows``; its own default, 10,000, is too few for a
large graph).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 20
CheckpointInterval = 60
NumberOfBuffers = 100000
MaxDirtyBuffers = 75000
DirsAllowed = {folder}
DefaultIsolation = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 20
MaxKeepAlives = 20
KeepAliveTimeout = 10
HTTPThreadSize = 280000
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 300
DeferInferenceRulesInit = 0
"""


def binary() -> str | None:
    return shutil.which("virtuoso-t")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Virtuoso:
    """Start ``virtuoso-t`` in the foreground on free loopback ports; stop it on exit."""

    user = "dba"
    password = "dba"  # the fresh database's own default, reachable from loopback only

    def __init__(self, folder: str | Path, start_timeout: float = 120.0, max_rows: int = 10_000_000) -> None:
        self.folder = Path(folder)
        self.max_rows = max_rows
        self.start_timeout = start_timeout
        self.http_port = free_port()
        self.sql_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def __enter__(self) -> Virtuoso:
        program = binary()
        if program is None:
            raise RuntimeError("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource-7-bin)")
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(INI.format(folder=self.folder.resolve(), sql_port=self.sql_port, http_port=self.http_port,
                                  max_rows=self.max_rows))
        self.process = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}; see {self.folder}/virtuoso.log")
            try:
                with urllib.request.urlopen(self.endpoint + "?query=ASK%7B%7D", timeout=2):
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"virtuoso-t did not answer within {self.start_timeout:g} s")

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None
