"""Profile checks: every rule has an input that breaks it and one that passes it; the samples
pass the profiles the README claims; ``check`` and ``convert --profile`` report and exit right."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BILINGUAL, DATA, ROOT, SEED
from converter.checks import RULES, check_bytes
from converter.checks.profiles import PROFILES

PASS = (DATA / "checks" / "pass.xml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 26)
ALL_PROFILES = tuple(PROFILES)


def _cut(pattern: str):
    """A breaker that deletes what a regular expression matches (DOTALL)."""

    def breaker(text: str) -> str:
        out, count = re.subn(pattern, "", text, flags=re.DOTALL)
        assert count, pattern
        return out

    return breaker


def _swap(old: str, new: str, count: int = 1):
    def breaker(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return breaker


# rule id -> how to break the passing document (today is TODAY unless the case says otherwise)
BREAKERS = {
    "issn-check-digit": _swap("2500-2872", "2500-2873"),
    "issn-typing": _swap(
        '<issn pub-type="epub" publication-format="electronic">',
        '<issn pub-type="epub" publication-format="print">',
    ),
    "orcid-checksum": _swap("0000-0002-1825-0097", "0000-0002-1825-0098"),
    "orcid-form": _swap(
        "https://orcid.org/0000-0002-1825-0097", "http://orcid.org/0000-0002-1825-0097"
    ),
    "ror-form": _swap("https://ror.org/05qrfxd25", "ror.org/05qrfxd25"),
    "doi-syntax": _swap(
        '<article-id pub-id-type="doi">10.5555/jsr.2018.3.6',
        '<article-id pub-id-type="doi">10.5555/jsr\u20102018.3.6',
    ),
    "date-real": _swap("<day>28</day>", "<day>31</day>"),
    "date-order": lambda t: re.sub(
        r'(date-type="accepted" iso-8601-date="2018-)08(-30">.*?<month>)08(</month>)',
        r"\g<1>10\g<2>10\g<3>",
        t,
        count=1,
        flags=re.DOTALL,
    ),
    "date-future": lambda t: t.replace("2018", "2099"),
    "license-recognised": lambda t: t.replace(
        "https://creativecommons.org/licenses/by/4.0/", "https://example.org/licence"
    ),
    "license-ref-match": _swap(
        "<ali:license_ref>https://creativecommons.org/licenses/by/4.0/",
        "<ali:license_ref>https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    "lang-valid": _swap('<trans-abstract xml:lang="en">', '<trans-abstract xml:lang="xx">'),
    "trans-lang": _swap(
        '<trans-title-group xml:lang="en">\n          <trans-title>Russian-Japanese',
        '<trans-title-group xml:lang="ru">\n          <trans-title>Russian-Japanese',
    ),
    "lang-unique": _swap(
        '<kwd-group kwd-group-type="author" xml:lang="en">',
        '<kwd-group kwd-group-type="author" xml:lang="ru">',
    ),
    "alternatives-lang": _swap(
        '<name name-style="western" xml:lang="en">', '<name name-style="western" xml:lang="ru">'
    ),
    "id-unique": _swap('<ref id="ref2">', '<ref id="ref1">'),
    "xref-resolves": _swap('rid="aff1"', 'rid="aff9"'),
    # the Russian title saved as UTF-8 and read as Windows-1251 (an OJS database's mojibake)
    "text-misdecoded": _swap("Российско-японские", "Российско-японские".encode().decode("cp1251")),
    # a range printed abbreviated, as NLM styles print it: 6-20 as 16-2 would be
    "page-range-full": lambda t: t.replace("<fpage>6</fpage>", "<fpage>16</fpage>").replace(
        "<lpage>20</lpage>", "<lpage>2</lpage>"
    ),
    "general-required": _cut(r"<journal-title>.*?</journal-title>"),
    "general-recommended": _cut(r"<(trans-)?abstract xml:lang=.*?</(trans-)?abstract>\s*"),
    "pmc-required": _cut(r"<article-categories>.*?</article-categories>"),
    "pmc-recommended": _cut(r"<issue>3</issue>"),
    "pmc-issn-format": _swap("2500-2872", "25002872"),
    "pmc-issn-pub-type": _swap('<issn pub-type="ppub" ', "<issn "),
    "pmc-abstract-type": lambda t: t.replace("trans-abstract", "abstract"),
    "pmc-trans-lang": _swap(
        '<trans-title-group xml:lang="en">\n          <trans-title>Russian-Japanese',
        '<trans-title-group xml:lang="ru">\n          <trans-title>Russian-Japanese',
    ),
    "pmc-copyright-year": _swap("<copyright-year>2018", "<copyright-year>abc"),
    "pmc-pub-date-attrs": _swap(
        '<pub-date publication-format="electronic"',
        '<pub-date pub-type="epub" publication-format="electronic"',
    ),
    "pmc-article-type": _swap('article-type="research-article"', 'article-type="review"'),
    # a correction notice whose text is its abstract (the converter writes no body)
    "pmc-correction-content": _swap('article-type="research-article"', 'article-type="correction"'),
    # a related-article without the id PMC requires
    "pmc-related-article": _swap(
        '<abstract xml:lang="ru">',
        '<related-article related-article-type="commentary" ext-link-type="doi" '
        'xlink:href="10.5555/jsr.2019.1.1"/>\n      <abstract xml:lang="ru">',
    ),
    # a reply that does not link the letter it answers
    "pmc-related-expected": _swap('article-type="research-article"', 'article-type="reply"'),
    # a letter whose related-article is the letter itself, by its DOI
    "pmc-related-self": lambda t: _swap(
        '<abstract xml:lang="ru">',
        '<related-article id="ra1" related-article-type="companion" ext-link-type="doi" '
        'xlink:href="10.5555/jsr.2018.3.6"/>\n      <abstract xml:lang="ru">',
    )(t).replace('article-type="research-article"', 'article-type="letter"', 1),
    "pmc-license-cc-url": lambda t: t.replace(
        "https://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/licenses/by/4.0/legalcode",
    ),
    "pmc-lpage": _cut(r"<lpage>.*?</lpage>"),
    "pmc-abstract-content": _swap(
        '<abstract xml:lang="ru">',
        '<abstract xml:lang="ru"><sec><title>Summary</title><p>x</p></sec>',
    ),
    "pmc-pub-date-values": _swap('date-type="pub"', 'date-type="publication"'),
    "pmc-related-object": _swap(
        "</permissions>",
        '</permissions><related-object document-type="article" link-type="corrected-article" '
        'document-id-type="doi" document-id="10.5555/jsr.2018.3.6">An article.</related-object>',
    ),
    "pmc-pub-id-type": _swap('pub-id-type="publisher-id"', 'pub-id-type="elibrary"'),
    "pmc-pmid-format": _swap(
        "</mixed-citation>",
        '<pub-id pub-id-type="pmid">PMID: 29912345</pub-id></mixed-citation>',
    ),
    "pmc-season": _swap(
        "<month>09</month>\n        <year>2018</year>\n      </pub-date>\n      <volume>",
        "<season>Осень</season>\n        <year>2018</year>\n      </pub-date>\n      <volume>",
    ),
    "pmc-ref-id": _swap('<ref id="ref1">', "<ref>"),
    "pmc-xref-rid": _swap('<xref ref-type="aff" rid="aff1"/>', '<xref ref-type="aff"/>'),
    "pmc-ext-link-type": _swap(
        "(accessed: 21.07.2018)",
        '(accessed: <ext-link ext-link-type="web" xlink:href="https://rg.ru/">21.07.2018</ext-link>)',
    ),
    "pmc-subject-heading": _swap('subj-group-type="heading"', 'subj-group-type="subject-area"', 2),
    "pmc-orcid-form": _swap("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
    "pmc-doi-format": _swap(
        '<article-id pub-id-type="doi">10.5555/', '<article-id pub-id-type="doi">doi:10.5555/'
    ),
    "pmc-collection-epub": lambda t: _cut(
        r'<pub-date publication-format="electronic".*?</pub-date>'
    )(t).replace(
        'publication-format="print" date-type="collection"',
        'publication-format="electronic" date-type="collection"',
    ),
    "pmc-print-collection": _swap(
        '<pub-date publication-format="print" date-type="collection"',
        '<pub-date publication-format="collection" date-type="pub"',
    ),
    "pmc-dtd-version": _swap('dtd-version="1.3"', 'dtd-version="1.4"'),
    "pmc-contrib-id-type": _swap('contrib-id-type="orcid" ', ""),
    "pmc-one-name": lambda t: t.replace("<name-alternatives>", "").replace(
        "</name-alternatives>", ""
    ),
    "pmc-alternatives-main": _swap(
        '<name name-style="eastern" xml:lang="ru">', '<name name-style="eastern" xml:lang="uk">'
    ),
    "pmc-license-one-uri": _swap(
        "<license-p>",
        '<license-p><ext-link ext-link-type="uri" '
        'xlink:href="https://creativecommons.org/licenses/by-nc/4.0/">CC BY-NC</ext-link> ',
    ),
    "pmc-empty-element": _swap("<volume>2</volume>", "<volume> </volume>"),
    "pmc-contrib-content": lambda t: re.sub(r"<surname>[^<]*</surname>", "", t, count=1),
    "pmc-one-date-each": lambda t: re.sub(
        r'(<article-id pub-id-type="doi">[^<]*</article-id>)', r"\1\1", t, count=1
    ),
    "pmc-attribute-values": _swap('<self-uri xlink:href="', '<self-uri xlink:href=" '),
    "jats4r": _swap("<copyright-year>2018", "<copyright-year>abc"),
    "crossref-required": _cut(r'<article-id pub-id-type="doi">.*?</article-id>'),
    "crossref-notice-link": _swap('article-type="research-article"', 'article-type="retraction"'),
    # an issue DOI without the page (xlink:href) that Crossref registers it with
    "crossref-issue-doi": _swap(
        "<issue>3</issue>",
        '<issue>3</issue><issue-id pub-id-type="doi">10.5555/jsr.2018.3</issue-id>',
    ),
    # past Crossref's 32 characters: the deposit would be refused whole
    "crossref-limits": _swap("<volume>2</volume>", f"<volume>{'2' * 33}</volume>"),
    # a department typed as "-", under Crossref's 2 characters: the deposit leaves it out
    "crossref-left-out": _swap("Department of Oriental Studies", "-"),
    # a funder named in Cyrillic alone, with no Funder Registry id: Crossref cannot match it
    "crossref-funder-id": _swap(
        "    </article-meta>",
        "      <funding-group><award-group><funding-source><institution-wrap><institution>"
        "Российский фонд фундаментальных исследований</institution></institution-wrap>"
        "</funding-source></award-group></funding-group>\n    </article-meta>",
    ),
    "doaj-required": _cut(r"<self-uri [^>]*/>"),
    # the mark the OJS reader puts on an article scheduled for an issue not yet out
    "deposit-unpublished": _swap(
        "</article-meta>",
        "<custom-meta-group><custom-meta><meta-name>publication-status</meta-name>"
        "<meta-value>scheduled</meta-value></custom-meta></custom-meta-group></article-meta>",
    ),
    "rsci-bilingual": _cut(r'<kwd-group kwd-group-type="author" xml:lang="en">.*?</kwd-group>'),
    "rsci-names": _cut(r'<name name-style="eastern" xml:lang="ru">.*?</name>'),
    # (its department and ROR id left: neither names the institution)
    "aff-institution": _cut(r'<institution content-type="orgname">.*?</institution>'),
    "rsci-affiliations": _cut(r'<aff xml:lang="ru">.*?</aff>'),
    "rsci-latin-references": _cut(r'<mixed-citation xml:lang="en">Batin.*?</mixed-citation>'),
    "script-latin-fields": _swap(
        "<trans-title>Russian-Japanese relations", "<trans-title>Russian-Japanese отношения"
    ),
    "script-mixed-words": _swap("Российско-японские", "Рoссийско-японские"),  # Latin o
    # й as "y" beside the "i" of Kitai, mirovoi, uchenii: two schemes in one reference list
    "rsci-translit-scheme": _swap("Rossiiskaya gazeta", "Rossiyskaya gazeta"),
}


def _profile_of(rule_id: str) -> str:
    return next(name for name, ids in PROFILES.items() if rule_id in ids)


def _findings(text: str, profiles: tuple[str, ...] = ALL_PROFILES, today: dt.date = TODAY):
    report = check_bytes(text.encode("utf-8"), "doc.xml", profiles, today=today)
    assert not report.unreadable, report.unreadable
    return report.findings


def test_every_rule_has_a_breaking_case() -> None:
    assert set(BREAKERS) == set(RULES)


def test_the_passing_document_passes_every_profile() -> None:
    assert _findings(PASS) == []


@pytest.mark.parametrize("rule_id", sorted(BREAKERS))
def test_rule_breaks(rule_id: str) -> None:
    broken = BREAKERS[rule_id](PASS)
    findings = _findings(broken, (_profile_of(rule_id),))
    # the jats4r rule reports each Schematron assertion under its own id, jats4r-<assertion>
    hits = [f for f in findings if f.rule == rule_id or f.rule.startswith(f"{rule_id}-")]
    hits = hits if rule_id != "jats4r" else [f for f in hits if f.rule != rule_id]
    assert hits, f"{rule_id} did not fire; got {[f.rule for f in findings]}"
    rule = RULES[rule_id]
    for hit in hits:
        assert hit.severity == rule.severity
        assert hit.message and hit.path.startswith("/article")
        assert hit.line > 0


@pytest.mark.parametrize("rule_id", sorted(BREAKERS))
def test_rule_passes(rule_id: str) -> None:
    found = _findings(PASS, (_profile_of(rule_id),))
    assert not [f for f in found if f.rule == rule_id or f.rule.startswith(f"{rule_id}-")]


def test_future_is_judged_against_today() -> None:
    findings = _findings(PASS, ("general",), today=dt.date(2018, 9, 1))
    assert {f.rule for f in findings} == {"date-future"}


def test_findings_name_the_input_field() -> None:
    broken = BREAKERS["orcid-checksum"](PASS)
    (hit,) = [f for f in _findings(broken, ("general",)) if f.rule == "orcid-checksum"]
    assert hit.field == "authors[0].orcid"
    assert hit.path == "/article/front/article-meta/contrib-group/contrib/contrib-id"
    broken = BREAKERS["issn-check-digit"](PASS)
    (hit,) = [f for f in _findings(broken, ("general",)) if f.rule == "issn-check-digit"]
    assert hit.field == "journal.issn.print"
    assert "check digit" in hit.message


def test_a_given_name_alone_is_the_surname_crossref_is_given() -> None:
    """OJS asks only for a given name: an author known by one name (name-style="given-only")
    failed crossref-required, though ``convert --to crossref`` deposits that name as the
    surname, as OJS's own Crossref export does. A name with no such style still fails."""
    mononym = re.sub(
        r"<name-alternatives>.*?</name-alternatives>",
        '<name name-style="given-only"><given-names>Plato</given-names></name>',
        PASS,
        count=1,
        flags=re.DOTALL,
    )
    assert not [f for f in _findings(mononym, ("crossref",)) if f.rule == "crossref-required"]
    unstyled = mononym.replace('name-style="given-only"', 'name-style="western"', 1)
    (hit,) = [f for f in _findings(unstyled, ("crossref",)) if f.rule == "crossref-required"]
    assert hit.message == "Crossref requires a surname for every person"


