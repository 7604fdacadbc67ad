"""A desktop missing the X11 libraries Qt's xcb plugin needs (libxcb-cursor0 on a
clean Debian/Ubuntu) gets one line naming the packages and the apt command, exit 2,
instead of Qt's abort; no display at all gets one line too.

The table of libraries is checked with the real tool: ``ldd`` on the xcb plugin
PySide6 ships (and, on this machine, which of them are really missing)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regviz import cli
from regviz.gui import system_libraries
from regviz.gui.system_libraries import XCB_LIBRARIES, check_display, missing_xcb_packages

X11_DESKTOP = {"DISPLAY": ":0", "HOME": "/home/teacher"}


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def ldd(path: Path) -> dict[str, str]:
    """soname → where the loader finds it ("not found" if nowhere), by ldd."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True)
    found = {}
    for line in out.stdout.splitlines():
        m = re.match(r"\s*(\S+) => (.*?)(?: \(0x[0-9a-f]+\))?$", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


def test_missing_libraries_are_named_with_the_install_command(monkeypatch, capsys):
    """Simulated: the loader finds everything but libxcb-cursor0's library."""
    monkeypatch.setattr(system_libraries, "library_loads",
                        lambda soname: soname != "libxcb-cursor.so.0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(system_libraries.sys, "platform", "linux")

    def no_window(*args, **kwargs):
        raise AssertionError("Qt was asked to open a window")

    import regviz.gui.launch

    monkeypatch.setattr(regviz.gui.launch, "run", no_window)
    assert cli.main(["--preset", "l2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "libxcb-cursor0" in err[0] and "sudo apt-get install libxcb-cursor0" in err[0]
    assert "libxcb-icccm4" not in err[0]


@pytest.mark.parametrize("environ, platform, asked", [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"DISPLAY": ":0"}, "darwin", False),
])
def test_only_an_xcb_platform_is_checked(environ, platform, asked):
    looked_up = []
    check_display(environ, platform, lambda soname: looked_up.append(soname) or True)
    assert bool(looked_up) == asked


def test_no_display_at_all_is_one_line():
    with pytest.raises(system_libraries.DisplayUnavailable, match="no display"):
        check_display({"HOME": "/root"}, "linux", lambda soname: True)
    check_display({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda soname: False)


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (glibc's loader tool)")
def test_the_table_covers_the_real_plugin_and_finds_what_ldd_finds_missing():
    """Checked with ldd: every X11 library the shipped xcb plugin loads is in the
    table, and on this machine the check reports exactly the packages of the
    libraries ldd cannot find (none on a complete desktop)."""
    plugin = qt_dir() / "plugins" / "platforms" / "libqxcb.so"
    qpa = next((qt_dir() / "lib").glob("libQt6XcbQpa.so*"))
    needed = {**ldd(plugin), **ldd(qpa)}
    gui_needs = ldd(next((qt_dir() / "lib").glob("libQt6Gui.so*")))
    x11 = {s for s in needed if re.match(r"lib(xcb|X11-xcb|xkbcommon-x11)", s)}
    assert x11 - set(gui_needs) <= set(XCB_LIBRARIES), x11 - set(XCB_LIBRARIES)
    missing_by_ldd = sorted({XCB_LIBRARIES[s] for s, where in needed.items()
                             if where == "not found" and s in XCB_LIBRARIES})
    assert missing_xcb_packages() == missing_by_ldd


def test_the_readme_lists_every_package():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert [p for p in XCB_LIBRARIES.values() if p not in readme] == []
