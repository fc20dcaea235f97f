"""What a conversion is asked to do and what it produced: shared by readers, writers and the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from converter.errors import type_named
from converter.grammars import Grammars, GrammarsArg, as_grammars
from converter.languages import normalize_language
from converter.validation import Problem

JatsVersion = Literal["1.4", "1.3"]
TagSet = Literal["publishing", "archiving"]

# PMC's tagging guidelines list JATS 1.0–1.3 (and NLM 2.3/3.0), not 1.4: a run checked against
# the pmc profile writes 1.3 unless a version is asked for (``--jats-version 1.4`` keeps 1.4,
# and the pmc-dtd-version warning with it).
PMC_VERSION: JatsVersion = "1.3"
# The versions PMC takes, as a dtd-version starts (the pmc check's rule and `package` say so of
# any other).
PMC_TAKES = ("1.0", "1.1", "1.2", "1.3", "2.3", "3.0")
PMC_VERSION_NOTE = (
    "pmc profile: writing JATS 1.3, the latest version PMC takes (--jats-version 1.4 to write 1.4)"
)


def default_version(profiles: tuple[str, ...] | list[str]) -> JatsVersion:
    """The JATS version written when none is asked for: 1.3 when the output is for PMC."""
    return PMC_VERSION if "pmc" in profiles else "1.4"


def one_text_for_profiles(given: str) -> str:
    """What a caller giving one text where a tuple of profile names belongs is told (by
    ``Options`` and ``checks.check_file``): its letters are no names."""
    return f"profiles: a tuple of profile names, ({given!r},), not the text {given!r}"


def not_profiles(given: object) -> str:
    """What a caller giving no sequence at all for the profiles (None, a number) is told, a
    ``TypeError``: Python's own said "argument of type 'NoneType' is not iterable"."""
    return f"profiles: a tuple of profile names, ('pmc',), not {type_named(given)}"


@dataclass(frozen=True, slots=True)
class Options:
    """Options of one conversion run (the same for every article of a batch)."""

    # None: the version ``default_version`` gives for the profiles, as ``convert`` without
    # ``--jats-version`` writes (1.3 with pmc, else 1.4); resolved in ``__post_init__``, so
    # ``options.version`` is always a version once built.
    version: JatsVersion | None = None
    tag_set: TagSet = "publishing"
    target: str = "jats"  # a key of converter.writers.WRITERS
    grammars: Grammars | None = None  # None: no grammar validation
    write_invalid: bool = False
    profiles: tuple[str, ...] = ()  # service profiles checked while converting
    strict: bool = False  # a reader's "data dropped" warning fails the article (lossless runs)
    doaj_language: str | None = None  # DOAJ output: language of the first title and abstract
    include_unpublished: bool = False  # Crossref/DOAJ output: deposit articles not yet out too

    if TYPE_CHECKING:
        # What a caller may pass, for type checkers and editors: ``grammars`` as the DTD
        # folder's path too (``__post_init__`` makes it a ``Grammars``), which the README
        # documents and the field's own hint denied. The field, which the writers read, stays
        # ``Grammars | None``. (The dataclass writes the real ``__init__``; a test keeps these
        # parameters the fields'.)
        def __init__(
            self,
            version: JatsVersion | None = None,
            tag_set: TagSet = "publishing",
            target: str = "jats",
            grammars: GrammarsArg = None,
            write_invalid: bool = False,
            profiles: tuple[str, ...] = (),
            strict: bool = False,
            doaj_language: str | None = None,
            include_unpublished: bool = False,
        ) -> None: ...

    def __post_init__(self) -> None:
        # ``grammars`` may be given as the DTD folder's path, as every path of the API may.
        object.__setattr__(self, "grammars", as_grammars(self.grammars, "Options.grammars"))
        if isinstance(self.profiles, str):  # refused here, before "pmc" in "pmc" chose 1.3
            raise ValueError(one_text_for_profiles(self.profiles))
        if not isinstance(self.profiles, Iterable):
            raise TypeError(not_profiles(self.profiles))
        if self.doaj_language is not None and not isinstance(self.doaj_language, str):
            raise TypeError(
                f"doaj_language: a language code as a str ('en'), not "
                f"{type_named(self.doaj_language)}"
            )
        if self.version is None:
            object.__setattr__(self, "version", default_version(self.profiles))
        if self.doaj_language is not None:  # as --doaj-language reads it: "EN", "eng" are en
            try:
                language = normalize_language(self.doaj_language)
            except ValueError as exc:  # (an unknown one was ignored: the default order written)
                raise ValueError(f"doaj_language: {exc}") from None
            object.__setattr__(self, "doaj_language", language)

    def key(self) -> str:
        """What identifies these options in an up-to-date check (grammar folder excluded)."""
        return "|".join(
            [
                self.version or "",
                self.tag_set,
                self.target,
                str(self.grammars is not None),
                ",".join(self.profiles),
                "strict" if self.strict else "",
                self.doaj_language or "",
                # (added only when set: the keys of earlier batch runs stay what they were)
                *(["include-unpublished"] if self.include_unpublished else []),
            ]
        )


# The same, at run time: ``help(Options)`` and ``inspect.signature(Options)`` show what is taken.
Options.__init__.__annotations__["grammars"] = "GrammarsArg"


@dataclass(slots=True)
class Output:
    """A rendered document and what the grammar (and any profile) said of it."""

    data: bytes
    problems: list[Problem] = field(default_factory=list)
    suffix: str = ".xml"

    @property
    def valid(self) -> bool:
        """No problem of severity "error" (warnings allowed). Without grammars nothing was
        validated, and only the writer's own problems count."""
        return not any(p.severity == "error" for p in self.problems)

    def to_write(self, write_invalid: bool) -> bool:
        """Whether the output is written: when valid, or when asked for invalid ones too and
        there is a document to write (a Crossref or DOAJ output refused before it was built,
        for a missing URL or ISSN, has none: ``--write-invalid`` wrote an empty file)."""
        return self.valid or (write_invalid and bool(self.data))
