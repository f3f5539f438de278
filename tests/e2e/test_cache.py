"""Lookup answers are cached per store version, with ETags, and retired by a write."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.config import Settings
from kg.store import GraphStore

TOKEN = "a-test-token-of-32-characters-xx"

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
BODY = b"Arrivals\n\nOfficials said about 1,200 workers arrived in Vladivostok in March 2024.\n"


@pytest.fixture
def writable(seed_store, tmp_path):
    seed_store.backup(tmp_path / "store")
    store = GraphStore.open(tmp_path / "store")
    settings = Settings(store=str(tmp_path / "store"), api_token=TOKEN, query_workers=1)
    with TestClient(create_app(settings, store=store)) as client:
        yield client
    store.close()


def test_etag_round_trip_gives_304(writable):
    first = writable.get("/claims", params={"limit": 3})
    etag = first.headers["etag"]
    again = writable.get("/claims", params={"limit": 3}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert writable.get("/claims", params={"limit": 3}, headers={"If-None-Match": '"other"'}).json() == first.json()


def test_representations_are_cached_apart(writable):
    claim = writable.get("/claims", params={"limit": 1}).json()["items"][0]["id"]
    plain = writable.get(f"/claims/{claim}")
    linked = writable.get(f"/claims/{claim}", headers={"Accept": "application/ld+json"})
    assert plain.headers["content-type"].startswith("application/json")
    assert linked.headers["content-type"].startswith("application/ld+json")
    assert plain.headers["etag"] != linked.headers["etag"]
    assert writable.get(f"/claims/{claim}").json() == plain.json()


def test_a_write_retires_cached_answers(writable):
    before = writable.get("/claims", params={"document": "fresh.txt"})
    assert before.json()["total"] == 0
    assert writable.post("/documents", params={"name": "fresh.txt"}, content=BODY, headers=AUTH).status_code == 201
    after = writable.get("/claims", params={"document": "fresh.txt"}, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.json()["total"] >= 1
    assert [c["figure"] for c in after.json()["items"] if c["figure"]] == ["about 1,200"]
    assert after.headers["etag"] != before.headers["etag"]


def test_errors_are_not_cached(writable):
    assert writable.get("/claims/0000000000000000").status_code == 404
    assert "etag" not in writable.get("/claims/0000000000000000").headers


def test_cache_can_be_turned_off(seed_store):
    with TestClient(create_app(Settings(store=seed_store.location, response_cache=0), store=seed_store)) as client:
        assert "etag" not in client.get("/claims", params={"limit": 1}).headers


def test_kept_answers_are_bounded_in_count_and_bytes(monkeypatch):
    import api.cache

    overhead = api.cache._key_bytes((1, "/p0", b"", b""))
    cache = api.cache.LookupCache(None, lambda: 1, max_entries=3)  # type: ignore[arg-type]
    for i in range(5):
        cache._keep((1, f"/p{i}", b"", b""), 200, [], b"x" * 10)
    assert [k[1] for k in cache.entries] == ["/p2", "/p3", "/p4"] and cache.kept_bytes == 3 * (overhead + 10)
    monkeypatch.setattr(api.cache, "MAX_BYTES", overhead + 25)
    cache._keep((1, "/big", b"", b""), 200, [], b"y" * 20)
    assert [k[1] for k in cache.entries] == ["/big"]
    cache._keep((2, "/next", b"", b""), 200, [], b"z")
    assert [k[1] for k in cache.entries] == ["/next"]


def test_keys_count_toward_the_byte_cap(monkeypatch):
    """Many answers with long query strings and headers cannot grow the cache past its cap."""
    import api.cache

    monkeypatch.setattr(api.cache, "MAX_BYTES", 100_000)
    cache = api.cache.LookupCache(None, lambda: 1, max_entries=10_000)  # type: ignore[arg-type]
    for i in range(200):
        cache._keep((1, "/claims", f"text={i}&pad={'x' * 5_000}".encode(), b"a" * 3_000), 200,
                    [(b"content-type", b"application/json")], b"{}")
    assert cache.kept_bytes <= 100_000 and len(cache.entries) < 20
