"""Dropout masks of a shuffled mini-batch reach the window in the engine's row
order: row r of a step's masks belongs to training point batch_indices[r], not to
point r. The raster shows row r in column r exactly as the engine used it, and the
diagram crosses out the units dropped for the selected point's own row. (With
full batches the rows are in point order, so reading row p for point p passed
every earlier test.) The masks are first shown to be the ones the step really
used: the step equals the numpy reference's with them."""

import numpy as np
from numpy_reference import assert_same_parameters, course_penalty, sgd_step

from regviz.config import load_preset
from regviz.gui.screenshot import render_window

KEEP = 0.6
BATCH = 32
STEPS_BEFORE = 5  # the last step is then the second batch of the second epoch


def test_shuffled_masks_reach_the_raster_and_the_selected_points_units():
    config = load_preset("overfit").with_values(keep_prob=KEEP, l2=0.7, batch_size=BATCH,
                                                speed=0)
    used = {}

    def last_step_then_select(window):
        experiment = window.experiment
        net, d = experiment.net, experiment.data
        weights, biases = [W.copy() for W in net.weights], [b.copy() for b in net.biases]
        experiment.step(1)
        last = experiment.trainer.last
        rows, masks = last.batch_indices.copy(), [m.copy() for m in last.masks]
        penalty = course_penalty(0.7, 0.0, net.n_layers, len(d.y_train))
        ref_w, ref_b, _ = sgd_step(weights, biases, d.X_train[rows], d.y_train[rows],
                                   config.learning_rate, penalty, KEEP, masks)
        assert_same_parameters(net.weights, net.biases, ref_w, ref_b, "the masked step:")
        point, row = point_read_wrongly_by_position(rows, masks)
        used.update(rows=rows, masks=masks, point=point, row=row)
        window.boundary_view.select_sample(point)
        window.boundary_view.sample_selected.emit(point)

    w = render_window(config, STEPS_BEFORE, prepare=last_step_then_select)
    try:
        diagram = w.network_diagram_view
        rows, masks, point, row = used["rows"], used["masks"], used["point"], used["row"]

        # Raster: unit (rows, first layer's first unit at the top) × batch row.
        expected = np.vstack([m.T for m in masks])[::-1]
        image = diagram.mask_raster_image.image
        assert image.shape == expected.shape == (20 + 3, BATCH)
        assert np.array_equal(image == 235, expected) and np.array_equal(image == 45,
                                                                         ~expected)

        dropped = {(l, int(u)) for l, m in enumerate(masks, start=1)
                   for u in np.flatnonzero(~m[row])}
        assert dropped and diagram.dropped_units() == dropped
        assert f"training point #{point} " in diagram.caption.text()
        assert np.array_equal(w.latest.mask_rows, rows)
    finally:
        w.close()
        w.deleteLater()


def point_read_wrongly_by_position(rows, masks):
    """A point p in the batch at a row r ≠ p whose dropped units differ from those
    of row p: reading row p for point p would show the wrong units."""
    for r, p in enumerate(rows):
        p = int(p)
        if p != r and p < len(rows) and any(not np.array_equal(m[p], m[r]) for m in masks):
            return p, r
    raise AssertionError("no point in this batch tells its row from its index")


def test_the_rasters_columns_say_what_they_are():
    """Full batch: a column is a training point (column p is point p). Mini-batch: a
    column is a row of this step's batch (its point is batch_indices[row]), so the
    axis must not call the column numbers points."""
    labels = {}
    for batch in (0, BATCH):
        config = load_preset("overfit").with_values(keep_prob=KEEP, batch_size=batch)
        window = render_window(config, 3, size=(1600, 1000))
        try:
            labels[batch] = window.network_diagram_view.raster_plot.getAxis("bottom").labelText
        finally:
            window.close()
    assert labels == {0: "training point", BATCH: "row of this step's mini-batch"}
