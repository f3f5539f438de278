"""Charts of figures over time, drawn as SVG on the server with matplotlib."""

from __future__ import annotations

import io
from collections.abc import Sequence

from kg.records import ClaimRecord


def figures_over_time(records: Sequence[ClaimRecord], title: str) -> str | None:
    """An SVG of the dated figures: a point per value, a bar per interval, conflicts in red.

    Colours group the claims by who says them (the outermost source, or the document).
    """
    dated = [r for r in records if r.get("time") and (r.get("value") is not None or r.get("low") is not None)]
    if not dated:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    def year(r: ClaimRecord) -> float:
        text = str(r["time"])
        first, _, last = text.partition("/")
        y1 = int(first[:4])
        y2 = int(last[:4]) if last else y1
        return (y1 + y2) / 2 + 0.5

    speakers = sorted({(r["sources"][0] if r["sources"] else r["document"]) for r in dated})
    colours = {s: plt.get_cmap("tab10")(i % 10) for i, s in enumerate(speakers)}
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for r in dated:
        speaker = r["sources"][0] if r["sources"] else r["document"]
        x = year(r)
        colour = colours[speaker]
        low, high, value = r["low"], r["high"], r["value"]
        if low is not None and high is not None:
            ax.vlines(x, low, high, colors=[colour], linewidth=4, alpha=0.7)
        elif value is not None:
            ax.plot([x], [value], "o", color=colour)
        y = value if value is not None else high
        if r["conflicts"] and y is not None:
            ax.plot([x], [y], "x", color="#c62828", markersize=11, markeredgewidth=2)
    for s, c in colours.items():
        ax.plot([], [], "o", color=c, label=s[:40])
    ax.plot([], [], "x", color="#c62828", label="in conflict")
    ax.set_title(title[:80])
    ax.set_xlabel("year")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="best")
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg"):]
