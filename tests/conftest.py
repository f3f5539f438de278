"""Shared fixtures: the seeds, the shared evaluation folder, the real model and a built store."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kg.config import Settings
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared evaluation files are not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The real statistical model (end-to-end tests only)."""
    from kg.extract import load_model

    return load_model(Settings().model)


@pytest.fixture(scope="session")
def read_text(nlp):
    """Extraction of one text with the real model: its mentions and its claims."""
    from kg.extract import extract
    from kg.model import Document
    from kg.normalize import normalize
    from kg.ontology import Gazetteer

    gazetteer = Gazetteer.load()

    def read(text: str, publisher: str | None = None, published=None):  # type: ignore[no-untyped-def]
        doc = Document("t.txt", text, "0", publisher=publisher, published=published)
        mentions = extract(doc, nlp(text), gazetteer)
        return mentions, normalize(mentions, doc)

    return read


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "store"))


@pytest.fixture(scope="session")
def extraction(nlp):
    """The whole pipeline run in memory on the seeds."""
    from kg import pipeline

    return pipeline.extract_claims(sorted(SEEDS.glob("*.txt")), Settings(), nlp=nlp)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> GraphStore:
    """The seeds built once into an on-disk store shared by read-only tests."""
    from kg import pipeline

    path = tmp_path_factory.mktemp("seed-store") / "store"
    store = GraphStore.open(path)
    pipeline.build([SEEDS], store, Settings(store=str(path)), nlp=nlp)
    yield store
    store.close()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds (with their sidecars)."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where browser tests leave their screenshots: ``KG_TEST_ARTIFACTS`` when set, else a
    temporary folder (never the repository)."""
    named = os.environ.get("KG_TEST_ARTIFACTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """A real `kg serve` on a free loopback port, built from seeds/ into a fresh store."""
    store = tmp_path_factory.mktemp("live") / "store"
    with serving({**os.environ, "KG_STORE": str(store)}, store.parent / "serve.log") as base:
        yield base


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


