"""Shared fixtures: the seeds, the shared evaluation folder, the real model and a built store."""

from __future__ import annotations

import shutil
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


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "store"))


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
