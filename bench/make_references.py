"""Write the labelled reference set in ``tests/data/references/`` (run once; the output is kept).

Invented works (Russian and English: articles, books, newspaper and web pages) are written out
in each citation style the parser claims — GOST R 7.0.5-2008, GOST R 7.0.100-2018, the
transliterated "References" style, APA 7, Vancouver, Chicago author-date — with the typographic
variation real lists show (initials with and without spaces, hyphen or en dash in page ranges,
"Т. 5, № 2" or "Т. 5. № 2", DOI and URL forms). Each entry carries the parts a human cataloguer
would give it (``expected``). ``irregular.yaml`` is written by hand: theses, chapters, reports,
archives, broken punctuation — entries the parser should leave as text or read only in part.

    python3 bench/make_references.py
"""

# ruff: noqa: E501, RUF059  (tables of invented works and format strings read best one per line)
from __future__ import annotations

import random
from pathlib import Path

import yaml

from converter.translit import transliterate

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "references"

# (authors as (surname, initials), title, journal, year, volume, issue, fpage, lpage, doi)
RU_ARTICLES = [
    (
        [("Стрельцов", "Д. В.")],
        "Японская политика в Арктике: цели и инструменты",
        "Японские исследования",
        2019,
        3,
        2,
        7,
        24,
        "10.24411/2500-2872-2019-10009",
    ),
    (
        [("Кистанов", "В. О."), ("Лебедева", "И. П.")],
        "Экономические связи России и Японии после 2014 года",
        "Мировая экономика и международные отношения",
        2018,
        62,
        5,
        88,
        97,
        None,
    ),
    (
        [("Молодякова", "Э. В.")],
        "Образ России в японских учебниках истории",
        "Вопросы истории",
        2017,
        None,
        9,
        112,
        125,
        None,
    ),
    (
        [("Иванов", "С. А."), ("Петрова", "Н. Г."), ("Сидоров", "К. Л.")],
        "Демографический кризис в Японии и миграционная политика",
        "Азия и Африка сегодня",
        2020,
        None,
        4,
        45,
        51,
        "10.31857/S032150750008895-5",
    ),
    (
        [("Павлятенко", "В. Н.")],
        "Курильская проблема в российско-японских отношениях",
        "Проблемы Дальнего Востока",
        2016,
        None,
        1,
        60,
        72,
        None,
    ),
    (
        [("Гришачев", "С. В.")],
        "Японская модель государственного управления",
        "Вестник МГИМО-Университета",
        2015,
        44,
        5,
        129,
        137,
        "10.24833/2071-8160-2015-5-44-129-137",
    ),
    (
        [("Коршунова", "Е. А."), ("Ким", "Д. С.")],
        "Туризм в Хоккайдо: статистика и прогнозы",
        "Экономика региона",
        2021,
        17,
        3,
        901,
        915,
        "10.17059/ekon.reg.2021-3-14",
    ),
    (
        [("Лукин", "А. В.")],
        "Россия и Китай в Азиатско-Тихоокеанском регионе",
        "Международная жизнь",
        2018,
        None,
        8,
        14,
        29,
        None,
    ),
    (
        [("Чугров", "С. В.")],
        "Идеология и политическая культура современной Японии",
        "Полис. Политические исследования",
        2017,
        None,
        2,
        138,
        151,
        "10.17976/jpps/2017.02.10",
    ),
    (
        [("Мещеряков", "А. Н."), ("Грачев", "М. В.")],
        "Ранние японские летописи как исторический источник",
        "Восток (Oriens)",
        2014,
        None,
        6,
        5,
        19,
        None,
    ),
    (
        [("Кузьминков", "В. В.")],
        "Политика Японии в отношении Корейского полуострова",
        "Корееведение в России",
        2019,
        2,
        1,
        33,
        48,
        None,
    ),
    (
        [("Николаева", "Т. Р."), ("Абрамов", "Ю. Ю.")],
        "Энергетическая стратегия Японии после Фукусимы",
        "Энергетическая политика",
        2016,
        None,
        3,
        70,
        79,
        None,
    ),
    (
        [("Щербакова", "О. Е.")],
        "Японские корпорации на рынке России",
        "Российский внешнеэкономический вестник",
        2020,
        None,
        11,
        54,
        66,
        "10.24411/2072-8042-2020-10111",
    ),
    (
        [("Зайцев", "Ф. Ж."), ("Юдина", "Я. Ю.")],
        "Цифровая экономика Японии: обзор реформ",
        "Вопросы экономики",
        2022,
        None,
        7,
        120,
        136,
        "10.32609/0042-8736-2022-7-120-136",
    ),
    (
        [("Ёлкин", "Г. Ф.")],
        "Военно-морские силы самообороны Японии",
        "Военная мысль",
        2018,
        None,
        10,
        82,
        90,
        None,
    ),
    (
        [("Хлынов", "В. Н."), ("Цветова", "А. И."), ("Шапошников", "Е. Э.")],
        "Региональные выборы в Японии: итоги 2019 года",
        "Японские исследования",
        2020,
        5,
        1,
        6,
        22,
        "10.24411/2500-2872-2020-10001",
    ),
    (
        [("Подъячев", "К. Ю.")],
        "Синтоизм и государство в период Мэйдзи",
        "Религиоведение",
        2015,
        None,
        2,
        97,
        108,
        None,
    ),
    (
        [("Эйдельман", "Р. С.")],
        "Японская литература в русских переводах",
        "Иностранная литература",
        2013,
        None,
        5,
        240,
        252,
        None,
    ),
    (
        [("Бабаев", "К. В."), ("Тимонина", "И. Л.")],
        "Особенности японской модели занятости",
        "Мировая экономика и международные отношения",
        2019,
        63,
        2,
        61,
        70,
        "10.20542/0131-2227-2019-63-2-61-70",
    ),
    (
        [("Добринская", "О. А.")],
        "Японо-американский союз в эпоху Трампа",
        "США и Канада: экономика, политика, культура",
        2019,
        None,
        6,
        37,
        51,
        None,
    ),
    (
        [("Алпатов", "В. М.")],
        "Языковая политика в Японии",
        "Вопросы языкознания",
        2012,
        None,
        3,
        3,
        17,
        None,
    ),
    (
        [("Сенаторов", "А. И.")],
        "Внешняя политика Японии в начале XXI века",
        "Япония. Ежегодник",
        2010,
        39,
        None,
        40,
        58,
        None,
    ),
    (
        [("Ефимова", "Л. М."), ("Жуков", "А. Е.")],
        "Японская историография о войне 1904–1905 гг.",
        "Новая и новейшая история",
        2014,
        None,
        4,
        150,
        163,
        None,
    ),
    (
        [("Рыжов", "Ю. Ю.")],
        "Японский опыт борьбы с коррупцией",
        "Государство и право",
        2021,
        None,
        1,
        118,
        126,
        "10.31857/S102694520013197-9",
    ),
]
RU_BOOKS = [
    ([("Стрельцов", "Д. В.")], "Япония и Россия: взгляд из Токио", "М.", "Аспект Пресс", 2019, 312),
    (
        [("Молодякова", "Э. В."), ("Маркарьян", "С. Б.")],
        "Японское общество: изменения в мире труда",
        "М.",
        "Восточная литература",
        2015,
        248,
    ),
    ([("Мещеряков", "А. Н.")], "Император Мэйдзи и его Япония", "М.", "Наталис", 2009, 736),
    ([("Кистанов", "В. О.")], "Япония в новой геополитике Азии", "М.", "ИДВ РАН", 2017, 220),
    (
        [("Чугров", "С. В.")],
        "Япония в поисках новой идентичности",
        "М.",
        "Восточная литература",
        2010,
        288,
    ),
    (
        [("Жуков", "А. Е."), ("Ефимова", "Л. М.")],
        "История Японии",
        "СПб.",
        "Издательство СПбГУ",
        2016,
        540,
    ),
    (
        [("Юрьев", "Ю. А.")],
        "Японская экономика: от кризиса к росту",
        "Новосибирск",
        "Наука",
        2012,
        198,
    ),
]
# (authors, title, newspaper, year, day-month (ru), day-month (en), url or None, accessed)
RU_NEWS = [
    (
        [("Батин", "Ю.")],
        "Россия предложила Японии построить мост Хоккайдо — Сахалин",
        "Российская газета",
        2017,
        "6 сентября",
        "6 September",
        None,
        None,
    ),
    (
        [("Иноземцев", "В.")],
        "Китай — главная угроза для мировой экономики",
        "Эхо Москвы",
        2017,
        "14 января",
        "14 January",
        None,
        None,
    ),
    (
        [("Меликов", "В.")],
        "ВМФ России назвал цель совместных учений с КНР",
        "РНТ",
        2016,
        "12 сентября",
        "12 September",
        "https://example.org/rnt/2016/09/12/vmf",
        "2018-07-21",
    ),
    (
        [("Соколова", "А. А.")],
        "Японские инвестиции в Приморье выросли вдвое",
        "Коммерсантъ",
        2019,
        "3 апреля",
        "3 April",
        None,
        None,
    ),
    (
        [("Горбунов", "П. С.")],
        "Токио готовит новый пакет санкций",
        "Известия",
        2022,
        "28 февраля",
        "28 February",
        "https://example.org/iz/2022/02/28/sanktsii",
        "2022-03-01",
    ),
    (
        [("Лаврентьева", "М. И.")],
        "Курилы: новые предложения Токио",
        "Ведомости",
        2018,
        "15 ноября",
        "15 November",
        None,
        None,
    ),
]
# English: (authors as (surname, given, initials), title, journal, journal abbrev, year, vol,
# issue, fpage, lpage, doi)
EN_ARTICLES = [
    (
        [("Smith", "John A.", "J. A."), ("Brown", "Robert", "R.")],
        "Energy security in Northeast Asia",
        "Asian Survey",
        "Asian Surv",
        2018,
        58,
        4,
        611,
        633,
        "10.1525/as.2018.58.4.611",
    ),
    (
        [("Tanaka", "Hiroshi", "H.")],
        "Japan's Arctic policy and the Northern Sea Route",
        "Polar Record",
        "Polar Rec",
        2019,
        55,
        2,
        105,
        118,
        "10.1017/S0032247419000123",
    ),
    (
        [("Miller", "Anne K.", "A. K."), ("Ito", "Kenji", "K."), ("Garcia", "Maria", "M.")],
        "Trade diversion after sanctions: evidence from Russia",
        "Journal of Comparative Economics",
        "J Comp Econ",
        2021,
        49,
        1,
        12,
        30,
        "10.1016/j.jce.2020.07.003",
    ),
    (
        [("Lee", "David", "D.")],
        "Memory politics in East Asia",
        "International Affairs",
        "Int Aff",
        2016,
        92,
        5,
        1093,
        1110,
        None,
    ),
    (
        [("O'Brien", "Patrick", "P.")],
        "Naval modernisation and maritime doctrine",
        "Naval War College Review",
        "Nav War Coll Rev",
        2017,
        70,
        3,
        45,
        70,
        None,
    ),
    (
        [("Nakamura", "Yuki", "Y."), ("Sato", "Taro", "T.")],
        "Aging and labour supply in rural Japan",
        "Demographic Research",
        "Demogr Res",
        2020,
        43,
        12,
        321,
        350,
        "10.4054/DemRes.2020.43.12",
    ),
    (
        [("Chen", "Wei", "W.")],
        "The Belt and Road Initiative in Central Asia",
        "Eurasian Geography and Economics",
        "Eurasian Geogr Econ",
        2019,
        60,
        6,
        701,
        724,
        "10.1080/15387216.2019.1674678",
    ),
    (
        [("Johnson", "Emily R.", "E. R."), ("Kim", "Soo-Jin", "S.-J.")],
        "Alliance management under uncertainty",
        "Security Studies",
        "Secur Stud",
        2022,
        31,
        2,
        250,
        279,
        "10.1080/09636412.2022.2038665",
    ),
    (
        [("Williams", "Mark", "M.")],
        "Sanctions and the Russian banking sector",
        "Post-Soviet Affairs",
        "Post-Sov Aff",
        2015,
        31,
        6,
        511,
        532,
        None,
    ),
    (
        [("Yamamoto", "Akiko", "A.")],
        "Fisheries disputes in the Sea of Okhotsk",
        "Marine Policy",
        "Mar Policy",
        2018,
        97,
        None,
        188,
        196,
        "10.1016/j.marpol.2018.06.011",
    ),
    (
        [("Fischer", "Thomas", "T."), ("Weber", "Anna", "A.")],
        "Regional integration and the Eurasian Economic Union",
        "Europe-Asia Studies",
        "Eur Asia Stud",
        2017,
        69,
        9,
        1321,
        1344,
        None,
    ),
    (
        [("Davies", "Sarah L.", "S. L.")],
        "Soft power and cultural diplomacy",
        "The Pacific Review",
        "Pac Rev",
        2014,
        27,
        4,
        559,
        581,
        "10.1080/09512748.2014.909522",
    ),
    (
        [("Kato", "Naoki", "N."), ("Suzuki", "Ken", "K.")],
        "Abenomics revisited: what changed?",
        "Japan and the World Economy",
        "Jpn World Econ",
        2021,
        58,
        None,
        101,
        112,
        None,
    ),
    (
        [("Petrov", "Ivan", "I.")],
        "Russian LNG projects and Asian buyers",
        "Energy Policy",
        "Energy Policy",
        2020,
        139,
        None,
        111,
        125,
        "10.1016/j.enpol.2020.111325",
    ),
    (
        [("Anderson", "Laura", "L."), ("Clark", "Peter J.", "P. J.")],
        "Climate adaptation in coastal cities",
        "Global Environmental Change",
        "Glob Environ Change",
        2016,
        40,
        None,
        88,
        101,
        None,
    ),
    (
        [("Hughes", "Christopher W.", "C. W.")],
        "Japan's remilitarisation and constitutional revision",
        "Survival",
        "Survival",
        2015,
        57,
        1,
        25,
        52,
        "10.1080/00396338.2015.1008260",
    ),
    (
        [("Rozman", "Gilbert", "G.")],
        "Russo-Japanese relations after the Abe-Putin summits",
        "Asia Policy",
        "Asia Policy",
        2019,
        14,
        2,
        7,
        28,
        None,
    ),
    (
        [("Morris", "Helen", "H."), ("Young", "Brian", "B.")],
        "Public health responses to influenza in Japan",
        "Vaccine",
        "Vaccine",
        2013,
        31,
        44,
        5010,
        5016,
        "10.1016/j.vaccine.2013.08.087",
    ),
    (
        [("Hoffmann", "Klaus", "K.")],
        "Institutional trust in post-communist societies",
        "Comparative Politics",
        "Comp Polit",
        2012,
        44,
        3,
        301,
        320,
        None,
    ),
    (
        [("Baker", "Thomas E.", "T. E."), ("Ortiz", "Lucia", "L.")],
        "Shipping costs and Arctic routes",
        "Transport Policy",
        "Transp Policy",
        2023,
        131,
        None,
        45,
        58,
        "10.1016/j.tranpol.2022.12.004",
    ),
]
EN_BOOKS = [
    (
        [("Hughes", "Christopher W.", "C. W.")],
        "Japan's Foreign and Security Policy under the Abe Doctrine",
        "Basingstoke",
        "Palgrave Macmillan",
        2015,
    ),
    (
        [("Brown", "James D. J.", "J. D. J.")],
        "Japan, Russia and Their Territorial Dispute",
        "London",
        "Routledge",
        2016,
    ),
    (
        [("Samuels", "Richard J.", "R. J.")],
        "Securing Japan",
        "Ithaca",
        "Cornell University Press",
        2007,
    ),
    (
        [("Hara", "Kimie", "K.")],
        "Cold War Frontiers in the Asia-Pacific",
        "London",
        "Routledge",
        2007,
    ),
    ([("Pyle", "Kenneth B.", "K. B.")], "Japan Rising", "New York", "PublicAffairs", 2007),
    (
        [("Smith", "Sheila A.", "S. A.")],
        "Intimate Rivals",
        "New York",
        "Columbia University Press",
        2015,
    ),
    (
        [("Lo", "Bobo", "B.")],
        "Russia and the New World Disorder",
        "Washington",
        "Brookings Institution Press",
        2015,
    ),
]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip


