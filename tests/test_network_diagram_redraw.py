"""The diagram re-draws its units and raster only when what they show changed."""

import pytest
from fake_snapshot import fake_snapshot

from regviz.gui.app import create_application
from regviz.gui.theme import Theme
from regviz.gui.views.network_diagram_view import NetworkDiagramView


@pytest.fixture
def view(qtbot):
    create_application(deterministic=True)
    view = NetworkDiagramView(Theme.light())
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def unit_brush_lightness(view, layer, unit):
    index = view._unit_index[layer][unit]
    return view.units.data["brush"][index].color().lightness()


def test_unchanged_units_are_not_set_again(view, monkeypatch):
    view.show_snapshot(fake_snapshot(step=100, keep_prob=1.0))
    calls = []
    monkeypatch.setattr(view.units, "setData", lambda *a, **k: calls.append(k))
    view.show_snapshot(fake_snapshot(step=200, keep_prob=1.0, seed=1))
    assert calls == []
    assert "step 200" in view.caption.text()  # the caption still follows every frame


def test_units_follow_dropout_switching_on_and_off(view):
    view.show_snapshot(fake_snapshot(keep_prob=0.5))
    assert unit_brush_lightness(view, 1, 0) < 200  # dropped for sample 0: grey
    view.show_snapshot(fake_snapshot(keep_prob=1.0))
    assert unit_brush_lightness(view, 1, 0) > 240  # every unit used again: white
    assert len(view.crosses.data) == 0
    view.show_snapshot(fake_snapshot(keep_prob=0.5))
    assert unit_brush_lightness(view, 1, 0) < 200
    assert len(view.crosses.data) == 3


def test_selection_and_theme_redraw_the_units(view):
    view.show_snapshot(fake_snapshot(keep_prob=0.5))
    view.set_selected_sample(1)  # sample 1 drops unit 2 of layer 1, keeps unit 0
    assert unit_brush_lightness(view, 1, 0) > 240
    assert unit_brush_lightness(view, 1, 2) < 200
    view.apply_theme(Theme.dark())
    assert unit_brush_lightness(view, 0, 0) < 60  # live units take the dark background


def test_raster_note_comes_back_after_dropout(view):
    view.show_snapshot(fake_snapshot(keep_prob=1.0))
    view.show_snapshot(fake_snapshot(keep_prob=0.5))
    assert view.mask_raster_image.image is not None
    assert view.raster_note.textItem.toPlainText() == ""
    view.show_snapshot(fake_snapshot(keep_prob=1.0))
    assert "no dropout" in view.raster_note.textItem.toPlainText()
    assert view.mask_raster_image.image is None
