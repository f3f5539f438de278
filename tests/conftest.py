"""Shared fixtures (the seeds, the shared evaluation folder, the real model, a built store) and
the markers each test folder sets: ``unit``, ``e2e`` and ``system`` (``pytest -m unit`` runs
without the statistical model)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.config import Settings
from kg.store import GraphStore

from support import LIVE_TOKEN, SEEDS, SHARED, serving


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
    """A real `kg serve` on a free loopback port, built from seeds/ into a fresh store, taking
    writes with ``LIVE_TOKEN``."""
    store = tmp_path_factory.mktemp("live") / "store"
    env = {**os.environ, "KG_STORE": str(store), "KG_API_TOKEN": LIVE_TOKEN, "KG_REVIEWER": "Live Desk"}
    with serving(env, store.parent / "serve.log") as base:
        yield base


#: Fixtures that load the statistical model or build a store with it: not for unit tests.
MODEL_FIXTURES = frozenset({"nlp", "read_text", "seed_store", "seeds_copy", "server"})
FOLDERS = ("unit", "e2e", "system")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test by its folder; a unit test that asks for the model is a collection error."""
    for item in items:
        folder = next((part for part in item.path.parts if part in FOLDERS), None)
        if folder is None or item.path.parent.name != folder:
            continue
        item.add_marker(folder)
        heavy = MODEL_FIXTURES & set(getattr(item, "fixturenames", ()))
        if folder == "unit" and heavy:
            raise pytest.UsageError(f"{item.nodeid} is a unit test but uses {sorted(heavy)}: move it to tests/e2e")