def dash(rng: random.Random) -> str:
    return rng.choice(["–", "-", "–"])


def ru_initials(initials: str, rng: random.Random, tight: bool) -> str:
    return initials.replace(". ", ".") if tight else initials


def gost_authors(authors, rng, tight):
    names = [f"{s} {ru_initials(i, rng, tight)}" for s, i in authors]
    return ", ".join(names)


def expected_ru(authors):
    return [f"{s}, {i}" for s, i in authors]


def article_expected(authors, title, journal, year, vol, issue, fp, lp, doi, *, translit=None):
    exp = {
        "type": "journal",
        "authors": authors,
        "year": str(year),
        "title": title,
        "source": journal,
        "volume": str(vol) if vol else None,
        "issue": str(issue) if issue else None,
        "fpage": str(fp),
        "lpage": str(lp),
        "doi": doi,
    }
    return {k: v for k, v in exp.items() if v is not None}


def gost705_article(rec, rng):
    authors, title, journal, year, vol, issue, fp, lp, doi = rec
    tight = rng.random() < 0.5
    parts = []
    if vol:
        parts.append(f"Т. {vol}")
    if issue:
        parts.append(f"№ {issue}")
    sep = rng.choice([", ", ". "])
    details = sep.join(parts)
    text = (
        f"{gost_authors(authors, rng, tight)} {title} // {journal}. {year}. {details}. "
        f"С. {fp}{dash(rng)}{lp}."
    )
    if doi:
        text += rng.choice([f" DOI: {doi}.", f" doi:{doi}", f" https://doi.org/{doi}"])
    return text, article_expected(
        expected_ru(authors), title, journal, year, vol, issue, fp, lp, doi
    )


