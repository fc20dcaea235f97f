"""A lazily compiled pattern answers as ``re.compile`` would, and is compiled once, on first use.

The package's module-level patterns are ``lazy_re.compile``d so that a short command does not
pay for the many it never uses (start-up); a reference parsed wrong or a slower labeller would
be what a user noticed if the lazy pattern answered differently or compiled on every call.
"""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from converter import lazy_re
from converter.citations import fields, names

PATTERN = r"(?P<word>[Тт]ом|vol)\.?\s*(?P<number>\d+)"
TEXTS = ["Том 5", "vol.12, vol 3", "no volume", "", "т. 2; Vol. 7 and том 9"]


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The patterns ``re.compile`` is asked for while the test runs."""
    asked: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        asked.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    return asked


@pytest.mark.parametrize("text", TEXTS)
def test_answers_as_the_compiled_pattern(text: str) -> None:
    lazy = lazy_re.compile(PATTERN, re.I)
    real = re.compile(PATTERN, re.I)

    def spans(found: re.Match[str] | None) -> tuple[int, int] | None:
        return found.span() if found else None

    for _ in range(2):  # before compiling and after
        assert spans(lazy.search(text)) == spans(real.search(text))
        assert spans(lazy.search(text, 1, 6)) == spans(real.search(text, 1, 6))
        assert spans(lazy.match(text)) == spans(real.match(text))
        assert spans(lazy.fullmatch(text)) == spans(real.fullmatch(text))
        assert lazy.sub(r"\g<number>", text) == real.sub(r"\g<number>", text)
        assert lazy.sub(lambda m: m["word"].upper(), text, 1) == real.sub(
            lambda m: m["word"].upper(), text, 1
        )
        assert lazy.subn("", text) == real.subn("", text)
        assert [m.groupdict() for m in lazy.finditer(text)] == [
            m.groupdict() for m in real.finditer(text)
        ]
        assert lazy.findall(text) == real.findall(text)
        assert lazy.split(text, 1) == real.split(text, 1)


def test_pattern_and_flags_are_read_without_compiling(compiles: list[str]) -> None:
    lazy = lazy_re.compile(PATTERN, re.I)
    combined = re.compile(rf"^{lazy.pattern}$", lazy.flags)
    assert (lazy.pattern, lazy.flags) == (PATTERN, re.I)
    assert compiles == [combined.pattern]  # only the new pattern, not the lazy one
    assert (lazy.groups, dict(lazy.groupindex)) == (2, {"word": 1, "number": 2})
    assert compiles == [combined.pattern, PATTERN]


def test_compiled_on_first_use_and_only_then(compiles: list[str]) -> None:
    lazy = lazy_re.compile(r"\d+")
    assert compiles == []
    for text in ["a1", "b22", "c"]:
        lazy.search(text)
        lazy.sub("#", text)
    assert compiles == [r"\d+"]
    # from then on a call is the compiled pattern's own method: no Python code in between
    assert lazy.search == lazy.compiled().search
    assert not isinstance(lazy.search, types.MethodType)  # (a method of LazyPattern's would be)
    assert lazy.compiled() is lazy.compiled()


def test_a_module_s_name_is_bound_to_the_compiled_pattern_on_first_use() -> None:
    """So that later calls in that module cost what re's own do; the lazy object itself, kept
    in a list or imported elsewhere before, goes on answering."""
    module: dict[str, object] = {}
    exec(
        "from converter import lazy_re\n"
        "WORD = lazy_re.compile(r'[a-z]+')\n"
        "SAME = WORD\n"
        "LISTED = [WORD]\n",
        module,
    )
    lazy = module["WORD"]
    assert isinstance(lazy, lazy_re.LazyPattern)
    assert module["LISTED"][0].match("abc 1").group() == "abc"  # type: ignore[index]
    assert module["WORD"] is module["SAME"] is lazy.compiled()
    assert isinstance(module["WORD"], re.Pattern)
    assert module["LISTED"] == [lazy]
    assert lazy.search("1 xyz").group() == "xyz"


def test_a_pattern_made_in_a_function_binds_no_module_name() -> None:
    pattern = lazy_re.compile(r"\d")
    pattern.search("a1")
    assert isinstance(pattern, lazy_re.LazyPattern)
    assert all(value is not pattern._compiled for value in globals().values())


def test_bytes_patterns_work_too() -> None:
    lazy = lazy_re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
    assert lazy.search(b'<?xml?><!doctype x SYSTEM "x.dtd">') is not None
    assert lazy.search(b"<x/>") is None


def test_a_copy_or_a_pickled_pattern_is_the_same_pattern() -> None:
    lazy = lazy_re.compile(PATTERN, re.I)
    lazy.search("Том 5")
    for other in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert isinstance(other, lazy_re.LazyPattern)
        assert (other.pattern, other.flags) == (PATTERN, re.I)
        assert other.search("vol. 3") is not None


def test_a_real_pattern_is_given_where_one_is_needed() -> None:
    lazy = lazy_re.compile(r"\s*;\s*")
    assert isinstance(lazy.compiled(), re.Pattern)
    assert re.split(lazy.compiled(), "a ; b;c") == ["a", "b", "c"]


def test_the_parser_s_patterns_are_not_compiled_at_import() -> None:
    """What the change is for: a module's patterns cost nothing until they are used (in a fresh
    interpreter, as a command starts)."""
    code = (
        "from converter.citations import fields\n"
        "from converter.lazy_re import LazyPattern\n"
        "found = [v for v in vars(fields).values() if isinstance(v, LazyPattern)]\n"
        "print(len(found), sum(v._compiled is not None for v in found))\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    many, compiled = map(int, done.stdout.split())
    assert many > 50
    assert compiled == 0
    # and used, they read as before
    assert fields.parse_date("21 июля 2018") == "2018-07-21"
    assert names.SAME_AUTHORS.match("Он же. Title") is not None
