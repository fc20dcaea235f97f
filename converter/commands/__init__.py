"""Commands of the ``jatsconv`` CLI that live in their own modules (registered in ``cli.py``)."""