def gost100_article(rec, rng):
    authors, title, journal, year, vol, issue, fp, lp, doi = rec
    first_s, first_i = authors[0]
    resp = ", ".join(f"{i} {s}" for s, i in authors)
    parts = []
    if vol:
        parts.append(f"Т. {vol}")
    if issue:
        parts.append(f"№ {issue}")
    text = f"{first_s}, {first_i} {title} / {resp}. – Текст : непосредственный // {journal}. – {year}. – {', '.join(parts)}. – С. {fp}–{lp}."
    if doi:
        text = text.replace("Текст : непосредственный", "Текст : электронный")
        text += f" – DOI {doi}."
    return text, article_expected(
        expected_ru(authors), title, journal, year, vol, issue, fp, lp, doi
    )


def translit_article(rec, rng, scheme="bsi"):
    authors, title, journal, year, vol, issue, fp, lp, doi = rec
    lat = [(transliterate(s, scheme), transliterate(i, scheme)) for s, i in authors]
    tight = rng.random() < 0.7
    names = ", ".join(f"{s} {i.replace('. ', '.') if tight else i}" for s, i in lat)
    title_l, journal_l = transliterate(title, scheme), transliterate(journal, scheme)
    parts = [journal_l, str(year)]
    if vol:
        parts.append(f"vol. {vol}")
    if issue:
        parts.append(f"no. {issue}")
    parts.append(f"pp. {fp}{dash(rng)}{lp}")
    bracket = rng.random() < 0.8
    head = f"{names} {title_l} [{english_gloss(title)}]" if bracket else f"{names} {title_l}"
    text = f"{head}. {', '.join(parts)}."
    if doi:
        text += f" DOI: {doi}."
    if rng.random() < 0.7:
        text += " (In Russ.)"
    exp = article_expected(
        [f"{s}, {i}" for s, i in lat], title_l, journal_l, year, vol, issue, fp, lp, doi
    )
    return text, exp