def test_what_a_service_requires_is_named_with_its_article() -> None:
    """'Crossref requires an article title', 'DOAJ requires an article title', not 'a article
    title' (nor 'a ISSN'); 'a DOI' and 'a publication date' as before."""
    untitled = re.sub(r"<article-title>.*?</article-title>", "", PASS, count=1, flags=re.DOTALL)
    said = {f.message for f in _findings(untitled, ("crossref", "doaj"))}
    assert {"Crossref requires an article title", "DOAJ requires an article title"} <= said
    undated = re.sub(r"<pub-date[ >].*?</pub-date>", "", PASS, flags=re.DOTALL)
    said = {f.message for f in _findings(undated, ("crossref",))}
    assert "Crossref requires a publication date" in said


def test_a_missing_latin_form_says_how_to_have_it_derived() -> None:
    """A name or reference in Cyrillic only: the editor is told that naming a scheme in the
    journal file derives the Latin form (a journal file `init` wrote names none), not only
    to type it."""
    cyrillic_only = _cut(r'<name name-style="western" xml:lang="en">.*?</name>')(PASS)
    cyrillic_only = _cut(r'<mixed-citation xml:lang="en">Batin.*?</mixed-citation>')(cyrillic_only)
    said = {f.rule: f.message for f in _findings(cyrillic_only, ("rsci",))}
    derived = "or name a transliteration scheme in journal.yaml (transliteration: bsi)"
    assert derived in said["rsci-names"]
    assert said["rsci-latin-references"].startswith("reference 1 (")
    assert "has no Latin-script form" in said["rsci-latin-references"]
    assert derived in said["rsci-latin-references"]


