"""`python -m hipfit_desktop` and the `hipfit` command."""

import sys


def run() -> int:
    # Ctrl+C before the window's own handler is in place (while Qt loads) ends quietly, with the shell's code.
    try:
        from .cli import main

        return main()
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(run())