GLOSS = {
    "Японская политика в Арктике: цели и инструменты": "Japan's Arctic policy: goals and tools",
    "Экономические связи России и Японии после 2014 года": "Russia–Japan economic ties after 2014",
    "Образ России в японских учебниках истории": "The image of Russia in Japanese history textbooks",
    "Демографический кризис в Японии и миграционная политика": "Japan's demographic crisis and migration policy",
    "Курильская проблема в российско-японских отношениях": "The Kuril issue in Russian-Japanese relations",
    "Японская модель государственного управления": "The Japanese model of public administration",
    "Туризм в Хоккайдо: статистика и прогнозы": "Tourism in Hokkaido: statistics and forecasts",
    "Россия и Китай в Азиатско-Тихоокеанском регионе": "Russia and China in the Asia-Pacific",
    "Идеология и политическая культура современной Японии": "Ideology and political culture of contemporary Japan",
    "Ранние японские летописи как исторический источник": "Early Japanese chronicles as a historical source",
    "Политика Японии в отношении Корейского полуострова": "Japan's policy towards the Korean Peninsula",
    "Энергетическая стратегия Японии после Фукусимы": "Japan's energy strategy after Fukushima",
    "Японские корпорации на рынке России": "Japanese corporations in the Russian market",
    "Цифровая экономика Японии: обзор реформ": "Japan's digital economy: a review of reforms",
    "Военно-морские силы самообороны Японии": "The Japan Maritime Self-Defense Force",
    "Региональные выборы в Японии: итоги 2019 года": "Regional elections in Japan: the 2019 results",
    "Синтоизм и государство в период Мэйдзи": "Shinto and the state in the Meiji period",
    "Японская литература в русских переводах": "Japanese literature in Russian translation",
    "Особенности японской модели занятости": "Features of the Japanese employment model",
    "Японо-американский союз в эпоху Трампа": "The Japan–US alliance in the Trump era",
    "Языковая политика в Японии": "Language policy in Japan",
    "Внешняя политика Японии в начале XXI века": "Japan's foreign policy in the early 21st century",
    "Японская историография о войне 1904–1905 гг.": "Japanese historiography of the 1904–1905 war",
    "Японский опыт борьбы с коррупцией": "Japan's experience in fighting corruption",
    "Япония и Россия: взгляд из Токио": "Japan and Russia: a view from Tokyo",
    "Японское общество: изменения в мире труда": "Japanese society: changes in the world of work",
    "Император Мэйдзи и его Япония": "Emperor Meiji and his Japan",
    "Япония в новой геополитике Азии": "Japan in Asia's new geopolitics",
    "Япония в поисках новой идентичности": "Japan in search of a new identity",
    "История Японии": "A history of Japan",
    "Японская экономика: от кризиса к росту": "The Japanese economy: from crisis to growth",
    "Россия предложила Японии построить мост Хоккайдо — Сахалин": "Russia offers Japan to build a Hokkaido–Sakhalin bridge",
    "Китай — главная угроза для мировой экономики": "China is the main threat to the global economy",
    "ВМФ России назвал цель совместных учений с КНР": "The Russian Navy named the goal of joint drills with China",
    "Японские инвестиции в Приморье выросли вдвое": "Japanese investment in Primorye has doubled",
    "Токио готовит новый пакет санкций": "Tokyo prepares a new sanctions package",
    "Курилы: новые предложения Токио": "The Kurils: Tokyo's new proposals",
}  # fmt: skip


