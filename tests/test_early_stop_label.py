"""The lowest-test-loss label is drawn where the class can read it: inside the cost
plot, beside its star, in a window rendered once (no second drawing to set it
right). On the dropout preset at step 400 it was once missing altogether: shown
before the plot had a size, it kept an unscaled transform and lay thousands of
pixels off the plot."""

import pytest
from PySide6.QtCore import QPointF

from regviz.config import load_preset
from regviz.gui.screenshot import render_window


@pytest.mark.parametrize("preset, steps", [("dropout", 400), ("overfit", 2500), ("course", 300)])
def test_the_label_lies_inside_the_cost_plot_beside_its_star(preset, steps):
    window = render_window(load_preset(preset), steps, size=(1600, 1000))
    try:
        view = window.cost_view
        assert view.early_stop_step is not None
        label = view.early_stop_label
        assert label.isVisible()
        box = label.mapRectToScene(label.textItem.mapRectToParent(label.textItem.boundingRect()))
        area = view.plot.vb.sceneBoundingRect()
        assert area.contains(box), (box, area)
        # Its text's size on screen is the font's, not blown up by the plot's scale.
        assert box.height() < 0.5 * area.height() and box.width() < area.width()
        star = view.early_stop_marker.scatter
        star_at = star.mapToScene(star.data["x"][0], star.data["y"][0])
        assert box.left() <= star_at.x() <= box.right(), (box, star_at)
        # It hides no test-loss point: hung under the lowest one (above it, it hid
        # the curves the lesson is about — on the overfit preset, where train and
        # test part after step 1,000).
        x, y = view.curves["test_loss"].getData()
        for px, py in zip(x, y, strict=True):
            assert not box.contains(view.plot.vb.mapViewToScene(QPointF(px, py))), (px, py)
    finally:
        window.close()
