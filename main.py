"""Launch regviz: ``python main.py [--preset NAME] [--set KEY=VALUE ...]``.

See ``python main.py --help``; the same as ``python -m regviz`` and ``regviz``.
"""

import sys

from regviz.cli import main

if __name__ == "__main__":
    sys.exit(main())
