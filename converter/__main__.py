"""``python -m converter`` runs the ``jatsconv`` command."""

from converter.cli import main

main()
