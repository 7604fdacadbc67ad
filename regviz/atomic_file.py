"""Writing a file so that a failure never leaves half a file or destroys the old one:
a temporary file in the same folder, renamed over the target only when complete.
Every file regviz writes goes through here (reports, histories, sessions,
screenshots, exports). Pure Python: no Qt."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path``. The temporary
    file keeps ``path``'s extension (exporters choose the format by it). On any
    failure nothing is left behind and an existing ``path`` is untouched; OSError
    names ``path`` and the reason."""
    path = Path(path)
    if path.is_dir():
        raise OSError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.stem}-",
                                   suffix=path.suffix)
    except OSError as exc:  # missing folder, no permission
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        # mkstemp makes the file 0600 whatever the umask; the file is the user's,
        # so it gets the mode any program would give it.
        os.chmod(tmp, _mode_for(path))
        write(tmp)
        if os.path.getsize(tmp) == 0:
            raise OSError(f"cannot write {path}: nothing was written (disk full?)")
        os.replace(tmp, path)
    except OSError as exc:
        if str(exc).startswith(f"cannot write {path}"):
            raise  # one of ours, above
        # The system's own text names the temporary file too (a refused rename read
        # "[Errno 13] Permission denied: '.out-x1.csv' -> 'out.csv'").
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


def _mode_for(path: Path) -> int:
    """The permissions ``path`` should have: those of the file it replaces, or a new
    file's (0666 less the umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it
    (Linux); elsewhere set and put back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