def english_gloss(title: str) -> str:
    return GLOSS[title]


def gost705_book(rec, rng):
    authors, title, city, publisher, year, pages = rec
    tight = rng.random() < 0.5
    text = f"{gost_authors(authors, rng, tight)} {title}. {city}: {publisher}, {year}. {pages} с."
    return text, {
        "type": "book",
        "authors": expected_ru(authors),
        "year": str(year),
        "source": title,
    }


def gost100_book(rec, rng):
    authors, title, city, publisher, year, pages = rec
    first_s, first_i = authors[0]
    resp = ", ".join(f"{i} {s}" for s, i in authors)
    text = f"{first_s}, {first_i} {title} / {resp}. – {city} : {publisher}, {year}. – {pages} с. – Текст : непосредственный."
    return text, {
        "type": "book",
        "authors": expected_ru(authors),
        "year": str(year),
        "source": title,
    }


def translit_book(rec, rng, scheme="bsi"):
    authors, title, city, publisher, year, pages = rec
    lat = [(transliterate(s, scheme), transliterate(i, scheme)) for s, i in authors]
    names = ", ".join(f"{s} {i.replace('. ', '.')}" for s, i in lat)
    city_en = {"М.": "Moscow", "СПб.": "St. Petersburg", "Новосибирск": "Novosibirsk"}[city]
    title_l = transliterate(title, scheme)
    text = f"{names} {title_l} [{english_gloss(title)}]. {city_en}: {transliterate(publisher, scheme)} Publ., {year}. {pages} p. (In Russ.)"
    return text, {
        "type": "book",
        "authors": [f"{s}, {i}" for s, i in lat],
        "year": str(year),
        "source": title_l,
    }


