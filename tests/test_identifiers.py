"""Check digits and forms of ISSN, ORCID, DOI, ROR, EDN and funder ids."""

from __future__ import annotations

import pytest

from converter import identifiers as ids


@pytest.mark.parametrize("value", ["2658-6444", "2658-6789", "26586444", "0317-8471", "2434-561X"])
def test_valid_issns_pass(value: str) -> None:
    assert ids.normalize_issn(value)[4] == "-"


@pytest.mark.parametrize(
    ("value", "message"),
    [("2658-6445", "check digit fails"), ("2658-644", "not an ISSN"), ("ABCD-EFGH", "not an ISSN")],
)
def test_bad_issns_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ids.normalize_issn(value)


def test_lower_case_x_check_digit_is_normalized() -> None:
    assert ids.normalize_issn("2434-561x") == "2434-561X"


@pytest.mark.parametrize(
    "value",
    [
        "0000-0002-1825-0097",
        "https://orcid.org/0000-0002-1825-0097",
        "0000000218250097",
        "0000-0001-5109-3700",
        "0000-0002-1694-233X",
    ],
)
def test_valid_orcids_become_urls(value: str) -> None:
    assert ids.normalize_orcid(value).startswith("https://orcid.org/0000-000")


def test_orcid_checksum_failure_is_named() -> None:
    with pytest.raises(ValueError, match="checksum fails"):
        ids.normalize_orcid("0000-0002-1825-0098")


def test_orcid_wrong_form() -> None:
    with pytest.raises(ValueError, match="not an ORCID"):
        ids.normalize_orcid("0000-0002-1825")


def test_doi_resolver_prefixes_are_removed() -> None:
    assert ids.normalize_doi("https://doi.org/10.1000/xyz-1") == "10.1000/xyz-1"
    assert ids.normalize_doi("doi:10.1000/abc") == "10.1000/abc"


@pytest.mark.parametrize("dash", ["\u2010", "\u2013", "\u2212"])
def test_doi_with_typographic_dash_is_refused(dash: str) -> None:
    with pytest.raises(ValueError, match="non-ASCII dash"):
        ids.normalize_doi(f"10.1000/abc{dash}1")


def test_doi_without_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="not a DOI"):
        ids.normalize_doi("11.1000/abc")


def test_ror_forms() -> None:
    assert ids.normalize_ror("05qrfxd25") == "https://ror.org/05qrfxd25"
    # written without the scheme, or with http or www: the same id (was "not a ROR id")
    for written in (
        "ror.org/05qrfxd25",
        "http://ror.org/05qrfxd25",
        "https://www.ror.org/05qrfxd25",
    ):
        assert ids.normalize_ror(written) == "https://ror.org/05qrfxd25"
        assert ids.normalize_funder_id(written) == "https://ror.org/05qrfxd25"
    with pytest.raises(ValueError, match="not a ROR"):
        ids.normalize_ror("https://ror.org/15qrfxd25")


def test_ror_capitals_and_trailing_slash_are_the_id() -> None:
    # Crockford base32 has no case, and a browser's address bar adds a slash: both were refused
    for written in ("https://ror.org/05GQ02987", "https://ror.org/05gq02987/", "05GQ02987/"):
        assert ids.normalize_ror(written) == "https://ror.org/05gq02987"
        assert ids.normalize_funder_id(written) == "https://ror.org/05gq02987"
    assert ids.normalize_funder_id("HTTPS://ROR.ORG/05QRFXD25") == "https://ror.org/05qrfxd25"


def test_ror_checksum() -> None:
    # real ROR ids pass; one mistyped character or check digit is refused
    for real in ("05qrfxd25", "02mhbdp94", "013meh722", "05gq02987"):
        assert ids.normalize_ror(real) == f"https://ror.org/{real}"
    for typo in ("05qrfxd26", "05qrfxe25", "https://ror.org/02mhbdp49"):
        with pytest.raises(ValueError, match="checksum fails"):
            ids.normalize_ror(typo)
    with pytest.raises(ValueError, match="checksum fails"):
        ids.normalize_funder_id("05qrfxd26")


def test_funder_ids() -> None:
    assert ids.normalize_funder_id("10.13039/501100006769") == "10.13039/501100006769"
    assert ids.funder_id_type(ids.normalize_funder_id("05qrfxd25")) == "ror"
    with pytest.raises(ValueError, match="Funder Registry"):
        ids.normalize_funder_id("10.1000/abc")


def test_edn() -> None:
    assert ids.normalize_edn("abcdef") == "ABCDEF"
    with pytest.raises(ValueError):
        ids.normalize_edn("ABC12")


# ------------------------------------------------------------------ as editors write them


