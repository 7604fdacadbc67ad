"""Run by tests/test_screen_fit.py in a fresh process, on an offscreen screen of a
given size and device pixel ratio (set by the caller in QT_QPA_PLATFORM and
QT_SCALE_FACTOR, which must be in place before Qt starts): opens the windows as
the app does and prints what it measured as JSON on the last line.

    python screen_probe.py '{"remember": [x, y, w, h], "present": true,
                             "grab": "out.png", "windows": ["compare", "sweep"]}'
"""

from __future__ import annotations

import json
import sys


def rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def settle(app, ms: int = 800) -> None:
    from PySide6.QtCore import QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        app.processEvents()


def main() -> None:
    args = json.loads(sys.argv[1])
    from PySide6.QtCore import QPoint

    from regviz.config import load_preset
    from regviz.gui.app import create_application
    from regviz.gui.launch import build_window
    from regviz.gui.settings import GEOMETRY_KEY, app_settings

    app = create_application()
    out = {"available": rect(app.primaryScreen().availableGeometry()),
           "dpr": app.primaryScreen().devicePixelRatio()}
    if "remember" in args:  # a geometry saved on another, larger screen
        first = build_window(load_preset("overfit"), remember=False)
        first.setGeometry(*args["remember"])
        app_settings().setValue(GEOMETRY_KEY, first.saveGeometry())
        app_settings().sync()
        first.close()
    window = build_window(load_preset("overfit"), remember="remember" in args)
    window.show()
    settle(app)
    out["frame"] = rect(window.frameGeometry())
    out["geometry"] = rect(window.geometry())
    if args.get("present"):
        window.presentation_action.trigger()
        settle(app)
        out["presenting"] = rect(window.geometry())
        out["arrangement"] = [window.adaptive_layout.arrangement.panel,
                              window.adaptive_layout.arrangement.views]
        out["views"] = {v.objectName(): rect(v.geometry().translated(
            v.mapTo(window, QPoint(0, 0)) - v.pos())) for v in window.views if v.isVisible()}
        out["marks"] = {
            "step_counter": rect(window.step_counter.geometry().translated(
                window.step_counter.mapTo(window, QPoint(0, 0))
                - window.step_counter.pos())),
            "cost_axis": _item_rect(window, window.cost_view.plot_widget,
                                    window.cost_view.plot.getAxis("left")),
        }
    if args.get("grab"):
        image = window.grab().toImage()
        out["image_size"] = [image.width(), image.height()]
        image.save(args["grab"])
    for name in args.get("windows", []):
        actions = window.findChild(__import__("regviz.gui.actions.teach_actions",
                                              fromlist=["TeachActions"]).TeachActions)
        other = actions.open_compare() if name == "compare" else actions.open_sweep()
        settle(app)
        out[name] = rect(other.frameGeometry())
        other.close()
    window.close()
    settle(app, 100)
    print(json.dumps(out))


def _item_rect(window, view, item) -> list[int]:
    from PySide6.QtCore import QPoint

    scene = item.mapRectToScene(item.boundingRect())
    top_left = view.mapFromScene(scene.topLeft())
    bottom_right = view.mapFromScene(scene.bottomRight())
    origin = view.viewport().mapTo(window, QPoint(0, 0))
    return [origin.x() + top_left.x(), origin.y() + top_left.y(),
            bottom_right.x() - top_left.x(), bottom_right.y() - top_left.y()]


if __name__ == "__main__":
    main()