def test_mixed_script_word_is_named() -> None:
    broken = BREAKERS["script-mixed-words"](PASS)
    (hit,) = [f for f in _findings(broken, ("rsci",)) if f.rule == "script-mixed-words"]
    assert "'Рoссийско'" in hit.message and hit.field == "title.ru"
    assert "('Российско' in one script)" in hit.message  # the spelling the letters tell


def test_misdecoded_text_is_named_with_the_text_meant() -> None:
    broken = BREAKERS["text-misdecoded"](PASS)
    (hit,) = [f for f in _findings(broken, ("general",)) if f.rule == "text-misdecoded"]
    assert hit.severity == "error" and hit.field == "title.ru"
    typed = "Российско-японские".encode().decode("cp1251")  # 'Р\xa0РѕСЃСЃРёР№СЃРєРѕ-…'
    assert f"{typed!r} is 'Российско-японские' (UTF-8 read as Windows-1251)" in hit.message
    (in_pmc,) = [f for f in _findings(broken, ("pmc",)) if f.rule == "text-misdecoded"]
    assert in_pmc.severity == "warning"  # PMC's Style Checker does not read the letters


def test_literal_text_is_no_misdecoded_text() -> None:
    """Code, TeX and MathML may write "&amp;" or "Ã¼" on purpose: only prose is judged."""
    doc = (
        "<article><front><article-meta><title-group><article-title>Smith &amp;amp; Jones"
        "</article-title></title-group></article-meta></front><body><p>Write "
        "<code>&amp;amp; or Ã¼ber</code> and <inline-formula><mml:math "
        'xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>Ã¼</mml:mi></mml:math>'
        "</inline-formula>.</p></body></article>"
    )
    report = check_bytes(doc.encode(), "doc.xml", ("general",), today=TODAY)
    hits = [f for f in report.findings if f.rule == "text-misdecoded"]
    assert [h.path for h in hits] == ["/article/front/article-meta/title-group/article-title"]
    # how it came about, in words (it was the pattern's repr: "(re.compile('&(?:...')")
    assert "'&amp;' is '&' (HTML entities left as text)" in hits[0].message


