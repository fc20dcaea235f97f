"""``python -m converter`` runs the ``jatsconv`` command.

A SIGTERM that comes while the command loads is held first (``converter.early_stop``), before
the CLI's modules are imported (0.6-1.4 s): ``batch`` then stops in order, exit 130."""

import sys

from converter.early_stop import hold


def run() -> None:
    """The entry point: hold an early SIGTERM, then load and run the command."""
    hold(sys.argv)
    from converter.cli import main

    main()


if __name__ == "__main__":
    run()
