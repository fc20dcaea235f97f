"""Checks and normal forms of the identifiers scholarly metadata carries.

Each ``normalize_*`` function returns the canonical form or raises ``ValueError`` with a short
message an editor understands; the model uses them as validators and the profile checks reuse them.
"""

from __future__ import annotations

import re

from converter import lazy_re

_ISSN_RE = lazy_re.compile(r"^(\d{4})-?(\d{3}[\dX])$")
_ORCID_RE = lazy_re.compile(r"^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")
_ORCID_URL_RE = lazy_re.compile(r"^https?://(?:www\.)?orcid\.org/", re.IGNORECASE)
_DOI_RE = lazy_re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX_RE = lazy_re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_ROR_RE = lazy_re.compile(r"^https://ror\.org/0[a-hj-km-np-tv-z0-9]{6}\d{2}$")
_ROR_ID_RE = lazy_re.compile(r"^0[a-hj-km-np-tv-z0-9]{6}\d{2}$")
_EDN_RE = lazy_re.compile(r"^[A-Z]{6}$")
# arXiv identifiers: since 2007 'YYMM.NNNNN' (four digits after the point until 2014), before
# it 'archive[.SUBJECT]/YYMMNNN' ('hep-th/9901001', 'math.GT/0309136'); a version may follow
ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?"
_ARXIV_RE = lazy_re.compile(rf"^{ARXIV_ID}$")
_ARXIV_PREFIX_RE = lazy_re.compile(
    r"^(?:arxiv\s*:\s*|(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE
)
# Hyphen look-alikes editors paste from word processors; DOIs must use ASCII "-".
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"


def issn_check_digit(first_seven: str) -> str:
    """Return the ISSN check character for seven digits (mod 11, weights 8..2; 10 is X)."""
    total = sum(int(d) * w for d, w in zip(first_seven, range(8, 1, -1), strict=True))
    value = (11 - total % 11) % 11
    return "X" if value == 10 else str(value)


def normalize_issn(value: str) -> str:
    """Return ``NNNN-NNNC`` or raise ``ValueError`` (bad form or failing check digit)."""
    text = value.strip().upper()
    match = _ISSN_RE.match(text)
    if not match:
        raise ValueError(f"not an ISSN (expected NNNN-NNNC): {value!r}")
    digits = match.group(1) + match.group(2)
    if issn_check_digit(digits[:7]) != digits[7]:
        raise ValueError(f"check digit fails: {value!r}")
    return f"{digits[:4]}-{digits[4:]}"


def orcid_check_digit(first_fifteen: str) -> str:
    """Return the ORCID check character (ISO 7064 MOD 11-2)."""
    total = 0
    for digit in first_fifteen:
        total = (total + int(digit)) * 2
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def normalize_orcid(value: str) -> str:
    """Return the ORCID as ``https://orcid.org/NNNN-NNNN-NNNN-NNNC`` or raise ``ValueError``."""
    text = _ORCID_URL_RE.sub("", value.strip()).strip("/").upper()
    match = _ORCID_RE.match(text)
    if not match:
        raise ValueError(f"not an ORCID iD (expected NNNN-NNNN-NNNN-NNNC): {value!r}")
    digits = "".join(match.groups())
    if orcid_check_digit(digits[:15]) != digits[15]:
        raise ValueError(f"checksum fails: {value!r}")
    return "https://orcid.org/" + "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def normalize_doi(value: str) -> str:
    """Return the bare DOI (``10.prefix/suffix``) or raise ``ValueError``.

    Resolver prefixes (``https://doi.org/``, ``doi:``) are removed; non-ASCII characters, hyphen
    look-alikes included, are refused because registration agencies reject them.
    """
    text = _DOI_PREFIX_RE.sub("", value.strip())
    # (every dash look-alike is non-ASCII: an ASCII DOI, nearly all, skips the scan)
    dash = None if text.isascii() else next((c for c in text if c in DASHES), None)
    if dash is not None:
        raise ValueError(f"contains a non-ASCII dash U+{ord(dash):04X}; use '-': {value!r}")
    if not text.isascii():
        raise ValueError(f"contains non-ASCII characters: {value!r}")
    if not _DOI_RE.match(text):
        raise ValueError(f"not a DOI (expected 10.NNNN/suffix): {value!r}")
    return text