def test_licence_rules_read_the_ali_namespace_without_its_final_slash() -> None:
    """Many publishers' files bind ali: to the namespace without its final slash: their
    licence_ref is still read, so a mismatch with xlink:href is found, not missed."""
    no_slash = PASS.replace(
        'xmlns:ali="http://www.niso.org/schemas/ali/1.0/"',
        'xmlns:ali="http://www.niso.org/schemas/ali/1.0"',
    )
    assert not [f for f in _findings(no_slash, ("general",)) if f.rule.startswith("license")]
    broken = BREAKERS["license-ref-match"](no_slash)
    assert [f.rule for f in _findings(broken, ("general",))] == ["license-ref-match"]


def test_a_licence_for_text_mining_is_not_held_to_creative_commons() -> None:
    """A publisher's text-mining terms beside the article's licence (as convert writes a
    Crossref record's "tdm" licence) are no licence of the article: not a finding; the same URL
    as the article's licence still is."""
    terms = (
        '<license><ali:license_ref specific-use="textmining">https://example.org/tdm-terms'
        "</ali:license_ref><license-p>Text mining: the publisher's terms.</license-p></license>"
    )
    marked = PASS.replace("</permissions>", terms + "</permissions>", 1)
    assert marked != PASS
    assert not [f for f in _findings(marked, ("general",)) if f.rule == "license-recognised"]
    unmarked = marked.replace(' specific-use="textmining"', "")
    assert [f.rule for f in _findings(unmarked, ("general",))] == ["license-recognised"]


