"""Where the labels of change markers go, so they never print over each other.

A label sits beside its marker's line (right of it, or left of it near the right
edge), in the first of a few lanes at the top of the plot where it has room.
When some label finds no room, the two neighbouring markers closest together are
merged into one label ("L2 λ → 0.7 (3 changes)") and the layout starts again:
many changes collapse into few labels that can all be read. Pure Python: widths
come from a function the plot gives (its font's metrics).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..language import translate

LANES = 3
PAD_PX = 4.0  # between a line and its label
GAP_PX = 8.0  # between two labels in one lane


@dataclass(frozen=True)
class PlacedLabel:
    text: str
    left: float  # pixels from the plot's left edge
    lane: int  # 0 = top
    width: float
    marker_xs: tuple[float, ...]  # the lines (pixels) this label speaks for


def cluster_text(events: Sequence) -> str:
    """One label for ``events`` (``ChangeEvent``s: ``name`` and ``label``, e.g.
    "L2 λ = 0.7"): each setting once, with its last value, and how many changes
    it made if more than one."""
    order: dict[str, list] = {}
    for e in events:
        order.setdefault(e.name, []).append(e)
    parts = []
    for changes in order.values():
        last = changes[-1]
        label = last.text(field_text)
        if len(changes) == 1:
            parts.append(label)
        else:
            name, _, value = label.partition(" = ")
            parts.append(translate("Markers", "{name} → {value} ({count} changes)").format(
                name=name, value=value, count=len(changes)))
    return translate("Markers", ", ").join(parts)


def field_text(text: str) -> str:
    return translate("Field", text)


def layout_labels(markers: Sequence[tuple[float, Sequence]], plot_width: float,
                  text_width: Callable[[str], float], lanes: int = LANES
                  ) -> list[PlacedLabel]:
    """``markers``: (x in pixels, events at that line), in increasing x. Returns
    the labels to draw, none overlapping another in its lane."""
    clusters = [[m] for m in sorted(markers, key=lambda m: m[0])]
    while clusters:
        placed = _try_layout(clusters, plot_width, text_width, lanes)
        if placed is not None:
            return placed
        # Merge the two neighbouring clusters whose lines are closest together.
        gaps = [clusters[i + 1][0][0] - clusters[i][-1][0] for i in range(len(clusters) - 1)]
        i = min(range(len(gaps)), key=gaps.__getitem__)
        clusters[i:i + 2] = [clusters[i] + clusters[i + 1]]
    return []


def _try_layout(clusters, plot_width, text_width, lanes) -> list[PlacedLabel] | None:
    lane_ends = [float("-inf")] * lanes
    placed = []
    for cluster in clusters:
        events = [e for _, evs in cluster for e in evs]
        text = cluster_text(events)
        width = float(text_width(text))
        x = cluster[0][0]
        left = x + PAD_PX
        if left + width > plot_width:  # no room to the right: hang it left of the line
            left = max(0.0, min(x, plot_width) - PAD_PX - width)
        for lane in range(lanes):
            if left >= lane_ends[lane] + GAP_PX:
                lane_ends[lane] = left + width
                placed.append(PlacedLabel(text, left, lane, width,
                                          tuple(m[0] for m in cluster)))
                break
        else:
            if len(clusters) == 1:  # nothing left to merge: the one label, at the top
                return [PlacedLabel(text, left, 0, width, tuple(m[0] for m in cluster))]
            return None
    return placed
