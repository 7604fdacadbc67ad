"""A plot as an SVG drawing that real renderers (librsvg, cairosvg, browsers, Qt's
own) draw like the PNG export.

pyqtgraph's ``SVGExporter`` does most of it: it puts the items in export mode, so
scatter symbols are drawn one by one as shapes (Qt's generator alone embedded the
whole pixmap sheet of marker symbols for every single point), and it bakes each
item's transform into its path coordinates (left to Qt, a curve sits under the data
transform, ×300, with ``vector-effect="non-scaling-stroke"``, which librsvg and
cairosvg ignore: every curve became a huge filled shape). Two things are added here:

- pyqtgraph 0.14 cannot read a closed path while rewriting: Qt 6.10 and later end
  rectangles with ``Z`` and the exporter stopped with "not enough values to
  unpack" (pyqtgraph issue #3495). Such paths are closed with an explicit line
  back to their start first, which draws the same shape.
- A raster (the boundary map, the dropout masks, the weight histograms) is a small
  image scaled up; the PNG export draws its cells as sharp blocks, but SVG
  renderers smooth a scaled image into a blur. Each embedded image is enlarged to
  at least the size it is shown at, cell by cell (nearest neighbour), so every
  renderer draws the same blocks.
- Shapes with neither fill nor stroke (a view box's own rectangles) are dropped:
  they draw nothing, except in Qt's SVG renderer, which framed them in black."""

from __future__ import annotations

import base64
import importlib
import math
import re
from contextlib import contextmanager
from pathlib import Path
from xml.dom import minidom

import numpy as np
import pyqtgraph.exporters as exporters
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

# The module, not the class of the same name that pyqtgraph.exporters exports.
_svg_module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
PNG_DATA = "data:image/png;base64,"


def export_svg(item, path: str) -> None:
    """Write ``item`` (a plot item or a graphics scene) to ``path`` as SVG."""
    with _closed_paths_readable():
        svg = exporters.SVGExporter(item).export(toBytes=True)
    Path(path).write_bytes(clean_svg(bytes(svg)))


def clean_svg(svg: bytes) -> bytes:
    """``svg`` with sharp rasters and without invisible shapes (see above)."""
    document = minidom.parseString(svg)
    sharpen_rasters(document)
    drop_invisible_shapes(document)
    return document.toxml(encoding="utf-8")


def explicit_close(path_data: str) -> str:
    """``path_data`` (Qt's SVG path syntax: ``M x,y L x,y … Z``) with every ``Z``
    replaced by a line back to the start of its subpath."""
    out: list[str] = []
    start = None
    for token in path_data.split():
        if token[0] in "Mm":
            start = token[1:]
        if token in ("Z", "z"):
            if start is not None:
                out.append("L" + start)
            continue
        out.append(token)
    return " ".join(out)


def sharpen_rasters(document) -> None:
    """Enlarge every embedded PNG (nearest neighbour) to at least the size it is
    drawn at, so no renderer blurs its cells."""
    for image in document.getElementsByTagName("image"):
        href = image.getAttribute("xlink:href")
        if not href.startswith(PNG_DATA):
            continue
        width, height = float(image.getAttribute("width")), float(image.getAttribute("height"))
        sx, sy = _scale_of(image)
        picture = QImage.fromData(QByteArray(base64.b64decode(href[len(PNG_DATA):])), "PNG")
        if picture.isNull():
            continue
        wanted_w = math.ceil(width * sx / picture.width()) * picture.width()
        wanted_h = math.ceil(height * sy / picture.height()) * picture.height()
        if wanted_w <= picture.width() and wanted_h <= picture.height():
            continue
        larger = picture.scaled(max(wanted_w, picture.width()), max(wanted_h, picture.height()),
                                Qt.AspectRatioMode.IgnoreAspectRatio,
                                Qt.TransformationMode.FastTransformation)
        image.setAttribute("xlink:href", PNG_DATA + _png_base64(larger))
        image.setAttribute("image-rendering", "optimizeSpeed")


SHAPES = ("rect", "path", "polyline", "polygon", "circle", "ellipse", "line")


def drop_invisible_shapes(document) -> None:
    for tag in SHAPES:
        for shape in list(document.getElementsByTagName(tag)):
            if _inherited(shape, "fill") == "none" and _inherited(shape, "stroke") == "none":
                shape.parentNode.removeChild(shape)


def _inherited(element, name: str) -> str:
    """The value of presentation attribute ``name`` that applies to ``element``."""
    node = element
    while node is not None and node.nodeType == node.ELEMENT_NODE:
        if node.hasAttribute(name):
            return node.getAttribute(name)
        node = node.parentNode
    return "black" if name == "fill" else "none"  # SVG's initial values


def _scale_of(element) -> tuple[float, float]:
    """How much the transforms around ``element`` enlarge it along x and y."""
    matrix = np.eye(3)
    node = element
    while node is not None and node.nodeType == node.ELEMENT_NODE:
        match = re.match(r"\s*matrix\(([^)]*)\)", node.getAttribute("transform") or "")
        if match:
            a, b, c, d, e, f = (float(v) for v in re.split(r"[\s,]+", match.group(1).strip()))
            matrix = np.array([[a, c, e], [b, d, f], [0, 0, 1]]) @ matrix
        node = node.parentNode
    return float(np.hypot(*matrix[:2, 0])), float(np.hypot(*matrix[:2, 1]))


def _png_base64(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return base64.b64encode(bytes(data)).decode("ascii")


@contextmanager
def _closed_paths_readable():
    correct = _svg_module.correctCoordinates

    def correct_closed_paths(node, defs, item, options):
        for element in node.getElementsByTagName("path"):
            element.setAttribute("d", explicit_close(element.getAttribute("d")))
        return correct(node, defs, item, options)

    _svg_module.correctCoordinates = correct_closed_paths
    try:
        yield
    finally:
        _svg_module.correctCoordinates = correct
