r"""Regular expressions compiled on first use.

Start-up: a module's patterns are compiled when it is imported, yet most of them are unused in
any one run — a ``convert`` of one article used 75 of the package's 337 module-level patterns,
and compiling the other 262 took about 30 ms of its CPU (4 December 2026). A ``LazyPattern``
compiles when it is first used, and from then on costs nothing extra:

- the module-level name it was assigned to (``_YEAR = lazy_re.compile(r"\d{4}")``) is bound to
  the compiled ``re.Pattern`` in its place, so that later look-ups of ``_YEAR`` in that module
  find re's own object: an instance attribute alone (below) still made the reference parser
  2–3 % slower, as each call's look-up went through the instance and its dictionary;
- where the object itself stays in use (in a list of patterns, or imported into another module
  before it was compiled), the compiled pattern's bound methods are stored on the instance,
  where they shadow the class's methods, so ``pattern.search(text)`` calls re's C code directly.

``compile(pattern, flags)`` is called as ``re.compile`` is. ``pattern`` and ``flags`` are the
arguments as given (read without compiling, so ``LazyPattern.pattern`` can be put into another
pattern at import); ``groups`` and ``groupindex`` compile first. Where a real ``re.Pattern`` is
needed (``re.sub(pattern, …)``, ``isinstance``, its other attributes), pass ``compiled()``; a
function that takes either kind says ``Pattern[str]``. There is no ``__getattr__`` for the
rest: a class with one makes every attribute look-up, so every call, slower (≈ 70 ns more a
``match``, against ≈ 10 ns without). This module imports nothing from the package, so any
module can use it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any, AnyStr, Generic, TypeAlias

# The methods that, once compiled, are the compiled pattern's own bound methods.
_METHODS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split")


class LazyPattern(Generic[AnyStr]):
    """A ``re.Pattern`` (of ``str`` or ``bytes``) compiled on first use (see the module's
    docstring)."""

    def __init__(
        self,
        pattern: AnyStr,
        flags: int | re.RegexFlag = 0,
        namespace: dict[str, Any] | None = None,
    ) -> None:
        self.pattern = pattern
        self.flags = int(flags)
        self._compiled: re.Pattern[AnyStr] | None = None
        # (the globals of the module that made it, where its names are rebound once compiled)
        self._namespace = namespace

    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern, compiled now if it was not yet. Its bound methods are then
        stored on this instance (they shadow the class's methods below, which only run once),
        and the module-level names bound to this instance are bound to it instead. (Two
        threads may both compile; either result is the same pattern.)"""
        compiled = self._compiled
        if compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
            namespace, self._namespace = self._namespace, None
            if namespace is not None:
                for name in [key for key, value in list(namespace.items()) if value is self]:
                    namespace[name] = compiled
        return compiled

    def search(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().search(string, pos, endpos)

    def match(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[AnyStr] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def sub(
        self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr, count: int = 0
    ) -> AnyStr:
        return self.compiled().sub(repl, string, count)

    def subn(
        self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr, count: int = 0
    ) -> tuple[AnyStr, int]:
        return self.compiled().subn(repl, string, count)

    def finditer(
        self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[AnyStr]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]:
        return self.compiled().split(string, maxsplit)

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.compiled().groupindex

    def __reduce__(self) -> tuple[type[LazyPattern[AnyStr]], tuple[AnyStr, int]]:
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        flags = f", {self.flags}" if self.flags else ""
        return f"lazy_re.compile({self.pattern!r}{flags})"


# A parameter that takes a module's pattern: a ``LazyPattern`` until it is compiled, then the
# ``re.Pattern`` its name is bound to.
Pattern: TypeAlias = LazyPattern[AnyStr] | re.Pattern[AnyStr]


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> LazyPattern[AnyStr]:
    """``re.compile(pattern, flags)``, compiled on first use. Called at a module's top level,
    the names it is assigned to there are bound to the compiled pattern on first use."""
    caller = sys._getframe(1)
    namespace = caller.f_globals if caller.f_code.co_name == "<module>" else None
    return LazyPattern(pattern, flags, namespace)
