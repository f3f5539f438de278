"""Schemathesis against a running service: no request the OpenAPI document allows gets a server error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings


def test_schemathesis_finds_no_server_error(server):
    schemathesis = pytest.importorskip("schemathesis")
    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    failures = []
    calls = []
    for operation in schema.get_all_operations():
        op = operation.ok()
        strategy = op.as_strategy()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(strategy)
        def check(case):  # type: ignore[no-untyped-def]
            response = case.call(base_url=server, timeout=30)
            calls.append(op.path)
            if response.status_code >= 500 and response.status_code != 503:
                failures.append(f"{op.method.upper()} {op.path}: {response.status_code} {response.text[:200]}")

        check()
    assert failures == [], failures[:5]
    assert len(set(calls)) >= 10, sorted(set(calls))
