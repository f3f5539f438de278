"""Charts of figures over time: one panel per measure and unit, each figure over its own time."""

from __future__ import annotations

from api.charts import _span, figures_over_time
from kg.records import FigurePoint


def record(measure: str, unit: str | None, time: str, value: float | None = None, low: float | None = None,
           high: float | None = None, document: str = "a.txt", sources: tuple[str, ...] = (),
           conflicts: tuple[str, ...] = ()) -> FigurePoint:
    return {"document": document, "measure": measure, "unit": unit, "time": time, "value": value, "low": low,
            "high": high, "source": sources[0] if sources else None, "conflicts": bool(conflicts)}


def test_each_measure_and_unit_gets_its_own_panel_and_publishers_name_the_colours():
    records = [
        record("acme:revenue", "USD", "2023", 2.1e9, document="a.txt"),
        record("acme:revenue", "USD", "2024", 2.6e9, document="b.txt", conflicts=("x",)),
        record("acme:margin", "percent", "2024", 41.0, document="a.txt", sources=("Analysts at Bank Z",)),
        record("any:worker", "person", "1946/2025", low=2e5, high=9e5, document="b.txt"),
        record("any:worker", "person", "2024-05", 1500, document="a.txt"),
    ]
    svg = figures_over_time(records, "Acme", {"a.txt": "Harbour Times", "b.txt": "Daily Ledger"})
    assert svg is not None and svg.count('<g id="axes_') == 3
    assert "Harbour Times" in svg and "Daily Ledger" in svg and "Analysts at Bank Z" in svg
    assert "a.txt" not in svg and "in conflict" in svg


def test_a_figure_spans_the_time_it_holds_for():
    assert _span("2024") == (2024.0, 2025.0)
    assert _span("1946/2025") == (1946.0, 2026.0)
    start, end = _span("2024-05")
    assert (round(start, 3), round(end, 3)) == (2024.333, 2024.417)
    assert figures_over_time([record("any:x", None, "", 1.0)], "nothing dated") is None