def test_translit_scheme_against_the_journal_scheme() -> None:
    """With a scheme, each word that departs from it is named with the scheme it fits."""
    report = check_bytes(PASS.encode("utf-8"), "doc.xml", ("rsci",), today=TODAY, scheme="bsi")
    assert report.findings == []  # the passing document is BSI throughout
    report = check_bytes(
        PASS.encode("utf-8"), "doc.xml", ("rsci",), today=TODAY, scheme="gost-7.79-b"
    )
    hits = [f for f in report.findings if f.rule == "rsci-translit-scheme"]
    kitai = next(h for h in hits if "'Kitai'" in h.message)
    assert "writes й as 'i': fits bsi; the journal uses gost-7.79-b" in kitai.message
    assert kitai.severity == "warning"
    assert kitai.path == "/article/back/ref-list/ref[2]/citation-alternatives/mixed-citation[2]"
    assert kitai.line > 0 and kitai.field == "references[1]"
    with pytest.raises(ValueError, match="unknown transliteration scheme 'nope'"):
        check_bytes(PASS.encode("utf-8"), "doc.xml", ("rsci",), scheme="nope")


def test_translit_scheme_reads_transliterations_only() -> None:
    """English prose and bracketed translations are not read as transliterations."""
    english = PASS.replace("<trans-title>Russian-Japanese", "<trans-title>Rossiyskaya Russian")
    findings = _findings(english, ("rsci",))
    assert not [f for f in findings if f.rule == "rsci-translit-scheme"]


def test_check_reports_the_seed_transliterations(run) -> None:
    """Issue 6: the seed's six references mix treatments of й and ь; check names the words."""
    seed_xml = SEED.with_suffix(".xml")
    result = run("check", "--profile", "rsci", seed_xml)
    lines = [line for line in result.out.splitlines() if "[rsci-translit-scheme]" in line]
    short_i = next(line for line in lines if "] й is transliterated" in line)
    assert "й as 'y' in Rossiyskaya (bgn-pcgn)" in short_i
    assert "й as 'i' in" in short_i and "(bsi)" in short_i
    for word in ("Kitai", "mirovoi", "priznavshei"):
        assert word in short_i
    soft = next(line for line in lines if "] ь is transliterated" in line)
    assert "ь as 'y' in postroity, podpisaty (no scheme)" in soft
    assert all(re.match(r".+\.xml:\d+:0: warning: ", line) for line in lines)
    assert all(line.endswith("mixed-citation)") for line in lines)

    result = run("check", "--profile", "rsci", "--scheme", "bsi", "--json", seed_xml)
    import json

    payload = json.loads(result.out)
    assert payload["scheme"] == "bsi"
    messages = [
        f["message"] for f in payload["files"][0]["findings"] if f["rule"] == "rsci-translit-scheme"
    ]
    assert "'Rossiyskaya' writes й as 'y': fits bgn-pcgn; the journal uses bsi" in messages
    assert "'postroity' writes ь as 'y': fits no scheme; the journal uses bsi" in messages
    assert not [m for m in messages if "'Kitai'" in m]  # BSI writes й as i
    assert run("check", "--profile", "rsci", "--scheme", "nope", seed_xml).code == 2


def test_convert_judges_transliterations_by_the_journal_scheme(
    write_article, journal_file: Path, tmp_path: Path, run
) -> None:
    journal_file.write_text(
        journal_file.read_text(encoding="utf-8") + "transliteration: bgn-pcgn\n", encoding="utf-8"
    )
    article = write_article(
        "title: A title\npublished: {electronic: 2020-01-02}\nlicense: CC-BY-4.0\n"
        "references:\n"
        "  - Inozemtsev V. Kitai glavnaya ugroza [China is the main threat]. 2017. (In Russ.)\n"
    )
    result = run("convert", article, "-o", tmp_path / "out", "--profile", "rsci")
    assert (
        "warning: [rsci-translit-scheme] 'Kitai' writes й as 'i': fits bsi; "
        "the journal uses bgn-pcgn (input field references[0])"
    ) in result.err


