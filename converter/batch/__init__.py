"""The parallel batch driver: many sources in, one validated output per article, resumable.

It knows nothing about JATS: it finds sources, hands them to worker processes that call the
library's pipeline (read, name, render, validate), and keeps the books — names claimed, files
renamed into place, up-to-date stamps, the report. One module per job:

* ``sources``: folders, globs and issue files expanded into files, files into jobs;
* ``worker``: the worker processes (grammar and templates loaded once, in the pool initializer);
  each output goes to a temporary file beside its target;
* ``pool``: the pool of workers, started again when one dies (its articles tried again alone);
* ``books``: the main process renames a temporary file into place only after checking the name
  is not claimed by another article of the run or by a file it did not write. A rename is
  atomic: an interrupted batch leaves complete files and, after clean-up, no temporary ones;
* ``manifest``: per source (file, or spreadsheet row), a stamp of its input bytes, the journal
  files it used, the converter version, a fingerprint of its own files (``fingerprint``) and
  the options. A source whose stamp matches and whose outputs exist is skipped, without
  parsing;
* ``reports``: the JSON and JUnit reports; ``driver``: ``run_batch``, which ties them together.

Nothing per article stays on the main process's heap: the manifest is an SQLite database in the
output folder, and the run's source list, claimed names and report rows live in a private
temporary SQLite database (``scratch``, deleted when the run ends). Memory is the same for
1,000 articles as for 100,000; SQLite keeps a few MB of pages cached.
"""

from __future__ import annotations

from converter.batch.driver import Progress, run_batch
from converter.batch.manifest import MANIFEST_NAME, Manifest, ManifestError
from converter.batch.settings import STATUSES, BatchSettings, Entry, Job, JobResult, Summary
from converter.batch.sources import list_sources

__all__ = [
    "MANIFEST_NAME",
    "STATUSES",
    "BatchSettings",
    "Entry",
    "Job",
    "JobResult",
    "Manifest",
    "ManifestError",
    "Progress",
    "Summary",
    "list_sources",
    "run_batch",
]