def gost705_news(rec, rng):
    authors, title, paper, year, dm_ru, dm_en, url, accessed = rec
    text = f"{gost_authors(authors, rng, True)} {title} // {paper}. {year}. {dm_ru}."
    exp = {
        "type": "newspaper",
        "authors": expected_ru(authors),
        "year": str(year),
        "title": title,
        "source": paper,
    }
    if url:
        d = accessed.split("-")
        text += f" URL: {url} (дата обращения: {d[2]}.{d[1]}.{d[0]})."
        exp.update(url=url, accessed=accessed)
    return text, exp


def seed_news(rec, rng, scheme="bgn-pcgn"):
    authors, title, paper, year, dm_ru, dm_en, url, accessed = rec
    lat = [(transliterate(s, scheme), transliterate(i, scheme)) for s, i in authors]
    comma = rng.random() < 0.5
    names = ", ".join(f"{s}{',' if comma else ''} {i}" for s, i in lat)
    title_l, paper_l = transliterate(title, scheme), transliterate(paper, scheme)
    text = f"{names} ({year}) {title_l} [{english_gloss(title)}]. {dm_en} // {paper_l}."
    exp = {
        "type": "newspaper",
        "authors": [f"{s}, {i}" for s, i in lat],
        "year": str(year),
        "title": title_l,
        "source": paper_l,
    }
    if url:
        d = accessed.split("-")
        text += f" URL: {url} (accessed: {int(d[2])} {MONTHS_EN[int(d[1]) - 1]} {d[0]})"
        exp.update(url=url, accessed=accessed)
    return text, exp


