"""Schematron rule sets of other parties (the JATS4R rules), installed, compiled and run here.

``store`` installs the pinned registry package into the user cache with documented patches;
``compiler`` turns ISO Schematron (XSLT 2/3 query binding) into an XSLT 3.0 stylesheet that
writes SVRL; ``runner`` runs it with Saxon (``saxonche``), compiled once per process.
"""