# What editors write around an identifier in their own files ("ISSN 2658-6444", "ORCID:
# 0000 0002 1825 0097", "orcid.org/…", "DOI 10.…"): taken off by the model's ``read_*``, which
# accept these forms in the input. The ``normalize_*`` functions stay strict: the profile checks
# use them to judge what a JATS file holds, where only the bare form is right.
_ISSN_LABEL_RE = lazy_re.compile(r"^(?:[EP]-?)?ISSN\s*:?\s*", re.IGNORECASE)
_ORCID_LABEL_RE = lazy_re.compile(
    r"^(?:ORCID(?:\s*iD)?(?:\s*:\s*|\s+))?(?:(?:www\.)?orcid\.org/)?", re.IGNORECASE
)
_ORCID_SPACED_RE = lazy_re.compile(r"^(\d{4})\s+(\d{4})\s+(\d{4})\s+(\d{3}[\dXx])$")
_DOI_LABEL_RE = lazy_re.compile(r"^DOI\s*:?\s*(?=10\.)", re.IGNORECASE)


def read_issn(value: str) -> str:
    """An ISSN from an editor's file: ``normalize_issn`` after an "ISSN"/"eISSN" label."""
    return normalize_issn(_ISSN_LABEL_RE.sub("", value.strip()))


def read_orcid(value: str) -> str:
    """An ORCID iD from an editor's file: ``normalize_orcid`` after an "ORCID:" label, a bare
    "orcid.org/" and spaces between the four groups."""
    text = _ORCID_LABEL_RE.sub("", value.strip())
    spaced = _ORCID_SPACED_RE.match(text)
    return normalize_orcid("-".join(spaced.groups()) if spaced else text or value)


def read_doi(value: str) -> str:
    """A DOI from an editor's file: ``normalize_doi`` after a "DOI" label without its colon."""
    return normalize_doi(_DOI_LABEL_RE.sub("", value.strip()))


def is_doi(value: str) -> bool:
    """Whether ``read_doi`` reads ``value`` as a DOI: to tell a DOI among the identifiers a
    source gives without saying which is which (a page's ``DC.identifier``, JSON-LD's
    ``sameAs``) from the others, which are not wrong DOIs."""
    try:
        read_doi(value)
    except ValueError:
        return False
    return True


def normalize_arxiv(value: str) -> str:
    """Return the bare arXiv identifier (``2101.01234``, ``hep-th/9901001``, with its version if
    given) or raise ``ValueError``; an 'arXiv:' label or an arxiv.org address is taken off."""
    text = _ARXIV_PREFIX_RE.sub("", value.strip()).removesuffix(".pdf")
    if not _ARXIV_RE.match(text):
        raise ValueError(
            f"not an arXiv identifier (expected YYMM.NNNNN or archive/YYMMNNN): {value!r}"
        )
    return text


_PMID_LABEL_RE = lazy_re.compile(r"^(?:PMID|PubMed\s*(?:ID)?)\s*:?\s*", re.IGNORECASE)
# A PMID is a positive whole number of at most 8 digits (PubMed is past 40,000,000 and adds
# about a million a year); a PMCID is "PMC" and a positive number (PMC is past 12,000,000).
_PMID_RE = lazy_re.compile(r"^[1-9]\d{0,7}$")
_PMCID_LABEL_RE = lazy_re.compile(r"^PMCID\s*:?\s*", re.IGNORECASE)
_PMCID_RE = lazy_re.compile(r"^PMC[1-9]\d{0,8}$")


def normalize_pmid(value: str) -> str:
    """Return a PubMed identifier's digits ('PMID: 12345678' → '12345678') or raise
    ``ValueError``."""
    text = _PMID_LABEL_RE.sub("", value.strip())
    if not _PMID_RE.match(text):
        raise ValueError(
            f"not a PubMed id (a number of at most 8 digits, as 'PMID: 12345678'): {value!r}"
        )
    return text


def pmid_or_none(value: str | None) -> str | None:
    """A PubMed id's digits, None for none or for a malformed one (a reader's data, before the
    model checks it)."""
    try:
        return normalize_pmid(value) if value else None
    except ValueError:
        return None


def normalize_pmcid(value: str) -> str:
    """Return a PubMed Central identifier as 'PMC' and its digits ('PMCID: pmc1234567' →
    'PMC1234567') or raise ``ValueError``. Digits alone are refused: a PMID typed in the
    wrong field would become another article's PMCID (``pmcid_from_jats`` reads PMC's own
    digits-only form, whose element says what it is)."""
    text = _PMCID_LABEL_RE.sub("", value.strip()).upper()
    if text.isdecimal() and _PMCID_RE.match("PMC" + text):
        raise ValueError(
            f"digits alone are not a PubMed Central id: {value!r} (if it is one, write "
            f"PMC{text}; a PubMed id goes in pmid)"
        )
    if not _PMCID_RE.match(text):
        raise ValueError(f"not a PubMed Central id (expected 'PMC' and digits): {value!r}")
    return text


