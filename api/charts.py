"""Charts of figures over time, drawn as SVG on the server with matplotlib.

One small chart per measure and unit (dollars, percentages and counts of people never share an
axis), each with a scale that fits its data (logarithmic when it spans two orders of magnitude);
a figure is drawn over the time it holds for (a year's figure spans the year, "1946–2025" spans
the decades), an interval of values as a band; colours say who reports it (the outermost source,
else the publisher); a figure in conflict has a red ring.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from kg.records import FigurePoint

#: Most charts drawn on one page (the measures with the most dated figures).
MAX_PANELS = 6
#: Values spanning this ratio or more are drawn on a logarithmic scale.
LOG_SPAN = 100.0
CONFLICT = "#c62828"


def _year_fraction(text: str, end: bool) -> float:
    """A time's start (or end) as a fractional year: "2024" spans 2024.0–2025.0."""
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return year + (1.0 if end else 0.0)
    month = int(parts[1])
    if len(parts) == 2:
        return year + (month if end else month - 1) / 12
    day = date(year, month, int(parts[2]))
    return year + (day.timetuple().tm_yday - (0 if end else 1)) / (366 if year % 4 == 0 else 365)


def _span(time: str) -> tuple[float, float]:
    first, _, last = time.partition("/")
    return _year_fraction(first, end=False), _year_fraction(last or first, end=True)


def figures_over_time(points: Sequence[FigurePoint], title: str,
                      publishers: Mapping[str, str] | None = None) -> str | None:
    """An SVG of the dated figures, one panel per measure and unit; ``publishers`` names each
    document's publisher (by file name) for the colours of figures the document says itself."""
    dated = [r for r in points if r["time"] and (r["value"] is not None or r["low"] is not None)]
    if not dated:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    def speaker(r: FigurePoint) -> str:
        if r["source"]:
            return r["source"]
        return (publishers or {}).get(r["document"]) or r["document"]

    groups: dict[tuple[str, str], list[FigurePoint]] = defaultdict(list)
    for r in dated:
        groups[(r["measure"] or "unnamed measure", r["unit"] or "count")].append(r)
    panels = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_PANELS]
    speakers = sorted({speaker(r) for _, rs in panels for r in rs})
    palette = plt.get_cmap("tab20")
    colours = {s: palette(i % 20) for i, s in enumerate(speakers)}
    markers = {s: "osD^v<>ph"[(i // 20) % 9] for i, s in enumerate(speakers)}  # past 20 colours, shapes differ

    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 2.4 * len(panels) + 1.2), squeeze=False)
    for ax, ((measure, unit), rs) in zip(axes[:, 0], panels):
        lows, highs, starts, ends = [], [], [], []
        bands: dict[str, list[Rectangle]] = defaultdict(list)  # by speaker, drawn as one collection each
        spans: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        marks: dict[tuple[str, bool], list[tuple[float, float]]] = defaultdict(list)
        for r in rs:
            x0, x1 = _span(str(r["time"]))
            low, high, value = r["low"], r["high"], r["value"]
            bottom = low if low is not None else value
            top = high if high is not None else value
            if bottom is None or top is None:
                continue
            s = speaker(r)
            if top > bottom:
                bands[s].append(Rectangle((x0, bottom), x1 - x0, top - bottom))
            else:
                spans[s].append((bottom, x0, x1))
            marks[(s, r["conflicts"])].append(((x0 + x1) / 2, value if value is not None else (bottom + top) / 2))
            lows.append(bottom)
            highs.append(top)
            starts.append(x0)
            ends.append(x1)
        for s, rects in bands.items():
            ax.add_collection(PatchCollection(rects, facecolor=colours[s], alpha=0.35, edgecolor=colours[s]))
        for s, lines in spans.items():
            ys, x0s, x1s = zip(*lines)
            ax.hlines(ys, x0s, x1s, colors=[colours[s]], linewidth=2.5)
        for (s, conflicted), xy in marks.items():
            xs, ys = zip(*xy)
            ax.plot(xs, ys, markers[s], linestyle="", color=colours[s], markersize=6,
                    markeredgecolor=CONFLICT if conflicted else colours[s], markeredgewidth=2.2 if conflicted else 1.0)
        if not lows:
            continue
        first, last = min(starts), max(ends)
        pad = max(0.25, (last - first) * 0.05)
        ax.set_xlim(first - pad, last + pad)
        ax.xaxis.get_major_locator().set_params(integer=True)
        if min(lows) > 0 and max(highs) / min(lows) >= LOG_SPAN:
            ax.set_yscale("log")
        else:
            span = max(highs) - min(lows)
            margin = span * 0.1 if span else max(abs(max(highs)) * 0.1, 1.0)
            ax.set_ylim(min(lows) - margin, max(highs) + margin)
        ax.set_title(f"{measure} ({unit})"[:90], fontsize=9, loc="left")
        ax.grid(alpha=0.3)
    handles = [plt.Line2D([], [], linestyle="", marker=markers[s], color=colours[s], label=s[:40]) for s in speakers]
    handles.append(plt.Line2D([], [], linestyle="", marker="o", color="white", markeredgecolor=CONFLICT,
                              markeredgewidth=2.2, label="in conflict"))
    fig.suptitle(title[:80], fontsize=10)
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=7, frameon=False)
    height = fig.get_size_inches()[1]
    legend = (0.35 + 0.2 * -(-len(handles) // 3)) / height  # the legend's rows, as a share of the figure
    fig.tight_layout(rect=(0, legend, 1, 1 - 0.35 / height))
    out = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):  # text stays text: searchable, read by screen readers
        fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = out.getvalue()
    return svg[svg.index("<svg"):]
