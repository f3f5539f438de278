"""The pool of query workers, driven from an event loop as the service drives it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import pytest

from kg.errors import QueryBusy, QueryTimeout
from kg.query_workers import QueryRunner

DATA = "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n" for i in range(60)).encode()
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"  # 60^5 rows
T = TypeVar("T")
QUICK = "SELECT ?o WHERE { <http://example.org/s7> ?p ?o }"


def runner(**options: object) -> QueryRunner:
    return QueryRunner(None, lambda: DATA, lambda: 0, {}, **options)  # type: ignore[arg-type]


def outcome(pool: QueryRunner, scenario: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """What a scenario driven from an event loop gives; the pool is closed after it."""
    try:
        return asyncio.run(scenario())
    finally:
        pool.close()


def values(answer: object) -> list[str]:
    body = json.loads(answer.body)  # type: ignore[attr-defined]
    return [b["o"]["value"] for b in body["results"]["bindings"]]


def test_a_query_given_up_on_never_hands_its_answer_to_the_next():
    """A client that goes away while its query runs: the worker is replaced, and the next query
    gets its own answer, not the abandoned one's."""
    pool = runner(workers=1, timeout=20)

    async def scenario() -> list[str]:
        slow = asyncio.ensure_future(pool.run(SLOW))
        await asyncio.sleep(1.0)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        return values(await pool.run(QUICK))

    assert outcome(pool, scenario) == ["7"]


def test_queries_wait_in_turn_and_past_the_queue_are_refused_at_once():
    pool = runner(workers=1, queue=2, timeout=20)
    # A query of some tens of milliseconds: none can be answered before all eight have asked.
    counted = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

    async def scenario() -> list[object]:
        await pool.run(QUICK)  # the worker is up
        return await asyncio.gather(*(pool.run(counted) for _ in range(8)), return_exceptions=True)

    answers = outcome(pool, scenario)
    served = [a for a in answers if not isinstance(a, BaseException)]
    refused = [a for a in answers if isinstance(a, QueryBusy)]
    assert len(served) == 3 and len(refused) == 5, answers
    assert all(json.loads(a.body)["results"]["bindings"][0]["n"]["value"] == "216000" for a in served)


def test_a_query_over_its_time_is_stopped_and_the_pool_serves_on():
    pool = runner(workers=1, timeout=1.5)

    async def scenario() -> list[str]:
        with pytest.raises(QueryTimeout):
            await pool.run(SLOW)
        return values(await pool.run(QUICK))

    assert outcome(pool, scenario) == ["7"]


def test_every_term_is_written_as_the_w3c_json_results_say():
    pool = runner(workers=1)
    query = ('SELECT ?a ?b ?c ?d ?e WHERE { BIND(<http://example.org/x> AS ?a) BIND("tab\\t \\"q\\" é" AS ?b) '
             'BIND("chat"@fr AS ?c) BIND(3 AS ?d) BIND(BNODE("k") AS ?e) }')
    body = json.loads(outcome(pool, lambda: pool.run(query)).body)
    row = body["results"]["bindings"][0]
    assert body["head"]["vars"] == ["a", "b", "c", "d", "e"]
    assert row["a"] == {"type": "uri", "value": "http://example.org/x"}
    assert row["b"] == {"type": "literal", "value": 'tab\t "q" é'}
    assert row["c"] == {"type": "literal", "value": "chat", "xml:lang": "fr"}
    assert row["d"] == {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert row["e"]["type"] == "bnode" and row["e"]["value"]


def test_a_long_answer_comes_back_whole_on_the_event_loop_the_service_runs():
    """uvicorn serves on uvloop, which leaves a pipe it has watched non-blocking: an answer longer
    than the pipe holds is then read while the worker still writes it."""
    import uvloop

    long_value = "x" * 1_000
    data = "".join(f'<http://example.org/s{i}> <http://example.org/p> "{i} {long_value}" .\n' for i in range(3_000))
    pool = QueryRunner(None, lambda: data.encode(), lambda: 0, {}, workers=1, timeout=60)

    async def scenario() -> list[int]:
        sizes = []
        for _ in range(3):  # the first waits for its worker to start: the loop watches its pipe
            sizes.append(len(values(await pool.run("SELECT ?o WHERE { ?s ?p ?o }"))))
        return sizes

    try:
        assert uvloop.run(scenario()) == [3_000] * 3
    finally:
        pool.close()
