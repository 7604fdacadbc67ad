"""Before Qt opens a window on X11: are the system libraries its xcb platform plugin
needs there? On a clean Debian/Ubuntu desktop some are not (libxcb-cursor0 and
friends), and Qt then aborts with "could not load the Qt platform plugin xcb" and
a page of advice. regviz says in one line which packages are missing and the
command that installs them instead (``cli`` exits with code 2).

Pure Python, no Qt: the check runs before anything loads the plugin. A library
counts as present when the dynamic loader can load it by its soname, exactly as
the plugin's own loading would find it."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# The libraries Qt 6's xcb plugin (libqxcb.so and libQt6XcbQpa.so) loads beyond
# what QtGui itself needs, with the Debian/Ubuntu package of each
# (tests/test_system_libraries.py checks this table against ldd on the plugin).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}


class DisplayUnavailable(Exception):
    """The window cannot be opened here; the message is one line saying why and
    what to do."""


def library_loads(soname: str) -> bool:
    """Whether the dynamic loader finds and loads ``soname``."""
    try:
        ctypes.CDLL(soname, mode=os.RTLD_LAZY | getattr(os, "RTLD_LOCAL", 0))
    except OSError:
        return False
    return True


def platform_will_be_xcb(environ=os.environ, platform: str | None = None) -> bool:
    """Whether Qt will try its xcb plugin: on Linux with an X display, unless the
    user chose another platform (QT_QPA_PLATFORM) or a Wayland session is there
    (Qt 6 then uses Wayland first)."""
    platform = platform or sys.platform
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_xcb_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages of the xcb plugin's libraries that cannot be loaded, sorted."""
    loads = loads or library_loads
    return sorted({package for soname, package in XCB_LIBRARIES.items() if not loads(soname)})


def check_display(environ=os.environ, platform: str | None = None,
                  loads: Callable[[str], bool] | None = None) -> None:
    """Raise DisplayUnavailable (one line) if Qt could not open the window here:
    no display at all, or the xcb plugin's libraries missing."""
    platform = platform or sys.platform
    if (platform.startswith("linux") and not environ.get("QT_QPA_PLATFORM")
            and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")):
        raise DisplayUnavailable(
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
            "set); pictures need none: --steps N --screenshot out.png")
    if not platform_will_be_xcb(environ, platform):
        return
    missing = missing_xcb_packages(loads)
    if missing:
        names = " ".join(missing)
        raise DisplayUnavailable(
            f"the window needs system libraries that are missing (Qt's X11 plugin): "
            f"{names}; install them with: sudo apt-get install {names}")
