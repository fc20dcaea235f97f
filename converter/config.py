"""The user's config file: Crossref depositor, deposit credentials, schema folders.

``$JATSCONV_CONFIG``, else ``$XDG_CONFIG_HOME/jats-converter/config.toml`` (``~/.config/…``)::

    [crossref]
    depositor_name = "Association of Japanologists"
    depositor_email = "doi@example.org"
    registrant = "Association of Japanologists"
    username = "role/user"        # deposit credentials: keep this file private (chmod 600)
    password = "…"

    [doaj]
    api_key = "…"

    [schemas]
    crossref = "/path/to/crossref-5.3.1"
    doaj = "/path/to/doaj"

Credentials are read from here or from the environment, never from the command line, so that
they stay out of shell history and process lists.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from converter.errors import InputError, OutputError, cannot_read, output_error
from converter.userdirs import user_cache

ENV_VAR = "JATSCONV_CONFIG"


def config_path() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "jats-converter" / "config.toml"


def load_config() -> dict[str, Any]:
    """The parsed config file, or ``{}`` when there is none; a broken file is bad input."""
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(str(path), [cannot_read(exc)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), [f"not valid TOML: {exc}"]) from None
    for section, value in data.items():
        if not isinstance(value, dict):
            raise InputError(str(path), [f"{section}: expected a [{section}] table"])
    return data


def state_dir() -> Path:
    """Where the converter keeps state between runs (the last Crossref timestamp, the log of
    deposits).

    ``$JATSCONV_STATE_DIR``, else ``$XDG_CACHE_HOME/jats-converter/state``.
    """
    return user_cache("state", "JATSCONV_STATE_DIR")


def state_error(exc: OSError, doing: str) -> OutputError:
    """The one line (exit 73) for a state folder that cannot be made or written (a service
    account's home, a file where the folder would be): the folder, what could not be done
    (``doing``: "keep the log of deposits"), and how to name another folder."""
    hint = "set JATSCONV_STATE_DIR to a folder that can be written"
    return output_error(state_dir(), exc, f"{doing} ({hint})")
