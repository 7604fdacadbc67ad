"""The recorded history of a run as CSV text: what ``--history`` writes and what
File → Export writes, so both give the same columns."""

from __future__ import annotations

import csv
import io


def history_csv(experiment) -> str:
    """The recorded history as CSV text: one row per recorded step, per-layer
    series as columns ``weight_norm_1``, ``weight_norm_2``, ..."""
    series = experiment.trainer.history.as_dict()
    columns: list[tuple[str, object]] = []
    for name, values in series.items():
        if values.ndim == 1:
            columns.append((name, values))
        else:
            for layer in range(values.shape[1]):
                columns.append((f"{name}_{layer + 1}", values[:, layer]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    n = len(series["step"])
    for i in range(n):
        writer.writerow([_csv_value(values[i]) for _, values in columns])
    return out.getvalue()


def _csv_value(v) -> str:
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 2**53 else repr(f)