def test_a_finding_on_a_contributor_names_its_input_index_whatever_its_role(
    write_article, tmp_path: Path, run
) -> None:
    """Contributors in the input as author, editor, author: the JATS lists the authors, then
    the editor (a contrib-group per role). A finding on the second author named authors[1],
    the editor's index, and one on the editor authors[2]; each names its own input index now,
    for JATS output and for the JATS a Crossref deposit is checked on."""
    long = "X" * 61  # longer than Crossref's 60 characters for a surname
    article = write_article(
        "title: A title\npublished: {electronic: 2020-01-02}\nlicense: CC-BY-4.0\n"
        "authors:\n"
        "  - name: {surname: Smith, given: Anna}\n"
        "  - role: editor\n    name: {surname: Editorova, given: Olga}\n"
        f"  - name: {{surname: {long}, given: Bob}}\n"
    )
    jats = run("convert", article, "-o", tmp_path / "out", "--profile", "rsci")
    latin = [line.rsplit("(input field ", 1)[1].split(")")[0]
             for line in jats.err.splitlines() if "[rsci-names]" in line]  # fmt: skip
    assert sorted(latin) == ["authors[0]", "authors[1]", "authors[2]"]
    lines = {re.search(r"\(line (\d+)", line)[1]: line for line in jats.err.splitlines()
             if "[rsci-names]" in line}  # fmt: skip
    # (the file's order: Smith, the other author, then the editor)
    assert [re.search(r"authors\[\d\]", lines[n])[0] for n in sorted(lines, key=int)] == [
        "authors[0]", "authors[2]", "authors[1]"]  # fmt: skip
    deposit = run("convert", article, "-o", tmp_path / "cr", "--to", "crossref",
                  "--profile", "crossref")  # fmt: skip
    assert "(input field authors[2].name.en.surname)" in deposit.err, deposit.err


