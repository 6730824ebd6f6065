"""``python -m icnk_letter``: the same as the ``icnk-letter`` command."""

from __future__ import annotations

import sys

try:
    from ._cli import main
except KeyboardInterrupt:  # pragma: no cover (Ctrl-C in the first milliseconds of start-up)
    if __name__ != "__main__":
        raise
    sys.exit(130)

if __name__ == "__main__":
    sys.exit(main())
