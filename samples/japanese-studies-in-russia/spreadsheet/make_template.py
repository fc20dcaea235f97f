"""Write the template spreadsheet, ``issue.csv`` and ``issue.xlsx``, beside this script.

One row per article; the row here is the bilingual sample article
(``../2018-3/streltsov-6.yaml``) written in the spreadsheet's columns, so the template both shows
every kind of column and converts to the same JATS as the YAML (the tests check it); the columns
that article has no value for (a second author, the issue's title, a page range, the
acknowledgements, competing-interests and data availability statements, a related article) are
there empty, to be filled in. Columns are
documented in ``converter/readers/spreadsheet.py`` and the README. Run::

    python3 samples/japanese-studies-in-russia/spreadsheet/make_template.py

The output is byte-for-byte reproducible (fixed timestamps inside the workbook).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
_FIXED = dt.datetime(2018, 9, 28, 0, 0, 0)

# The bilingual sample, streltsov-6.yaml, column by column.
ROW: list[tuple[str, Any]] = [
    ("# note", "One row per article; columns starting with # are ignored."),
    ("article_type", "research-article"),
    ("language", "ru"),
    ("title:ru", "Российско-японские отношения: системный кризис или новые возможности?"),
    ("title:en", "Russian-Japanese relations: systemic crisis or new opportunities?"),
    ("doi", "10.5555/jsr.2018.3.6"),
    ("publisher_id", "jsr-2018-3-6"),
    ("section:ru", "Политика и международные отношения"),
    ("section:en", "Politics and International Relations"),
    ("volume", 2),
    ("issue", 3),
    ("issue_title:ru", ""),
    ("issue_title:en", ""),
    ("fpage", 6),
    ("lpage", 20),
    ("page_range", ""),
    ("published.electronic", dt.date(2018, 9, 28)),
    ("published.print", dt.date(2018, 9, 30)),
    ("published.collection", "2018-09"),
    ("history.received", dt.date(2018, 7, 21)),
    ("history.revised", "2018-08-20"),
    ("history.accepted", dt.date(2018, 8, 30)),
    ("author1.surname:ru", "Стрельцов"),
    ("author1.given:ru", "Дмитрий Викторович"),
    ("author1.style:ru", "eastern"),
    ("author1.surname:en", "Streltsov"),
    ("author1.given:en", "Dmitry V."),
    ("author1.email", "streltsov@example.org"),
    ("author1.corresponding", "yes"),
    ("author1.credit", "conceptualization; writing-original-draft"),
    ("author1.affiliations", "aff1"),
    ("author2.surname:ru", ""),
    ("author2.given:ru", ""),
    ("author2.surname:en", ""),
    ("author2.given:en", ""),
    ("author2.orcid", ""),
    ("author2.affiliations", ""),
    (
        "aff1.institution:ru",
        "Московский государственный институт международных отношений (университет) МИД России",
    ),
    ("aff1.institution:en", "MGIMO University"),
    ("aff1.department:ru", "Кафедра востоковедения"),
    ("aff1.department:en", "Department of Oriental Studies"),
    ("aff1.city:ru", "Москва"),
    ("aff1.city:en", "Moscow"),
    ("aff1.country", "RU"),
    (
        "abstract:ru",
        "В статье прослеживается, как между 2014 и 2018 годами менялся взгляд Москвы на Японию:\n"
        "от расчёта на брешь в санкционном фронте Запада к пониманию того, что японские санкции\n"
        "носят во многом символический характер.\n\n"
        "Японский подход, в котором экономические проекты при поддержке государства служат\n"
        "политическим целям, сопоставляется с российским, оценивающим инвестиции в Сибирь и на\n"
        "Дальний Восток по их коммерческой отдаче.",
    ),
    (
        "abstract:en",
        "The article traces how Moscow's view of Japan changed between 2014 and 2018: from hopes"
        " of\na breach in the Western sanctions front to the understanding that Japan's sanctions"
        " are\nlargely symbolic.\n\n"
        "It sets the Japanese approach, in which state-backed economic projects serve political\n"
        "aims, against the Russian one, which judges investment in Siberia and the Far East by"
        " its\ncommercial return.",
    ),
    (
        "keywords:ru",
        "российско-японские отношения; санкции; территориальный спор; инвестиции; Дальний Восток",
    ),
    (
        "keywords:en",
        "Russian-Japanese relations; sanctions; territorial dispute; investment; Russian Far East",
    ),
    ("acknowledgements:ru", ""),
    ("acknowledgements:en", ""),
    ("competing_interests:ru", ""),
    ("competing_interests:en", ""),
    ("data_availability:ru", ""),
    ("data_availability:en", ""),
    ("license", "CC-BY-4.0"),
    ("copyright.statement:ru", "© Стрельцов Д.В., 2018"),
    ("copyright.statement:en", "© Streltsov D.V., 2018"),
    ("copyright.year", 2018),
    ("copyright.holder:ru", "Стрельцов Д.В."),
    ("copyright.holder:en", "Streltsov D.V."),
    ("url", "https://www.japanreview.ru/articles/jsr-2018-3-6"),
    ("self_uri.pdf", "https://www.japanreview.ru/articles/jsr-2018-3-6.pdf"),
    ("related1.type", ""),
    ("related1.doi", ""),
    ("related1.citation", ""),
]

REFERENCES = [
    (
        "Батин Ю. Россия предложила Японии построить мост Хоккайдо — Сахалин // Российская газета."
        " 2017. 6 сентября. (дата обращения: 21.07.2018).",
        "Batin Yu. Rossiya predlozhila Yaponii postroit' most Khokkaido — Sakhalin [Russia offers"
        " Japan to build Hokkaido-Sakhalin bridge]. Rossiiskaya gazeta. 2017. 6 September."
        " (accessed: 21.07.2018). (In Russ.)",
        None,
    ),
    (
        "Иноземцев В. Китай — главная угроза для мировой экономики // Эхо Москвы. 2017. 14 января."
        " (дата обращения: 21.07.2018).",
        "Inozemtsev V. Kitai — glavnaya ugroza dlya mirovoi ekonomiki [China is the main threat to"
        " the global economy]. Ekho Moskvy. 2017. 14 January. (accessed: 21.07.2018). (In Russ.)",
        None,
    ),
    (
        "Коидзуми Ю. Почему военно-морские учения Китая и России проводились в Южно-Китайском море."
        " 2016. 29 сентября. (дата обращения: 21.07.2018).",
        "Koidzumi Yu. Pochemu voenno-morskie ucheniya Kitaya i Rossii provodilis' v"
        " Yuzhno-Kitaiskom more [Why China and Russia held their naval drills in the South China"
        " Sea]. 2016. 29 September. (accessed: 21.07.2018). (In Russ.)",
        None,
    ),
    (
        "Меликов В. ВМФ России назвал цель совместных учений с КНР в Южно-Китайском море // РНТ."
        " 2016. 12 сентября. (дата обращения: 21.07.2018).",
        "Melikov V. VMF Rossii nazval tsel' sovmestnykh uchenii s KNR v Yuzhno-Kitaiskom more"
        " [Russian Navy named the goal of joint drills with China in the South China Sea]. RNT."
        " 2016. 12 September. (accessed: 21.07.2018). (In Russ.)",
        None,
    ),
    (
        "Путин: Россия солидарна с КНР, не признавшей решение суда по Южно-Китайскому морю // ТАСС."
        " 2016. 5 сентября. (дата обращения: 21.07.2018).",
        "Putin: Rossiya solidarna s KNR, ne priznavshei reshenie suda po Yuzhno-Kitaiskomu moryu"
        " [Putin: Russia supports China's refusal to accept the court ruling on the South China"
        " Sea]. TASS. 2016. 5 September. (accessed: 21.07.2018). (In Russ.)",
        None,
    ),
    (
        "Синдзо Абэ предложил Владимиру Путину подписать мирный договор // Коммерсантъ. 2016."
        " 7 сентября.",
        "Sindzo Abe predlozhil Vladimiru Putinu podpisat' mirnyi dogovor [Shinzo Abe offers"
        " Vladimir Putin to sign a peace treaty]. Kommersant. 2016. 7 September. (In Russ.)",
        "newspaper",
    ),
]


def columns() -> list[tuple[str, Any]]:
    """The header and values of the template row, references in numbered columns."""
    row = list(ROW)
    for number, (ru, en, kind) in enumerate(REFERENCES, start=1):
        row += [(f"reference{number}:ru", ru), (f"reference{number}:en", en)]
        row.append((f"reference{number}.type", kind or ""))
    return row


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def write_csv(path: Path) -> None:
    row = columns()
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in row])
    writer.writerow([_text(value) for _, value in row])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    row = columns()
    book = Workbook()
    sheet = book.active
    sheet.title = "articles"
    sheet.append([name for name, _ in row])
    sheet.append([value if value != "" else None for _, value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(cell.value, dt.date):
            cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    book.properties.creator = "jats-converter"
    book.properties.created = _FIXED
    book.save(path)
    _make_reproducible(path)


def _make_reproducible(path: Path) -> None:
    """Fixed zip timestamps and document dates, so the same script writes the same bytes."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    stamp = _FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)


def main() -> None:
    write_csv(HERE / "issue.csv")
    write_xlsx(HERE / "issue.xlsx")
    print(f"wrote {HERE / 'issue.csv'} and {HERE / 'issue.xlsx'}")


if __name__ == "__main__":
    main()
