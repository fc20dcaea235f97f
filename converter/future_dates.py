"""A date that lies in the future: one rule for ``check`` (date-future) and the deposit writers.

A deposit is where a mistyped year matters most (Crossref and DOAJ show it as given), so
``convert --to crossref`` / ``--to doaj`` say it in the words ``check --profile general`` uses.
"""

from __future__ import annotations

import datetime as dt

from converter import model

Parts = tuple[int, int | None, int | None]

# One day of grace: a date written in UTC+12 may be tomorrow in UTC.
GRACE = dt.timedelta(days=1)


def today() -> dt.date:
    """Today in UTC, as the check counts it."""
    return dt.datetime.now(dt.UTC).date()


def show(parts: Parts) -> str:
    """(2018, 9, None) → '2018-09'."""
    year, month, day = parts
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def future(parts: Parts, on: dt.date) -> str | None:
    """Why the date is in the future as of ``on`` (its earliest day past the grace), else None."""
    year, month, day = parts
    if dt.date(year, month or 1, day or 1) <= on + GRACE:
        return None
    return f"date {show(parts)} is in the future (today is {on})"


def _parts(value: str) -> Parts:
    """A model date ('2018', '2018-09', '2018-09-28': checked as it entered the model)."""
    year, month, day = [*(int(part) for part in value.split("-")), None, None][:3]
    assert year is not None
    return year, month, day


def in_article(article: model.Article, on: dt.date | None = None) -> list[str]:
    """'published.electronic: date 2099-09-28 is in the future (today is …)', one a date."""
    on = on or today()
    published, history = article.published, article.history
    dates = [
        ("published.electronic", published.electronic),
        ("published.print", published.print),
        ("published.collection", published.collection),
        ("history.received", history.received),
        *((f"history.revised[{i}]", value) for i, value in enumerate(history.revised)),
        ("history.accepted", history.accepted),
    ]
    lines = []
    for field, value in dates:
        why = future(_parts(value), on) if value else None
        if why:
            lines.append(f"{field}: {why}")
    return lines
