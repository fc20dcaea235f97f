"""The preview's funding row: each funder by its name, its Funder Registry id beside it.

Until 4 December 2026 the id was run into the name (``10.13039/501100006769Russian Science
Foundation``), since the row took all text of the ``funding-source``, its ``institution-id`` with
it, as affiliations once did.
"""

from __future__ import annotations

import lxml.html

from converter.preview import preview_jats

JATS = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"
  xml:lang="ru" dtd-version="1.4"><front><article-meta>
  <title-group><article-title>Заглавие</article-title></title-group>
  <funding-group><award-group>
    <funding-source><institution-wrap><institution-id institution-id-type="doi"
      >10.13039/501100006769</institution-id><institution>Российский научный фонд</institution
      ></institution-wrap></funding-source>
    <funding-source xml:lang="en"><institution-wrap><institution-id institution-id-type="doi"
      >10.13039/501100006769</institution-id><institution>Russian Science Foundation</institution
      ></institution-wrap></funding-source>
    <award-id>19-18-00123</award-id>
  </award-group></funding-group>
</article-meta></front></article>
""".encode()


def _funding_row() -> lxml.html.HtmlElement:
    [page] = preview_jats(JATS, "funded.xml")
    html = lxml.html.fromstring(page.html)
    [row] = [tr for tr in html.iter("tr") if tr.findtext("th") == "Funding"]
    return row.find("td")


def test_a_funder_is_shown_by_its_name_its_id_beside_it_as_a_link():
    cell = _funding_row()
    text = " ".join(cell.text_content().split())
    assert "501100006769Российский" not in text and "501100006769Russian" not in text
    assert text.startswith("Российский научный фонд")
    assert "Russian Science Foundation" in text and text.endswith("(award 19-18-00123)")
    links = [a.get("href") for a in cell.iter("a")]
    assert links == ["https://doi.org/10.13039/501100006769"] * 2
