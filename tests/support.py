"""Helpers shared by the test folders: where things are, a running service, GEXF validation,
a news page to read, and hostile lines (imported as ``support``; pytest puts ``tests/`` on the path)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import networkx as nx
import pytest

from kg import lookup, network
from kg.ontology import Gazetteer
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
#: The write token of the live service the system tests start.
LIVE_TOKEN = "a-live-service-token-for-the-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(env: dict[str, str], log_path: Path, timeout: float = 120):
    """Run `kg serve` with ``env`` on a free loopback port until the block ends; yields its URL."""
    port = free_port()
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
        stdout=log, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"kg serve exited: {log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"kg serve did not answer within {timeout:g} s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


EDGE_KINDS = {"cites", "says", "about", "appears-in", "corroborates", "conflicts", "changes"}


def jing(schema, path):  # type: ignore[no-untyped-def]
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (Debian package jing; .ci/run installs it)")
    return subprocess.run(["jing", str(schema), str(path)], capture_output=True, text=True)


ARTICLE = """<p>The port authority said on Tuesday that about 4,300 containers were
held at the terminal last week, twice the usual number, after a
strike by crane operators.</p>
<p>Shipping lines expect the backlog to clear within ten days, according to a statement from
the authority, which handled 1.2 million containers last year.</p>
<p>Truck drivers waited up to nine hours at the gates on Monday, the drivers' union said.</p>"""


def page(head: str = "", before: str = "", after: str = "", lang: str = "en", article: str = ARTICLE) -> bytes:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><title>Port backlog grows after strike | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">{head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
{before}<article><h1>Port backlog grows after strike</h1>
<p class="byline">By Maria Lopez and Tom Berg</p>{article}</article>{after}
<footer>Copyright 2015 Harbour Times. Call 555-0100.</footer></body></html>""".encode()


RELATED = """<aside><h2>Most read</h2><ul><li><a href="/a">The 5 costliest storms of the decade</a></li>
<li><a href="/b">10 ports to watch in 2016</a></li></ul></aside>"""
COMMENTS = """<div id="comments" class="comments"><h3>12 comments</h3>
<div class="comment"><p>I waited 14 hours at that gate, 3 times this month alone!</p></div>
<div class="comment"><p>Only 2 cranes were working when I was there yesterday at 7 a.m.</p></div></div>"""


def line_of(piece: str | tuple[str, str], length: int) -> str:
    head, body = piece if isinstance(piece, tuple) else ("", piece)
    return head + (body * (length // len(body) + 1))[: length - len(head)]


def network_of(store: GraphStore) -> nx.MultiDiGraph:
    view = lookup.GraphView(store)
    docs = {d["file"]: d for d in lookup.documents(store)}
    return network.claim_network(list(view.claims.values()), view.relations, docs, Gazetteer.load().labels)


def forbid_whole_reads(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Make reading every claim or every verdict at once, or counting every quad, fail wherever it
    is asked for."""
    from kg import lookup as lookup_module
    from kg import readback

    def guarded(read):  # type: ignore[no-untyped-def]
        def read_some(store, claim_ids=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            if claim_ids is None and not kwargs.get("verdicts") and not args:
                raise AssertionError(f"{read.__name__} read every claim or verdict of the store")
            return read(store, claim_ids, *args, **kwargs)
        return read_some

    for module in (readback, lookup_module):
        monkeypatch.setattr(module, "load_claims", guarded(readback.load_claims))
        monkeypatch.setattr(module, "load_relations", guarded(readback.load_relations))

    def count_quads(store):  # type: ignore[no-untyped-def]
        raise AssertionError("counted every quad of the store")

    from kg.store import GraphStore
    monkeypatch.setattr(GraphStore, "__len__", count_quads)