def en_author_apa(a):
    return f"{a[0]}, {a[2]}"


def apa_article(rec, rng):
    authors, title, journal, abbrev, year, vol, issue, fp, lp, doi = rec
    names = [en_author_apa(a) for a in authors]
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]}, & {names[1]}"
    else:
        who = ", ".join(names[:-1]) + f", & {names[-1]}"
    text = f"{who} ({year}). {title}. {journal}, {vol}"
    text += f"({issue})" if issue else ""
    text += f", {fp}–{lp}."
    if doi:
        text += f" https://doi.org/{doi}"
    exp = article_expected(
        [f"{a[0]}, {a[2]}" for a in authors], title, journal, year, vol, issue, fp, lp, doi
    )
    return text, exp


def apa_book(rec, rng):
    authors, title, city, publisher, year = rec
    names = [en_author_apa(a) for a in authors]
    text = f"{' & '.join(names)} ({year}). {title}. {publisher}."
    return text, {
        "type": "book",
        "authors": [f"{a[0]}, {a[2]}" for a in authors],
        "year": str(year),
        "source": title,
    }


def vancouver_article(rec, rng):
    authors, title, journal, abbrev, year, vol, issue, fp, lp, doi = rec
    names = ", ".join(
        f"{a[0]} {a[2].replace('.', '').replace(' ', '').replace('-', '')}" for a in authors
    )
    lp_text = str(lp)
    if rng.random() < 0.5 and len(str(lp)) == len(str(fp)):
        common = 0
        while common < len(str(fp)) - 1 and str(fp)[common] == str(lp)[common]:
            common += 1
        lp_text = str(lp)[common:]
    text = f"{names}. {title}. {abbrev}. {year}"
    if rng.random() < 0.4:
        text += f" {MONTHS_EN[rng.randrange(12)][:3]}"
    text += f";{vol}"
    text += f"({issue})" if issue else ""
    text += f":{fp}-{lp_text}."
    if doi:
        text += f" doi:{doi}"
    exp = article_expected(
        [
            f"{a[0]}, {' '.join(c + '.' for c in a[2].replace('.', '').replace(' ', '').replace('-', ''))}"
            for a in authors
        ],
        title,
        abbrev,
        year,
        vol,
        issue,
        fp,
        lp,
        doi,
    )
    return text, exp


def vancouver_book(rec, rng):
    authors, title, city, publisher, year = rec
    names = ", ".join(
        f"{a[0]} {a[2].replace('.', '').replace(' ', '').replace('-', '')}" for a in authors
    )
    text = f"{names}. {title}. {city}: {publisher}; {year}."
    exp_auth = [
        f"{a[0]}, {' '.join(c + '.' for c in a[2].replace('.', '').replace(' ', '').replace('-', ''))}"
        for a in authors
    ]
    return text, {"type": "book", "authors": exp_auth, "year": str(year), "source": title}