def test_only_rsci_loads_the_dictionary(tmp_path: Path) -> None:
    """The scheme check loads pymorphy3's dictionary; other profiles never pay for it."""
    code = (
        "import sys; from converter.checks import check_bytes; "
        "data = open(sys.argv[1], 'rb').read(); "
        "check_bytes(data, 'a.xml', ('general', 'pmc', 'crossref', 'doaj')); "
        "print('pymorphy3' in sys.modules); "
        "check_bytes(data, 'a.xml', ('rsci',)); "
        "print('pymorphy3' in sys.modules)"
    )
    doc = tmp_path / "a.xml"
    doc.write_text(PASS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", code, str(doc)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]


# ------------------------------------------------------------------ samples and README claims


def _readme_claims() -> dict[Path, list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Samples", 1)[1].split("\n## ", 1)[0]
    claims: dict[Path, list[str]] = {}
    for entry in re.split(r"\n- ", section):
        path = re.search(r"`(samples/[^`]+\.yaml)`", entry)
        passes = re.search(r"Passes the profiles? ((?:`[a-z]+`[, and]*)+)", entry)
        if path and passes:
            claims[ROOT / path.group(1)] = re.findall(r"`([a-z]+)`", passes.group(1))
    return claims


def test_readme_claims_profiles_for_every_sample() -> None:
    claims = _readme_claims()
    assert SEED in claims and BILINGUAL in claims
    for profiles in claims.values():
        assert profiles and set(profiles) <= set(PROFILES)


@pytest.mark.parametrize("sample", sorted(_readme_claims()), ids=lambda p: p.name)
def test_sample_passes_claimed_profiles(sample: Path, run) -> None:
    profiles = _readme_claims()[sample]
    args = [a for name in profiles for a in ("--profile", name)]
    result = run("check", *args, sample.with_suffix(".xml"))
    assert result.code == 0, result.out + result.err
    assert " error: " not in result.out


# ------------------------------------------------------------------ the commands


def test_profiles_joined_by_commas_are_the_repeated_option(run, tmp_path: Path) -> None:
    """``--profile crossref,doaj`` (what users type) is ``--profile crossref --profile doaj``;
    it was refused as "not one of"; a wrong name in the list still is, naming it."""
    xml = SEED.with_suffix(".xml")
    joined = run("check", "--profile", "crossref,pmc", "--profile", "crossref", "--json", xml)
    repeated = run("check", "--profile", "crossref", "--profile", "pmc", "--json", xml)
    assert joined.code == repeated.code
    assert joined.out == repeated.out and '"pmc-' in joined.out
    assert (
        "fails crossref+doaj (3 errors, 1 warning)"
        in run("check", "--profile", "crossref,doaj", xml).err
    )  # (the seed has no DOI and no landing page; its affiliation is a country alone)
    wrong = run("check", "--profile", "crossref,pcm", xml)
    assert wrong.code == 2 and "'pcm' is not one of 'crossref', 'doaj'" in wrong.err
    # convert takes the same option
    out = tmp_path / "out"
    result = run("convert", BILINGUAL, "-o", out, "--profile", "crossref,doaj")
    assert result.code == 0, result.err
    assert run("convert", BILINGUAL, "-o", out, "--profile", "doaj,nope").code == 2


def test_check_summary_counts_in_the_singular(tmp_path: Path, run) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(BREAKERS["orcid-checksum"](PASS), encoding="utf-8")
    assert "fails general (1 error, " in run("check", bad).err


def test_check_command_reports_and_fails(tmp_path: Path, run) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(BREAKERS["orcid-checksum"](PASS), encoding="utf-8")
    result = run("check", bad)
    assert result.code == 1
    assert re.search(r"bad\.xml:\d+:0: error: \[orcid-checksum\] ORCID iD", result.out)
    result = run("check", "--json", bad)
    assert result.code == 1
    import json

    payload = json.loads(result.out)
    assert payload["files"][0]["passed"] is False
    assert payload["files"][0]["findings"][0]["rule"] == "orcid-checksum"


def test_check_warnings_alone_pass(tmp_path: Path, run) -> None:
    doc = tmp_path / "warn.xml"
    doc.write_text(BREAKERS["orcid-form"](PASS), encoding="utf-8")
    result = run("check", doc)
    assert result.code == 0
    assert "warning: [orcid-form]" in result.out


def test_check_unreadable_and_malformed(tmp_path: Path, run) -> None:
    result = run("check", tmp_path / "missing.xml")
    assert result.code == 3 and "cannot read" in result.out
    broken = tmp_path / "broken.xml"
    broken.write_text("<article><front>", encoding="utf-8")
    result = run("check", broken)
    # not well-formed exits 3 from every command (it cannot be judged), as from convert
    assert result.code == 3 and "not well-formed" in result.out
    result = run("check", "--profile", "nope", broken)
    assert result.code == 2


def test_convert_with_profile_fails_on_errors(tmp_path: Path, run) -> None:
    result = run("convert", SEED, "-o", tmp_path, "--profile", "rsci")
    assert result.code == 1
    assert "[rsci-bilingual] no title in Russian (input field title.ru)" in result.err
    assert not (tmp_path / "streltsov-110.xml").exists()


def test_convert_with_profile_names_a_statements_field(tmp_path: Path, run) -> None:
    """A problem in the article's statements names the input field it was written from,
    as for the abstract: not the JATS path of a back section or a footnote."""
    article = tmp_path / "a.yaml"
    article.write_text(
        SEED.read_text(encoding="utf-8")
        + 'funding_statement: {en: "Funded by the Russian Science Foundаtion."}\n'
        + 'acknowledgements: {en: ["We thank the archive in Мoscow."]}\n'
        + 'competing_interests: {en: ["Сonflicts: none."]}\n'
        + 'data_availability: {en: ["Data are available from the аuthors."]}\n',
        encoding="utf-8",
    )
    journal = SEED.parent.parent / "journal.yaml"
    result = run("convert", article, "--journal", journal, "-o", tmp_path, "--profile", "rsci")
    assert result.code == 1
    mixed = [line for line in result.err.splitlines() if "[script-mixed-words]" in line]
    assert [line.split("(input field ")[1].split(")")[0] for line in mixed] == [
        "competing_interests.en",
        "funding_statement.en",
        "acknowledgements.en",
        "data_availability.en",
    ], result.err


def test_convert_with_profiles_passes(tmp_path: Path, run) -> None:
    result = run("convert", BILINGUAL, "-o", tmp_path, "--profile", "rsci", "--profile", "pmc")
    assert result.code == 0, result.err
    assert (tmp_path / "streltsov-6.xml").exists()


def test_convert_profile_warnings_do_not_fail(write_article, tmp_path: Path, run) -> None:
    article = write_article(
        "title: A title\npublished: {electronic: 2020-01-02}\nlicense: CC-BY-4.0\n"
    )
    result = run("convert", article, "-o", tmp_path / "out", "--profile", "general")
    assert result.code == 0, result.err
    assert "warning: [general-recommended] no abstract (input field abstract)" in result.err
    assert (tmp_path / "out" / "article.xml").exists()


def test_convert_profile_with_other_format(tmp_path: Path, run) -> None:
    result = run("convert", SEED, "--to", "meta-tags", "-o", tmp_path, "--profile", "rsci")
    assert result.code == 1
    # The output was never written: the problem names the source, with no made-up position.
    assert (
        "streltsov-110.yaml: error: [rsci-bilingual] no title in Russian (input field title.ru)"
        in result.err
    )
    assert ":0:0" not in result.err and ".meta.html" not in result.err
    assert not (tmp_path / "streltsov-110.meta.html").exists()


def _pmc_rules(text: str) -> set[str]:
    return {f.rule for f in _findings(text, ("pmc",)) if f.severity == "error"}


_COLLECTION = "<month>09</month>\n        <year>2018</year>\n      </pub-date>\n      <volume>"


@pytest.mark.parametrize(
    ("season", "iso_date", "rejected"),
    [
        ("autumn", "2018", False),
        ("Sep\u2013Nov", "2018", False),  # an en dash stands for the hyphen
        ("Winter/Spring", "2018", False),  # and so does a slash
        ("Sept-Oct", "2018", False),
        ("3rd Quarter", "2018", False),
        ("Nov-Sep", "2018", True),  # the months out of order
        ("Sep-Oct-Nov", "2018", True),
        ("Осень", "2018", True),
        ("Осень", "2018-09-30", False),  # a full iso-8601-date excuses any season
        ("Осень", "2018-09", True),
    ],
)
def test_pmc_season_takes_what_the_style_checker_takes(
    season: str, iso_date: str, rejected: bool
) -> None:
    text = PASS.replace(
        _COLLECTION, _COLLECTION.replace("<month>09</month>", f"<season>{season}</season>")
    )
    text = text.replace('date-type="collection" iso-8601-date="2018-09"',
                        f'date-type="collection" iso-8601-date="{iso_date}"')  # fmt: skip
    assert f'iso-8601-date="{iso_date}">\n        <season>' in text
    assert ("pmc-season" in _pmc_rules(text)) is rejected
    # an iso-8601-date may name the month a season stands for
    assert "date-real" not in _pmc_rules(text)
    # a season in a reference is not judged
    cited = PASS.replace("2017. 6 сентября.", f"<season>{season}</season> 2017. 6 сентября.")
    assert "<season>" in cited and "pmc-season" not in _pmc_rules(cited)


def test_pmc_identifier_and_link_types_are_the_style_checkers() -> None:
    cited = '<pub-id{}>29912345</pub-id><ext-link ext-link-type="{}" xlink:href="https://rg.ru/">rg.ru</ext-link>'

    def in_reference(pub_id_type: str, link_type: str) -> str:
        added = cited.format(pub_id_type, link_type)
        return PASS.replace("(accessed: 21.07.2018)", f"(accessed: 21.07.2018) {added}", 1)

    # a reference's pub-id may go untyped; an ext-link-type is taken in any case
    assert not _pmc_rules(in_reference("", "URI")) & {"pmc-pub-id-type", "pmc-ext-link-type"}
    findings = _findings(in_reference(' pub-id-type="elibrary"', "email"), ("pmc",))
    messages = [f.message for f in findings if f.severity == "error"]
    assert any(m.startswith("pub-id check: pub-id-type is 'elibrary'") for m in messages)
    assert "ext-link check: ext-link type email must be element email" in messages
    # the article's own ids must be typed
    untyped = PASS.replace('<article-id pub-id-type="publisher-id">', "<article-id>")
    messages = [f.message for f in _findings(untyped, ("pmc",)) if f.rule == "pmc-pub-id-type"]
    assert messages == ["pub-id-type attribute check: pub-id-type attribute is required"]


def test_pmc_xref_rid_is_not_asked_of_a_rapid_research_note() -> None:
    broken = BREAKERS["pmc-xref-rid"](PASS)
    assert "pmc-xref-rid" in _pmc_rules(broken)
    rrn = broken.replace("<article ", "<?properties RRN?>\n<article ", 1)
    assert "pmc-xref-rid" not in _pmc_rules(rrn)


def test_a_reference_with_no_latin_form_is_named_by_number_and_words(run, tmp_path: Path) -> None:
    """rsci-latin-references on an OJS export names the reference as rsci-translit-scheme
    does, "reference 1", with its first words: it said only "the reference" and the input
    field, references[0], a path no OJS user has."""
    export = ROOT / "samples" / "ojs" / "2019-1" / "issue.xml"
    result = run("convert", "--from", "ojs", "--profile", "rsci", export, "-o", tmp_path)
    lines = [line for line in result.err.splitlines() if "[rsci-latin-references]" in line]
    assert len(lines) == 2, result.err
    assert (
        "reference 1 ('Стрельцов Д.В. Российско-японские отношения: системный криз…') has no "
        "Latin-script form" in lines[0]
    )
    assert "reference 2 ('Кузнецова М. Иностранные стажёры в Японии" in lines[1]
    assert "the reference has no" not in result.err


def test_a_cyrillic_e_mail_address_in_a_latin_reference_is_no_cyrillic_text(
    run, tmp_path: Path
) -> None:
    """convert keeps an e-mail address as written in a Russian reference's Latin form
    ('Pis'mo v redaktsiyu: иван@почта.рф'); check --profile rsci called that output's
    reference Cyrillic letters in a field in en, an error, on our own output."""
    (tmp_path / "journal.yaml").write_text(
        "language: ru\ntitle: {ru: Японские исследования, en: Japanese Studies in Russia}\n"
        "issn: {print: 2500-2872}\ntransliteration: bsi\n",
        encoding="utf-8",
    )
    source = tmp_path / "article.yaml"
    source.write_text(
        "language: ru\ntitle: {ru: Письма, en: Letters}\n"
        "references:\n  - 'Письмо в редакцию: иван@почта.рф'\n",
        encoding="utf-8",
    )
    assert run("convert", source, "-o", tmp_path / "out").code == 0
    written = tmp_path / "out" / "article.xml"
    # (the address written as <email>, as a Latin one is)
    assert "Pis'mo v redaktsiyu: <email>иван@почта.рф</email>" in written.read_text("utf-8")
    report = check_bytes(written.read_bytes(), "article.xml", ("rsci",), scheme=None)
    assert [f.message for f in report.findings if f.rule == "script-latin-fields"] == []


def test_an_abbreviated_last_page_is_said_with_both_pages_and_the_full_one() -> None:
    """A foreign file's lpage 7 after fpage 25 was said nothing of by check, while convert
    writes 27 and says so: check names the pages and the full number now, as a warning."""
    text = PASS.replace("<fpage>6</fpage>", "<fpage>25</fpage>").replace(
        "<lpage>20</lpage>", "<lpage>7</lpage>"
    )
    [hit] = [f for f in _findings(text, ("general",)) if f.rule == "page-range-full"]
    assert hit.severity == "warning"
    assert hit.message == (
        "lpage 7 after fpage 25 is abbreviated: services read it as page 7; write it in full, 27"
    )
    for first, last in (("25", "27"), ("iv", "12"), ("e12", "e15"), ("S12", "S13")):
        whole = PASS.replace("<fpage>6</fpage>", f"<fpage>{first}</fpage>")
        whole = whole.replace("<lpage>20</lpage>", f"<lpage>{last}</lpage>")
        assert not [f for f in _findings(whole, ("general",)) if f.rule == "page-range-full"]