@pytest.mark.parametrize(
    ("read", "value", "canonical"),
    [
        (ids.read_orcid, "0000 0002 1825 0097", "https://orcid.org/0000-0002-1825-0097"),
        (ids.read_orcid, "orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        (ids.read_orcid, "ORCID: 0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        (ids.read_orcid, "ORCID iD 0000 0002 1825 0097", "https://orcid.org/0000-0002-1825-0097"),
        (ids.read_issn, "ISSN 2658-6444", "2658-6444"),
        (ids.read_issn, "eISSN: 2658-6444", "2658-6444"),
        (ids.read_doi, "DOI 10.5555/abc", "10.5555/abc"),
        (ids.read_doi, "DOI: 10.5555/abc", "10.5555/abc"),
    ],
)
def test_identifiers_as_editors_write_them_are_read(read, value: str, canonical: str) -> None:
    """Labels and spaces around an identifier in an editor's file are taken off (they were
    refused as "not an ORCID iD"/"not an ISSN"/"not a DOI"); the checks stay strict."""
    assert read(value) == canonical
    strict = {ids.read_orcid: ids.normalize_orcid, ids.read_issn: ids.normalize_issn}
    if read in strict:
        with pytest.raises(ValueError):
            strict[read](value)  # what a JATS file holds must be the bare form


@pytest.mark.parametrize(
    ("read", "value", "message"),
    [
        (ids.read_orcid, "ORCID: 0000 0002 1825 0098", "checksum fails"),
        (ids.read_issn, "ISSN 2658-6445", "check digit fails"),
        (ids.read_doi, "DOI x", "not a DOI"),
        (ids.read_orcid, "orcid", "not an ORCID iD"),
    ],
)
def test_labelled_identifiers_are_still_checked(read, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read(value)


def test_a_labelled_issn_in_a_jats_file_is_still_flagged() -> None:
    from converter.checks import check_bytes

    xml = (
        b'<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><journal-meta>'
        b'<issn publication-format="print">ISSN 2658-6444</issn></journal-meta>'
        b"<article-meta/></front></article>"
    )
    found = [f.rule for f in check_bytes(xml, "doc.xml", ("general",)).findings]
    assert "issn-check-digit" in found


@pytest.mark.parametrize(
    ("value", "bare"),
    [
        ("1704.07356", "1704.07356"),
        ("arXiv:2101.01234v2", "2101.01234v2"),
        ("arXiv: 0706.3585", "0706.3585"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("arxiv.org/pdf/2101.01234.pdf", "2101.01234"),
        ("math.GT/0309136", "math.GT/0309136"),
        ("cond-mat/9512099v1", "cond-mat/9512099v1"),
    ],
)
def test_arxiv_identifiers_lose_their_label(value: str, bare: str) -> None:
    assert ids.normalize_arxiv(value) == bare


@pytest.mark.parametrize("value", ["9512099", "17040.7356", "arXiv:hep-th", "10.1000/x"])
def test_a_string_that_is_no_arxiv_identifier_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not an arXiv identifier"):
        ids.normalize_arxiv(value)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("978-5-905163-48-7", "978-5-905163-48-7"),
        ("ISBN 0-486-67260-3", "0-486-67260-3"),
        ("ISBN: 0486653633", "0486653633"),
        ("978 0 521 63338 3", "978-0-521-63338-3"),
        ("isbn 0-8044-2957-x", "0-8044-2957-X"),
    ],
)
def test_isbns_lose_their_label_and_keep_their_hyphens(value: str, written: str) -> None:
    assert ids.normalize_isbn(value) == written


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("978-5-905163-48-8", "check digit fails"),
        ("0-486-67260-4", "check digit fails"),
        ("12345", "not an ISBN"),
        ("977-5-905163-48-7", "not an ISBN"),
    ],
)
def test_bad_isbns_are_refused(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ids.normalize_isbn(value)


@pytest.mark.parametrize(
    ("value", "bare"),
    [("15168363", "15168363"), ("PMID: 15168363", "15168363"), ("pmid 7", "7"),
     ("PubMed ID: 28568304", "28568304")],
)  # fmt: skip
def test_pmids_lose_their_label(value: str, bare: str) -> None:
    assert ids.normalize_pmid(value) == bare


@pytest.mark.parametrize("value", ["PMC1234567", "0123", "1234567890", "n/a", ""])
def test_a_string_that_is_no_pmid_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a PubMed id"):
        ids.normalize_pmid(value)


@pytest.mark.parametrize(
    ("value", "written"),
    [("PMC2345678", "PMC2345678"), ("PMCID: pmc2345678", "PMC2345678"), ("PMCID PMC7", "PMC7")],
)
def test_pmcids_are_written_with_their_capitals(value: str, written: str) -> None:
    assert ids.normalize_pmcid(value) == written


@pytest.mark.parametrize("value", ["2345678", "PMC", "PMC0123", "PMCA123"])
def test_a_string_that_is_no_pmcid_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a PubMed Central id"):
        ids.normalize_pmcid(value)
