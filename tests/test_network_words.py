"""A request that reached no one is said in an editor's words, not the C library's errno."""

from __future__ import annotations

import socket

from converter.network_words import attempts, unreachable


def test_a_host_not_found_is_named_with_what_to_check() -> None:
    reason = socket.gaierror(-2, "Name or service not known")
    said = unreachable(reason, "https://nohost.invalid/servlet/deposit")
    assert said == "the host nohost.invalid is not found (no network, or a misspelt address)"


def test_a_refused_connection_names_host_and_port() -> None:
    said = unreachable(ConnectionRefusedError(111, "Connection refused"), "http://127.0.0.1:9/x")
    assert said == "127.0.0.1:9 refused the connection (nothing answers there)"


def test_other_reasons_keep_their_words_without_the_errno() -> None:
    assert unreachable(OSError(101, "Network is unreachable"), "https://a.example/") == (
        "Network is unreachable"
    )
    assert unreachable("timed out", "https://a.example/") == "timed out"


def test_one_attempt_is_singular() -> None:
    assert (attempts(1), attempts(3)) == ("1 attempt", "3 attempts")