def chicago_names(authors):
    first = f"{authors[0][0]}, {authors[0][1]}"
    others = [f"{a[1]} {a[0]}" for a in authors[1:]]
    if not others:
        return first
    if len(others) == 1:
        return f"{first}, and {others[0]}"
    return first + ", " + ", ".join(others[:-1]) + f", and {others[-1]}"


def chicago_article(rec, rng):
    authors, title, journal, abbrev, year, vol, issue, fp, lp, doi = rec
    who = chicago_names(authors)
    if not who.endswith("."):
        who += "."
    ttl = title[0].upper() + title[1:]
    text = f"{who} {year}. “{ttl}.” {journal} {vol}"
    if issue:
        text += rng.choice([f" ({issue})", f", no. {issue}"])
    text += f": {fp}–{lp}."
    if doi:
        text += f" https://doi.org/{doi}."
    exp = article_expected(
        [f"{a[0]}, {a[1]}" for a in authors], ttl, journal, year, vol, issue, fp, lp, doi
    )
    return text, exp


def chicago_book(rec, rng):
    authors, title, city, publisher, year = rec
    who = chicago_names(authors)
    if not who.endswith("."):
        who += "."
    text = f"{who} {year}. {title}. {city}: {publisher}."
    return text, {
        "type": "book",
        "authors": [f"{a[0]}, {a[1]}" for a in authors],
        "year": str(year),
        "source": title,
    }


def apa_ru(rec, rng):
    """APA used for a Russian journal article (Cyrillic), as some Russian journals do."""
    authors, title, journal, year, vol, issue, fp, lp, doi = rec
    names = [f"{s}, {i}" for s, i in authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f", & {names[-1]}"
    text = f"{who} ({year}). {title}. {journal}"
    if not vol:
        return None
    text += f", {vol}" + (f"({issue})" if issue else "") + f", {fp}–{lp}."
    return text, article_expected(names, title, journal, year, vol, issue, fp, lp, doi and None)


def main() -> None:
    rng = random.Random(6)
    sets: dict[str, list[dict]] = {}

    def add(name: str, style: str, made) -> None:
        if made is None:
            return
        text, expected = made
        sets.setdefault(name, []).append({"style": style, "text": text, "expected": expected})

    for rec in RU_ARTICLES:
        add("gost", "gost-7.0.5-2008", gost705_article(rec, rng))
        add("gost", "gost-7.0.100-2018", gost100_article(rec, rng))
        add(
            "translit",
            "references-translit",
            translit_article(rec, rng, rng.choice(["bsi", "bsi", "bgn-pcgn"])),
        )
        add("apa", "apa-ru", apa_ru(rec, rng))
    for rec in RU_BOOKS:
        add("gost", "gost-7.0.5-2008", gost705_book(rec, rng))
        add("gost", "gost-7.0.100-2018", gost100_book(rec, rng))
        add("translit", "references-translit", translit_book(rec, rng))
    for rec in RU_NEWS:
        add("gost", "gost-7.0.5-2008", gost705_news(rec, rng))
        add("translit", "seed-translit", seed_news(rec, rng))
    for rec in EN_ARTICLES:
        add("apa", "apa", apa_article(rec, rng))
        add("vancouver", "vancouver", vancouver_article(rec, rng))
        add("chicago", "chicago-author-date", chicago_article(rec, rng))
    for rec in EN_BOOKS:
        add("apa", "apa", apa_book(rec, rng))
        add("vancouver", "vancouver", vancouver_book(rec, rng))
        add("chicago", "chicago-author-date", chicago_book(rec, rng))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, items in sets.items():
        header = (
            f"# Labelled references ({name}), written by bench/make_references.py for this "
            "project;\n# the works are invented. expected: the parts a cataloguer would give.\n"
        )
        body = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1000)
        (OUT / f"{name}.yaml").write_text(header + body, encoding="utf-8")
        print(f"{name}: {len(items)}")


if __name__ == "__main__":
    main()
