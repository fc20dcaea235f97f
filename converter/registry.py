"""A table of named implementations (readers, writers, commands) loaded on first use.

The table lists ``name → "module:attribute"``; the module is imported only when the name is
looked up. Listing the names (for ``--from``/``--to`` choices, ``--help``) imports nothing, so
a command pays only for the formats it really uses.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def load(target: str) -> Any:
    """The object a ``"package.module:attribute"`` string names."""
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


class LazyRegistry(Mapping[str, T], Generic[T]):
    """A read-only mapping whose values are imported when first looked up."""

    def __init__(self, targets: dict[str, str]) -> None:
        self.targets = dict(targets)
        self._loaded: dict[str, T] = {}

    def __getitem__(self, name: str) -> T:
        try:
            return self._loaded[name]
        except KeyError:
            pass
        target = self.targets[name]  # KeyError for an unknown name, as a dict gives
        value = self._loaded[name] = load(target)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    def __contains__(self, name: object) -> bool:
        return name in self.targets

    def __repr__(self) -> str:
        return f"LazyRegistry({self.targets!r})"
