"""Charts of figures over time, drawn as SVG on the server with matplotlib."""

from __future__ import annotations

import io
from collections.abc import Sequence


def figures_over_time(records: Sequence[dict[str, object]], title: str) -> str | None:
    """An SVG of the dated figures: a point per value, a bar per interval, conflicts in red.

    Colours group the claims by who says them (the outermost source, or the document).
    """
    dated = [r for r in records if r.get("time") and (r.get("value") is not None or r.get("low") is not None)]
    if not dated:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    def year(r: dict[str, object]) -> float:
        text = str(r["time"])
        first, _, last = text.partition("/")
        y1 = int(first[:4])
        y2 = int(last[:4]) if last else y1
        return (y1 + y2) / 2 + 0.5

    speakers = sorted({(r["sources"][0] if r["sources"] else str(r["document"])) for r in dated})  # type: ignore[index]
    colours = {s: plt.get_cmap("tab10")(i % 10) for i, s in enumerate(speakers)}
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for r in dated:
        speaker = r["sources"][0] if r["sources"] else str(r["document"])  # type: ignore[index]
        x = year(r)
        colour = colours[speaker]
        if r.get("low") is not None and r.get("high") is not None:
            ax.vlines(x, r["low"], r["high"], colors=[colour], linewidth=4, alpha=0.7)
        else:
            ax.plot([x], [r["value"]], "o", color=colour)
        if r.get("conflicts"):
            y = r["value"] if r.get("value") is not None else r["high"]
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