def pmcid_from_jats(value: str) -> str:
    """A PMCID from a JATS ``article-id`` or ``pub-id`` of type ``pmc`` or ``pmcid``: PMC's own
    XML gives the number alone there (``<article-id pub-id-type="pmc">2345678``), which the
    type makes a PMCID; 'PMC2345678' otherwise (``normalize_pmcid``)."""
    text = value.strip()
    return normalize_pmcid("PMC" + text if text.isdecimal() else text)


_ISBN_LABEL_RE = lazy_re.compile(r"^ISBN(?:-1[03])?\s*:?\s*", re.IGNORECASE)
_ISBN_RE = lazy_re.compile(r"^(?:\d[\s-]?){9}[\dX]$|^97[89](?:[\s-]?\d){10}$")


def isbn_valid(digits: str) -> bool:
    """Whether 10 or 13 ISBN characters (digits, a final X in ISBN-10) pass the check digit."""
    if len(digits) == 10:
        total = sum((10 - k) * (10 if c == "X" else int(c)) for k, c in enumerate(digits))
        return total % 11 == 0
    return (
        len(digits) == 13
        and sum(int(c) * (3 if k % 2 else 1) for k, c in enumerate(digits)) % 10 == 0
    )


def normalize_isbn(value: str) -> str:
    """Return the ISBN as written, without its 'ISBN' label, its spaces made hyphens and 'x'
    a capital (the hyphens' places depend on ranges only the ISBN agency publishes), or raise
    ``ValueError`` (bad form or failing check digit)."""
    text = (
        _ISBN_LABEL_RE.sub("", value.strip()).upper().replace("\u2010", "-").replace("\u2013", "-")
    )
    text = re.sub(r"\s*-\s*|\s+", "-", text)
    if not _ISBN_RE.match(text):
        raise ValueError(
            f"not an ISBN (expected 10 or 13 digits, ISBN-13 from 978 or 979): {value!r}"
        )
    if not isbn_valid(text.replace("-", "")):
        raise ValueError(f"check digit fails: {value!r}")
    return text


class ChecksumError(ValueError):
    """An identifier of the right form whose check digits fail: mistyped, not of another kind
    (a reader says so, rather than that the value is no such id)."""


def normalize_ror(value: str) -> str:
    """Return the ROR id as ``https://ror.org/0xxxxxxNN`` or raise ``ValueError``.

    ROR ids are Crockford base32, where case does not matter: ``05GQ02987`` is ``05gq02987``,
    and the address copied from a browser ends in a slash; both are the id, written lower-case
    without the slash. The last two digits are the id's checksum (ISO 7064 mod 97-10 of the
    base32 number), checked so a mistyped id is refused rather than deposited.
    """
    text = value.strip().rstrip("/").lower()
    if _ROR_ID_RE.match(text):
        text = "https://ror.org/" + text
    # (the address written without its scheme, or with http or www, as deposits and pages do)
    text = re.sub(r"^(?:https?://)?(?:www\.)?ror\.org/", "https://ror.org/", text)
    if not _ROR_RE.match(text):
        raise ValueError(f"not a ROR id (expected https://ror.org/0xxxxxxNN): {value!r}")
    if not _ror_checksum_ok(text.removeprefix("https://ror.org/")):
        raise ChecksumError(f"ROR id checksum fails: {value!r}")
    return text


_CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def _ror_checksum_ok(ror_id: str) -> bool:
    """Whether the two check digits of a ROR id match its seven base32 characters."""
    number = 0
    for char in ror_id[:7]:
        number = number * 32 + _CROCKFORD.index(char)
    return int(ror_id[7:]) == 98 - (number * 100) % 97


def normalize_edn(value: str) -> str:
    """Return an eLibrary EDN (six capital Latin letters) or raise ``ValueError``."""
    text = value.strip().upper()
    if not _EDN_RE.match(text):
        raise ValueError(f"not an EDN (expected six Latin letters): {value!r}")
    return text


def normalize_funder_id(value: str) -> str:
    """Return a Funder Registry DOI (``10.13039/…``) or a ROR URL; raise ``ValueError`` else."""
    text = value.strip()
    if "ror.org" in text.lower() or _ROR_ID_RE.match(text.rstrip("/").lower()):
        return normalize_ror(text)
    doi = normalize_doi(text)
    if not doi.startswith("10.13039/"):
        raise ValueError(f"not a Funder Registry DOI (10.13039/…) or ROR id: {value!r}")
    return doi


def funder_id_type(value: str) -> str:
    """Return the JATS ``institution-id-type`` for a normalized funder id."""
    return "ror" if value.startswith("https://ror.org/") else "doi"
