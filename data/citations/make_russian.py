"""Write ``russian.jsonl``: labelled Russian references in the styles Russian journals print.

    python3 data/citations/make_russian.py

Real Russian journal, publisher and city names with invented authors, titles and numbers are
combined with style templates: GOST R 7.0.5-2008 (with "//" and without, dash-separated
areas), GOST R 7.0.100-2018 ("/ И. И. Иванов. – Текст : непосредственный"), books, chapters in
edited collections, conference papers, theses, web pages and newspapers, citation keys
("Степанов, Торопов, 2015а – …"), and the Latin-script "References" forms: transliterated with
the English title in brackets and "(In Russ.)", and translated with "(in Russian)".

Every row is ``{"src": "russian", "style": ..., "lang": "ru" | "ru-Latn", "split": "train" |
"dev" | "test", "seg": [[label, text], ...]}``. The split is not by chance: the titles, authors
and journals of a test row come from pools that training and dev rows never use, and every
style has template variants (punctuation, order, abbreviations) that only the test rows use.
So the held-out figures measure references whose words and layouts the model has not seen.
Dev rows (they choose the abstention threshold) use a third pool of facts in the training
layouts.
The random generator is seeded: the file is the same on every run.
"""

# ruff: noqa: E501  (tables of Russian names read best one per line; Cyrillic letters are meant)
from __future__ import annotations

import json
import random
from pathlib import Path

from converter.translit import transliterate

OUT = Path(__file__).resolve().parent / "russian.jsonl"

# surname, initials (Russian)
AUTHORS = [
    ("Стрельцов", "Д. В."), ("Кистанов", "В. О."), ("Лебедева", "И. П."), ("Молодякова", "Э. В."),
    ("Павлятенко", "В. Н."), ("Кузьминков", "В. В."), ("Панов", "А. Н."), ("Саплин", "Л. Е."),
    ("Головнин", "В. И."), ("Иванова", "Е. Л."), ("Шестопал", "А. В."), ("Торопов", "С. Н."),
    ("Степанов", "В. А."), ("Ершов", "Ю. Л."), ("Щербакова", "Н. Ю."), ("Жуковский", "Г. Д."),
    ("Ильин", "М. В."), ("Чугров", "С. В."), ("Пашковская", "И. Г."), ("Фёдоров", "А. А."),
    ("Малышев", "К. С."), ("Ахмедова", "Р. Ш."), ("Григорьев", "Ал. Б."), ("Юрьева", "Т. В."),
    ("Белоусов", "Д. Р."), ("Воронцов", "Ю. М."), ("Кожевникова", "О. Ф."), ("Зайцев", "Е. Э."),
    ("Хлебников", "Я. Ю."), ("Соловьёва", "Ж. К."), ("Тер-Минасова", "С. Г."), ("Нечаев", "П. Щ."),
    ("Абрамов", "Н. И."), ("Цветкова", "Л. А."), ("Дьячков", "Б. Т."), ("Яковлева", "А. Ю."),
    ("Кузнецов", "Ф. Ф."), ("Олейник", "Г. Г."), ("Мамедов", "Э. Р."), ("Рыбаков", "О. С."),
    ("Гусейнова", "З. М."), ("Ким", "Е. В."), ("Пак", "С. Х."), ("Эйдельман", "Ч. Л."),
]  # fmt: skip

# Russian title, English title
TITLES = [
    ("Японская политика в Арктике: цели и инструменты", "Japan's Arctic policy: goals and instruments"),
    ("Экономические связи России и Японии после 2014 года", "Economic ties between Russia and Japan after 2014"),
    ("Образ России в японских учебниках истории", "The image of Russia in Japanese history textbooks"),
    ("Демографический кризис и миграционная политика", "Demographic crisis and migration policy"),
    ("Курильская проблема в российско-японских отношениях", "The Kuril issue in Russian-Japanese relations"),
    ("Энергетическая безопасность стран Восточной Азии", "Energy security of East Asian countries"),
    ("Региональные различия в производительности труда", "Regional differences in labour productivity"),
    ("Цифровая трансформация высшего образования", "Digital transformation of higher education"),
    ("Модели оценки кредитного риска малых предприятий", "Credit risk models for small enterprises"),
    ("Политическая культура молодёжи крупных городов", "Political culture of young people in large cities"),
    ("Теплопроводность нанокомпозитов на основе графена", "Thermal conductivity of graphene-based nanocomposites"),
    ("Метод конечных элементов в задачах механики грунтов", "The finite element method in soil mechanics"),
    ("Лексика цвета в русской поэзии XIX века", "Colour vocabulary in nineteenth-century Russian poetry"),
    ("Судебная практика по делам о банкротстве", "Court practice in bankruptcy cases"),
    ("Инновационная активность промышленных предприятий", "Innovation activity of industrial enterprises"),
    ("Сельское хозяйство Сибири в годы реформ", "Siberian agriculture in the years of reform"),
    ("Эффективность государственной поддержки экспорта", "Effectiveness of state export support"),
    ("Особенности перевода юридических терминов", "Features of translating legal terms"),
    ("Алгоритмы распознавания речи на малых выборках", "Speech recognition algorithms on small samples"),
    ("Гидрохимический режим озера Байкал", "Hydrochemical regime of Lake Baikal"),
    ("Миграционные установки студентов", "Migration attitudes of students"),
    ("Транспортная доступность северных территорий", "Transport accessibility of northern territories"),
    ("Роль ЖКТ-микробиоты в развитии ожирения", "The role of gut microbiota in obesity"),
    ("Публичная дипломатия Китая в Центральной Азии", "China's public diplomacy in Central Asia"),
    ("Налоговая нагрузка и инвестиции: эмпирический анализ", "Tax burden and investment: an empirical analysis"),
    ("Устойчивость банковской системы к шокам", "Resilience of the banking system to shocks"),
    ("Архитектура советского модернизма", "The architecture of Soviet modernism"),
    ("Качество жизни пожилых людей в малых городах", "Quality of life of older people in small towns"),
    ("Оптические свойства тонких плёнок оксида цинка", "Optical properties of zinc oxide thin films"),
    ("Правовое регулирование искусственного интеллекта", "Legal regulation of artificial intelligence"),
    ("Рынок труда в условиях пандемии", "The labour market during the pandemic"),
    ("Философия науки и проблема объяснения", "Philosophy of science and the problem of explanation"),
    ("Развитие критического мышления школьников", "Developing critical thinking in schoolchildren"),
    ("Социальные сети как источник политической информации", "Social networks as a source of political information"),
    ("Экологические риски добычи углеводородов на шельфе", "Environmental risks of offshore hydrocarbon production"),
    ("Этнокультурная идентичность мигрантов", "Ethnocultural identity of migrants"),
    ("Кластерная политика регионов России", "Cluster policy of Russian regions"),
    ("Реформа местного самоуправления 2003 года", "The 2003 local government reform"),
    ("Новые данные о палеолите Алтая", "New data on the Palaeolithic of the Altai"),
    ("Конкуренция на рынке мобильной связи", "Competition in the mobile communications market"),
    ("Поэтика сна в прозе Гоголя", "The poetics of dreams in Gogol's prose"),
    ("Механизмы устойчивости растений к засухе", "Mechanisms of plant drought tolerance"),
    ("Внешняя политика Японии в эпоху Абэ", "Japan's foreign policy in the Abe era"),
    ("Городская идентичность и память о войне", "Urban identity and the memory of the war"),
    ("Оценка стоимости компаний на развивающихся рынках", "Company valuation in emerging markets"),
    ("Статистические методы контроля качества", "Statistical methods of quality control"),
    ("История Японии", "A history of Japan"), ("Теория игр", "Game theory"),
    ("Политология", "Political science"), ("Экономика Китая", "The economy of China"),
    ("Русская грамматика", "Russian grammar"), ("Философия права", "Philosophy of law"),
    ("Общая химия", "General chemistry"), ("Японский милитаризм", "Japanese militarism"),
    ("Введение в эконометрику", "Introduction to econometrics"), ("Социология города", "Urban sociology"),
    ("Курс общей физики", "A course of general physics"), ("Мировая политика", "World politics"),
    # titles with a year or a number in them, as many real ones have
    ("Российско-японские отношения в 1990-е годы", "Russian-Japanese relations in the 1990s"),
    ("Экономический кризис 2008–2009 годов в регионах России", "The 2008–2009 economic crisis in Russia's regions"),
    ("Перепись населения 2010 года: итоги и уроки", "The 2010 population census: results and lessons"),
    ("Советско-японская декларация 1956 года", "The Soviet-Japanese declaration of 1956"),
    ("Стратегия развития Арктики до 2035 года", "The Arctic development strategy to 2035"),
    ("Денежная реформа 1947 года", "The 1947 monetary reform"),
    ("Выборы в Государственную думу 2016 года", "The 2016 State Duma elections"),
    ("Итоги экономического развития за 2015 год", "Economic development results for 2015"),
]  # fmt: skip

# journal (Russian), English name, city where the journal is printed
JOURNALS = [
    ("Вопросы истории", "Voprosy istorii", "Moscow"),
    ("Вопросы экономики", "Voprosy Ekonomiki", "Moscow"),
    ("Мировая экономика и международные отношения", "World Economy and International Relations", "Moscow"),
    ("Японские исследования", "Japanese Studies in Russia", "Moscow"),
    ("Проблемы Дальнего Востока", "Far Eastern Affairs", "Moscow"),
    ("Полис. Политические исследования", "Polis. Political Studies", "Moscow"),
    ("Социологические исследования", "Sociological Studies", "Moscow"),
    ("Вестник Московского университета. Серия 6: Экономика", "Moscow University Economics Bulletin", "Moscow"),
    ("Вестник Санкт-Петербургского университета. История", "Vestnik of Saint Petersburg University. History", "St. Petersburg"),
    ("Вестник Башкирского университета", "Bulletin of Bashkir University", "Ufa"),
    ("Вестник Томского государственного университета", "Tomsk State University Journal", "Tomsk"),
    ("Известия Российской академии наук. Серия географическая", "Izvestiya Rossiiskoi Akademii Nauk. Seriya Geograficheskaya", "Moscow"),
    ("Журнал экспериментальной и теоретической физики", "Journal of Experimental and Theoretical Physics", "Moscow"),
    ("Успехи физических наук", "Physics-Uspekhi", "Moscow"),
    ("Доклады Академии наук", "Doklady Akademii Nauk", "Moscow"),
    ("Высшее образование в России", "Higher Education in Russia", "Moscow"),
    ("Экономическая политика", "Economic Policy", "Moscow"),
    ("Вестник МГИМО-Университета", "MGIMO Review of International Relations", "Moscow"),
    ("Молодой учёный", "Young Scientist", "Kazan"),
    ("Международные процессы", "International Trends", "Moscow"),
    ("Восток. Афро-азиатские общества: история и современность", "Vostok. Afro-Aziatskie Obshchestva: Istoriya i Sovremennost", "Moscow"),
    ("Российский журнал менеджмента", "Russian Management Journal", "St. Petersburg"),
    ("Известия высших учебных заведений. Физика", "Russian Physics Journal", "Tomsk"),
    ("Журнал новой экономической ассоциации", "Journal of the New Economic Association", "Moscow"),
    ("Сибирский философский журнал", "Siberian Journal of Philosophy", "Novosibirsk"),
    ("Педагогика", "Pedagogika", "Moscow"),
    ("Экология человека", "Human Ecology", "Arkhangelsk"),
    ("Право. Журнал Высшей школы экономики", "Law. Journal of the Higher School of Economics", "Moscow"),
]  # fmt: skip

# city (GOST abbreviation, full Russian, English), publisher (Russian), publisher (Latin)
PUBLISHERS = [
    (("М.", "Москва", "Moscow"), "Наука", "Nauka"),
    (("М.", "Москва", "Moscow"), "Изд-во МГУ", "Moscow University Press"),
    (("М.", "Москва", "Moscow"), "Юрайт", "Yurait"),
    (("М.", "Москва", "Moscow"), "Аспект Пресс", "Aspekt Press"),
    (("М.", "Москва", "Moscow"), "ИМЭМО РАН", "IMEMO RAN"),
    (("М.", "Москва", "Moscow"), "Изд. дом ВШЭ", "HSE Publishing House"),
    (("СПб.", "Санкт-Петербург", "St. Petersburg"), "ЦНИИ «Электроприбор»", "TsNII Elektropribor"),
    (("СПб.", "Санкт-Петербург", "St. Petersburg"), "Питер", "Piter"),
    (("СПб.", "Санкт-Петербург", "St. Petersburg"), "Алетейя", "Aleteiya"),
    (("Новосибирск", "Новосибирск", "Novosibirsk"), "Изд-во СО РАН", "SB RAS Publishing"),
    (("Екатеринбург", "Екатеринбург", "Yekaterinburg"), "Изд-во Урал. ун-та", "Ural University Press"),
    (("Казань", "Казань", "Kazan"), "Казан. ун-т", "Kazan University"),
    (("Л.", "Ленинград", "Leningrad"), "Наука", "Nauka"),
    (("Томск", "Томск", "Tomsk"), "Изд-во ТГУ", "Tomsk State University Press"),
    (("М.", "Москва", "Moscow"), "Высшая школа", "Vysshaya shkola"),
    (("М.", "Москва", "Moscow"), "Восточная литература", "Vostochnaya literatura"),
    (("М.", "Москва", "Moscow"), "Международные отношения", "Mezhdunarodnye otnosheniya"),
    (("СПб.", "Санкт-Петербург", "St. Petersburg"), "Изд-во С.-Петерб. ун-та", "St. Petersburg University Press"),
    (("М.", "Москва", "Moscow"), "Весь мир", "Ves' mir"),
]  # fmt: skip

# edited collections and conferences (Russian, English; the transliterated form comes from the scheme)
COLLECTIONS = [
    ("Россия и Япония: проблемы и перспективы", "Russia and Japan: problems and prospects"),
    ("Экономика регионов: сборник научных трудов", "Regional economics: collected papers"),
    ("Актуальные проблемы гуманитарных наук", "Topical problems of the humanities"),
    ("Международные отношения в XXI веке", "International relations in the 21st century"),
    ("История и современность Восточной Азии", "East Asia: history and the present"),
    ("Современные проблемы физики конденсированного состояния", "Current problems of condensed matter physics"),
    ("Право и общество в эпоху цифровизации", "Law and society in the digital age"),
    ("Языки и культуры народов России", "Languages and cultures of the peoples of Russia"),
]  # fmt: skip
CONFERENCES = [
    ("Ломоносов-2019", "Lomonosov-2019"),
    ("Наука и образование: проблемы и перспективы", "Science and education: problems and prospects"),
    ("Экономика и управление в XXI веке", "Economics and management in the 21st century"),
    ("Актуальные вопросы востоковедения", "Topical issues of Oriental studies"),
    ("Физика и технология наноматериалов", "Physics and technology of nanomaterials"),
    ("Инновации в образовании", "Innovations in education"),
]  # fmt: skip
NEWSPAPERS = [
    ("Российская газета", "Rossiiskaya gazeta"), ("Коммерсантъ", "Kommersant"), ("Ведомости", "Vedomosti"),
    ("Известия", "Izvestiya"), ("Независимая газета", "Nezavisimaya gazeta"), ("Эхо Москвы", "Ekho Moskvy"),
]  # fmt: skip
# legal acts: kind (Russian, BSI-transliterable, English), and invented names with English ones
ACT_KINDS = [
    ("Федеральный закон", "Federal Law", "ФЗ"),
    ("Указ Президента Российской Федерации", "Decree of the President of the Russian Federation", ""),
    ("Постановление Правительства Российской Федерации", "Resolution of the Government of the Russian Federation", ""),
    ("Приказ Министерства финансов Российской Федерации", "Order of the Ministry of Finance of the Russian Federation", "н"),
]  # fmt: skip
ACTS = [
    ("О государственной поддержке малых городов", "On state support for small towns"),
    ("О развитии сельскохозяйственной кооперации", "On the development of agricultural cooperation"),
    ("Об охране озера Байкал", "On the protection of Lake Baikal"),
    ("О науке и государственной научно-технической политике", "On science and state science and technology policy"),
    ("О внесении изменений в Налоговый кодекс", "On amendments to the Tax Code"),
    ("Об утверждении Стратегии пространственного развития", "On approving the Spatial Development Strategy"),
    ("О порядке ведения реестра субсидий", "On the procedure for keeping the register of subsidies"),
    ("О защите прав потребителей финансовых услуг", "On protecting consumers of financial services"),
    ("Об особых экономических зонах на Дальнем Востоке", "On special economic zones in the Far East"),
    ("О национальных целях развития до 2030 года", "On the national development goals to 2030"),
    ("О цифровых финансовых активах", "On digital financial assets"),
    ("Об образовательных кредитах", "On education loans"),
]  # fmt: skip
GAZETTES = [
    ("Собрание законодательства Российской Федерации", "Sobranie zakonodatel'stva Rossiiskoi Federatsii"),
    ("Собрание законодательства РФ", "Sobranie zakonodatel'stva RF"),
]  # fmt: skip
SITES = [
    "https://www.rbc.ru/economics/",
    "https://ria.ru/20190512/",
    "https://www.kommersant.ru/doc/",
    "http://www.kremlin.ru/events/president/news/",
    "https://nauka.tass.ru/nauka/",
    "https://cyberleninka.ru/article/n/",
]
MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DEGREES = [
    ("канд. экон. наук", "08.00.05"),
    ("д-ра ист. наук", "07.00.03"),
    ("канд. филол. наук", "10.02.01"),
    ("канд. техн. наук", "05.13.01"),
    ("канд. юрид. наук", "12.00.03"),
]


def split_pool(pool: list, split: str) -> list:
    """Every third fact is kept for the test rows and every sixth for the dev rows; training
    rows use neither."""
    keep = {"train": (0, 3, 4), "dev": (1,), "test": (2, 5)}[split]
    return [x for i, x in enumerate(pool) if i % 6 in keep]


class Row:
    """Segments of one reference, joined with the spacing the template gives."""

    def __init__(self) -> None:
        self.seg: list[list[str]] = []

    def add(self, label: str, text: str) -> Row:
        if not text:
            return self
        if self.seg and self.seg[-1][0] == label and label != "author":
            self.seg[-1][1] += text
        else:
            self.seg.append([label, text])
        return self


class Facts:
    def __init__(self, rng: random.Random, split: str) -> None:
        self.rng = rng
        self.authors = split_pool(AUTHORS, split)
        self.titles = split_pool(TITLES, split)
        self.journals = split_pool(JOURNALS, split)
        self.publishers = split_pool(PUBLISHERS, split)
        self.collections = split_pool(COLLECTIONS, split)
        self.conferences = split_pool(CONFERENCES, split)
        self.acts = split_pool(ACTS, split)

    def people(self) -> list[tuple[str, str]]:
        n = self.rng.choice([1, 1, 1, 2, 2, 3, 4])
        return self.rng.sample(self.authors, n)

    def numbers(self) -> dict:
        r = self.rng
        fp = r.randint(3, 400)
        year = r.randint(1965, 2024)
        return {
            "year": str(year),
            "vol": str(r.randint(1, 90)) if r.random() < 0.6 else None,
            "iss": str(r.randint(1, 12)),
            "fp": str(fp),
            "lp": str(fp + r.randint(1, 30)),
            "doi": f"10.{r.choice(['31857', '24411', '17323', '21638', '14258', '15507'])}/{r.randint(1000, 9999)}-{r.randint(1000, 9999)}-{year}-{r.randint(1, 12)}-{r.randint(10, 99)}"
            if r.random() < 0.35
            else None,
            "pages": str(r.randint(90, 600)),
        }


def initials(text: str, rng: random.Random, tight: bool) -> str:
    return text.replace(" ", "") if tight else text


def lat(text: str, scheme: str) -> str:
    return transliterate(text, scheme)


# ----------------------------------------------------------------------------- author lists


def gost_authors(people, rng, variant) -> list[str]:
    """'Иванов И. И., Петров П. П.' (with the spacing and separators of the variant)."""
    tight = variant.get("tight", False)
    names = [f"{s} {initials(i, rng, tight)}" for s, i in people]
    if variant.get("initials_first"):
        names = [f"{initials(i, rng, tight)} {s}" for s, i in people]
    sep = variant.get("sep", ", ")
    parts = [n + (sep if k < len(names) - 1 else "") for k, n in enumerate(names)]
    if len(people) >= 4 and variant.get("etal"):
        parts = parts[:3]
        parts[-1] = names[2] + rng.choice([" [и др.]", " и др."])
    return parts


def latin_authors(people, scheme, rng, variant) -> list[str]:
    tight = variant.get("tight", True)
    names = []
    for s, i in people:
        ini = lat(i, scheme)
        names.append(f"{lat(s, scheme)} {ini.replace(' ', '') if tight else ini}")
    if variant.get("comma_after_surname"):
        names = [n.replace(" ", ", ", 1) for n in names]
    return [n + (", " if k < len(names) - 1 else "") for k, n in enumerate(names)]


def add_authors(row: Row, parts: list[str], end: str = " ") -> None:
    for k, part in enumerate(parts):
        row.add("author", part + (end if k == len(parts) - 1 else ""))


# ----------------------------------------------------------------------------- GOST (Cyrillic)


def gost_article(f: Facts, variant: dict) -> Row:
    r = f.rng
    people, (title, _), (journal, _, city) = f.people(), r.choice(f.titles), r.choice(f.journals)
    n = f.numbers()
    row = Row()
    if variant.get("key"):
        key = (
            ", ".join(s for s, _ in people[:2])
            + ("" if len(people) <= 2 else " и др.")
            + f", {n['year']}{r.choice(['', 'а', 'б'])}"
        )
        row.add("other", key + " – ")
    add_authors(row, gost_authors(people, r, variant))
    dash = variant.get("dash", False)
    sep = ". – " if dash else ". "
    row.add("title", title + (" [Электронный ресурс]" if variant.get("medium") else ""))
    if variant.get("no_slashes"):
        row.add("title", ". ")
    else:
        row.add("title", " ").add("source", "// ")
    row.add("source", journal)
    if variant.get("city"):
        row.add("source", ". ").add("place", city_ru(city))
        row.add("place", ", " if not dash else ". – ")
    else:
        row.add("source", sep)
    row.add("year", n["year"] + sep)
    vol_form = variant.get("vol", "Т. {}")
    if n["vol"]:
        row.add("volume", vol_form.format(n["vol"]) + variant.get("vol_sep", ", "))
    issue = variant.get("iss", "№ {}").format(n["iss"])
    if variant.get("total"):  # the issue's number since the journal began: '№ 2 (45)'
        issue += f" ({r.randint(20, 180)})"
    row.add("issue", issue + sep)
    page = variant.get("page", "С. {}–{}")
    row.add("pages", page.format(n["fp"], n["lp"]) + ".")
    if n["doi"] and variant.get("doi", True):
        row.seg[-1][1] += " "
        row.add("doi", r.choice(["DOI: ", "doi:", "DOI "]) + n["doi"] + r.choice(["", "."]))
    return row


def city_ru(city_en: str) -> str:
    return {
        "Moscow": "Москва",
        "St. Petersburg": "СПб.",
        "Ufa": "Уфа",
        "Tomsk": "Томск",
        "Kazan": "Казань",
        "Novosibirsk": "Новосибирск",
        "Arkhangelsk": "Архангельск",
    }.get(city_en, city_en)


def gost100_article(f: Facts, variant: dict) -> Row:
    """GOST R 7.0.100-2018: 'Иванов, И. И. Название / И. И. Иванов, П. П. Петров. – Текст :
    непосредственный // Журнал. – 2019. – Т. 5, № 2. – С. 10–20.', with the URL and access
    date of the electronic form, or without the '– Текст : …' area many journals leave out."""
    r = f.rng
    people, (title, _), (journal, _, _) = f.people(), r.choice(f.titles), r.choice(f.journals)
    n = f.numbers()
    row = Row()
    s, i = people[0]
    row.add("author", f"{s}, {i} ")
    resp = ", ".join(f"{ii} {ss}" for ss, ii in people[:3])
    if len(people) > 3:
        resp += " [и др.]"
    row.add("title", title + " ")
    row.add("author", f"/ {resp}. ")
    if not variant.get("no_text"):
        medium = (
            "электронный "
            if variant.get("url")
            else r.choice(["непосредственный ", "электронный "])
        )
        row.add("note", "– Текст : " + medium)
    row.add("source", f"// {journal}. – ")
    row.add("year", n["year"] + ". – ")
    if n["vol"]:
        row.add("volume", f"Т. {n['vol']}, ")
    row.add("issue", f"№ {n['iss']}. – ")
    row.add("pages", f"С. {n['fp']}–{n['lp']}.")
    if n["doi"]:
        row.seg[-1][1] += " – "
        row.add("doi", f"DOI {n['doi']}.")
    if variant.get("url"):
        row.seg[-1][1] += " – "
        row.add("url", f"URL: {r.choice(SITES)}{r.randint(10000, 99999)} ")
        row.add(
            "accessed",
            f"(дата обращения: {r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2015, 2024)}).",
        )
    return row


def gost100_book(f: Facts, variant: dict) -> Row:
    """GOST R 7.0.100-2018 book: 'Иванов, И. И. Название : монография / И. И. Иванов, П. П.
    Петров. – 2-е изд. – Москва : Наука, 2016. – 394 с. – ISBN … – Текст : непосредственный.'"""
    r = f.rng
    people, (title, _) = f.people()[:3], r.choice(f.titles)
    (_, full, _), pub, _ = r.choice(f.publishers)
    n = f.numbers()
    row = Row()
    s, i = people[0]
    row.add("author", f"{s}, {i} ")
    kind = r.choice(["монография", "учебное пособие", "учебник для вузов"])
    row.add("title", f"{title} : {kind} ")
    row.add("author", "/ " + ", ".join(f"{ii} {ss}" for ss, ii in people) + ". ")
    if variant.get("edition"):
        row.add(
            "note", "– " + r.choice(["2-е изд. ", "3-е изд., перераб. и доп. ", "Изд. 2-е, испр. "])
        )
    row.add("place", f"– {full} : ")
    row.add("publisher", pub + ", ")
    row.add("year", n["year"] + ". ")
    row.add("note", f"– {n['pages']} с.")
    if variant.get("isbn", True):
        row.add(
            "note",
            f" – ISBN 978-5-{r.randint(10, 99)}-{r.randint(100000, 999999)}-{r.randint(0, 9)}.",
        )
    if variant.get("text_note", True):
        row.add("note", " – Текст : непосредственный.")
    elif not row.seg[-1][1].endswith("."):
        row.add("note", ".")
    return row


def gost_book(f: Facts, variant: dict) -> Row:
    r = f.rng
    people, (title, _) = f.people()[:2], r.choice(f.titles)
    (short, full, _), pub, _ = r.choice(f.publishers)
    n = f.numbers()
    row = Row()
    if variant.get("editor"):
        row.add("title", title + " ")
        ed_s, ed_i = r.choice(f.authors)
        row.add(
            "editor",
            f"/ {r.choice(['под ред.', 'под редакцией', 'отв. ред.'])} {r.choice(['', 'проф. ', 'акад. '])}{ed_i} {genitive(ed_s)}. ",
        )
    else:
        add_authors(row, gost_authors(people, r, variant))
        row.add(
            "title",
            title
            + (
                f" : {r.choice(['монография', 'учебное пособие', 'учебник'])}"
                if r.random() < 0.4
                else ""
            )
            + ". ",
        )
    dash = variant.get("dash", False)
    if variant.get("edition"):  # '2-е изд., перераб. и доп.' between the title and the place
        if dash:
            row.seg[-1][1] = row.seg[-1][1].rstrip() + " – "
        row.add(
            "note", r.choice(["2-е изд.", "3-е изд., перераб. и доп.", "Изд. 4-е, испр."]) + " "
        )
    if dash:
        row.seg[-1][1] = row.seg[-1][1].rstrip() + " – "
    place = full if variant.get("full_city") else short
    row.add("place", place + (" : " if variant.get("spaced_colon") else ": "))
    row.add("publisher", pub + ", ")
    row.add("year", n["year"] + (". – " if dash else ". "))
    row.add("note", n["pages"] + " с.")
    return row


def genitive(surname: str) -> str:
    if surname.endswith("а"):
        return surname[:-1] + "ой"
    if surname.endswith(("ов", "ев", "ёв", "ин")):
        return surname + "а"
    if surname.endswith("ий"):
        return surname[:-2] + "ого"
    return surname


def gost_chapter(f: Facts, variant: dict) -> Row:
    r = f.rng
    people, (title, _) = f.people(), r.choice(f.titles)
    (short, _, _), pub, _ = r.choice(f.publishers)
    n = f.numbers()
    row = Row()
    add_authors(row, gost_authors(people, r, variant))
    row.add("title", title + " ")
    if variant.get("conference"):
        conf = r.choice(f.conferences)[0]
        row.add(
            "source",
            f"// Материалы {r.choice(['Междунар.', 'Всерос.', 'XII Междунар.'])} науч.-практ. конф. «{conf}»",
        )
        row.add(
            "source",
            f" ({city_ru('Moscow')}, {r.randint(1, 27)}–{r.randint(28, 30)} {r.choice(MONTHS_RU)} {n['year']} г.). ",
        )
    else:
        row.add("source", f"// {r.choice(f.collections)[0]}")
        ed_s, ed_i = r.choice(f.authors)
        row.seg[-1][1] += " "
        row.add(
            "editor",
            f"/ {r.choice(['под ред.', 'под редакцией', 'отв. ред.'])} {r.choice(['', 'проф. '])}{ed_i} {genitive(ed_s)}. ",
        )
    row.add("place", short + ": ")
    row.add("publisher", pub + ", ")
    row.add("year", n["year"] + ". ")
    row.add("pages", f"С. {n['fp']}–{n['lp']}.")
    return row


def gost_thesis(f: Facts, variant: dict) -> Row:
    """'Иванов И. И. Название : дис. … канд. экон. наук : 08.00.05. М., 2015. 200 с.', with
    the dash-separated areas ('– М., 2015. – 200 с.') and the comma after the surname."""
    r = f.rng
    (s, i), (title, _) = r.choice(f.authors), r.choice(f.titles)
    degree, code = r.choice(DEGREES)
    n = f.numbers()
    dash = "– " if variant.get("dash") else ""
    row = Row()
    row.add("author", f"{s}, {i} " if variant.get("comma") else f"{s} {i} ")
    row.add("title", title + " ")
    row.add("note", f": {r.choice(['дис. ... ', 'автореф. дис. ... '])}{degree} : {code}. ")
    row.add("place", dash + r.choice(["М.", "СПб.", "Казань", "Томск"]) + ", ")
    row.add("year", n["year"] + ". ")
    row.add("note", f"{dash}{r.randint(20, 300)} с.")
    return row


def gost_web(f: Facts, variant: dict) -> Row:
    r = f.rng
    (title, _) = r.choice(f.titles)
    n = f.numbers()
    row = Row()
    if r.random() < 0.5:
        s, i = r.choice(f.authors)
        row.add("author", f"{s} {i} ")
    if variant.get("gost100"):  # 7.0.100-2018: '… – Текст : электронный // Сайт. – URL: …'
        row.add("title", title + ". ")
        row.add("note", "– Текст : электронный ")
        if r.random() < 0.5:
            paper, _ = r.choice(NEWSPAPERS)
            row.add("source", f"// {paper}. ")
            row.add("year", f"– {n['year']}. – {r.randint(1, 28)} {r.choice(MONTHS_RU)}. ")
        row.add("url", f"– URL: {r.choice(SITES)}{r.randint(10000, 99999)} ")
    else:
        row.add("title", title + " ")
        if not variant.get("no_medium"):
            row.add("note", "[Электронный ресурс]. ")
        elif row.seg[-1][0] == "title":
            row.seg[-1][1] = row.seg[-1][1].rstrip() + ". "
        if r.random() < 0.5:
            paper, _ = r.choice(NEWSPAPERS)
            row.add("source", f"// {paper}. ")
            row.add("year", f"{r.randint(1, 28)} {r.choice(MONTHS_RU)} {n['year']} г. ")
        row.add("url", f"URL: {r.choice(SITES)}{r.randint(10000, 99999)} ")
    day, month = r.randint(1, 28), r.randint(1, 12)
    row.add("accessed", f"(дата обращения: {day:02d}.{month:02d}.{r.randint(2015, 2024)}).")
    return row


def gost_newspaper(f: Facts, variant: dict) -> Row:
    r = f.rng
    (s, i), (title, _) = r.choice(f.authors), r.choice(f.titles)
    paper, _ = r.choice(NEWSPAPERS)
    n = f.numbers()
    row = Row()
    if r.random() < 0.7:
        row.add("author", f"{s} {i} ")
    row.add("title", title + " ")
    row.add("source", f"// {paper}. {'– ' if variant.get('dash') else ''}")
    months = (
        MONTHS_RU
        if r.random() < 0.5
        else [
            "янв.",
            "февр.",
            "марта",
            "апр.",
            "мая",
            "июня",
            "июля",
            "авг.",
            "сент.",
            "окт.",
            "нояб.",
            "дек.",
        ]
    )
    dash = "– " if variant.get("dash") else ""
    date = f"{n['year']}. {dash}{r.randint(1, 28)} {r.choice(months)}"
    row.add("year", date)
    if r.random() < 0.3:
        row.seg[-1][1] += "" if date.endswith(".") else "."
        row.seg[-1][1] += " "
        row.add("pages", f"С. {r.randint(1, 12)}.")
    else:
        row.seg[-1][1] += "" if date.endswith(".") else "."
    if r.random() < 0.4:
        row.seg[-1][1] += " "
        row.add(
            "accessed",
            f"(дата обращения: {r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2015, 2024)}).",
        )
    return row


def translit_newspaper(f: Facts, variant: dict) -> Row:
    """'Batin Yu. Title [English]. Rossiiskaya gazeta. 2017. 6 September. (accessed: …). (In Russ.)'"""
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    (s, i), (title, title_en) = r.choice(f.authors), r.choice(f.titles)
    _, paper_lat = r.choice(NEWSPAPERS)
    n = f.numbers()
    row = Row()
    if r.random() < 0.7:
        row.add("author", f"{lat(s, scheme)} {lat(i, scheme).replace(' ', '')} ")
    row.add("title", lat(title, scheme) + " ")
    row.add("title_en", f"[{title_en}]. ")
    row.add("source", f"{paper_lat}. ")
    row.add("year", f"{n['year']}. {r.randint(1, 28)} {r.choice(MONTHS_EN)}. ")
    if r.random() < 0.5:
        row.add(
            "accessed",
            f"(accessed: {r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2015, 2024)}). ",
        )
    row.add("note", "(In Russ.)")
    return row


# ----------------------------------------------------------------------------- Latin script


def translit_article(f: Facts, variant: dict) -> Row:
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    people, (title, title_en), (journal, journal_en, _) = (
        f.people(),
        r.choice(f.titles),
        r.choice(f.journals),
    )
    n = f.numbers()
    row = Row()
    add_authors(row, latin_authors(people, scheme, r, variant))
    if variant.get("year_after_authors"):
        row.add("year", f"({n['year']}) ")
    if variant.get("translated"):
        row.add("title", title_en + ". ")
    else:
        row.add("title", lat(title, scheme) + " ")
        row.add("title_en", f"[{title_en}]. ")
    src = journal_en if variant.get("english_source") else lat(journal, scheme)
    if variant.get("both_sources"):
        src = f"{lat(journal, scheme)} = {journal_en}"
    row.add("source", src + ", ")
    if not variant.get("year_after_authors"):
        row.add("year", n["year"] + ", ")
    if n["vol"]:
        row.add("volume", f"{variant.get('vol', 'vol.')} {n['vol']}, ")
    row.add("issue", f"{variant.get('no', 'no.')} {n['iss']}, ")
    row.add("pages", f"pp. {n['fp']}–{n['lp']}.")
    note = variant.get("note", "(In Russ.)")
    if n["doi"] and variant.get("doi_first"):
        row.seg[-1][1] += " "
        row.add("doi", f"DOI: {n['doi']}")
        row.seg[-1][1] += " "
        row.add("note", note)
    else:
        row.seg[-1][1] += " "
        row.add("note", note)
        if n["doi"]:
            row.seg[-1][1] += " "
            row.add("doi", f"DOI: {n['doi']}")
    return row


def translit_book(f: Facts, variant: dict) -> Row:
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    people, (title, title_en) = f.people()[:2], r.choice(f.titles)
    (_, _, city_en), _, pub_lat = r.choice(f.publishers)
    n = f.numbers()
    row = Row()
    add_authors(row, latin_authors(people, scheme, r, variant))
    if variant.get("translated"):
        row.add("title", title_en + ". ")
    else:
        row.add("title", lat(title, scheme) + " ")
        row.add("title_en", f"[{title_en}]. ")
    row.add("place", city_en + (": " if variant.get("colon") else ", "))
    row.add("publisher", pub_lat + (" Publ., " if r.random() < 0.7 else ", "))
    row.add("year", n["year"] + ". ")
    row.add("note", f"{n['pages']} p. " + variant.get("note", "(In Russ.)"))
    return row


def translit_seed(f: Facts, variant: dict) -> Row:
    """The seed list's style: 'Batin Yu. (2017) Title [English]. 6 September //Paper. URL: …'."""
    r = f.rng
    scheme = variant.get("scheme", "bgn-pcgn")
    (s, i), (title, title_en) = r.choice(f.authors), r.choice(f.titles)
    _, paper_lat = r.choice(NEWSPAPERS)
    n = f.numbers()
    row = Row()
    row.add("author", f"{lat(s, scheme)}{r.choice([' ', ', '])}{lat(i, scheme).replace(' ', '')} ")
    row.add("year", f"({n['year']}) ")
    row.add("title", lat(title, scheme) + " ")
    row.add("title_en", f"[{title_en}]. ")
    row.add("year", f"{r.randint(1, 28)} {r.choice(MONTHS_EN)}{r.choice(['', '.'])} ")
    row.add("source", f"{r.choice(['//', '// '])}{paper_lat}. ")
    row.add("url", f"URL: {r.choice(SITES)}{r.randint(10000, 99999)} ")
    row.add(
        "accessed", f"(accessed: {r.randint(1, 28)} {r.choice(MONTHS_EN)} {r.randint(2015, 2024)})."
    )
    return row


def _act_heading(f: Facts, n: dict) -> tuple[str, str, str, str]:
    """'Федеральный закон от 29.12.2012 № 273-ФЗ «…»' and its parts for the Latin forms."""
    r = f.rng
    kind, kind_en, suffix = r.choice(ACT_KINDS)
    name, name_en = r.choice(f.acts)
    date = f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{n['year']}"
    number = f"{r.randint(1, 1500)}" + (f"-{suffix}" if suffix else "")
    return kind, kind_en, f"от {date} № {number}", name, name_en, date, number


def gost_law(f: Facts, variant: dict) -> Row:
    """A legal act: 'Федеральный закон от 29.12.2012 № 273-ФЗ «…» // Собрание законодательства
    РФ. 2012. № 53, ч. 1. Ст. 7598.', or in the Российская газета, or on a legal database's
    site with its URL. 'Ст.' is the act's article number in the gazette, not a page."""
    r = f.rng
    n = f.numbers()
    kind, _, at, name, _, _, _ = _act_heading(f, n)
    row = Row()
    head = f"{kind} {at} «{name}»"
    if variant.get("redaction"):
        head += f" (ред. от {r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{int(n['year']) + r.randint(1, 5)})"
    sep = ". – " if variant.get("dash") else ". "
    if variant.get("web"):
        row.add("title", head + " ")
        row.add("note", "[Электронный ресурс]. ")
        row.add("source", r.choice(["// СПС «КонсультантПлюс». ", "// СПС «Гарант». "]))
        row.add(
            "url",
            f"URL: http://www.consultant.ru/document/cons_doc_LAW_{r.randint(10000, 99999)}/ ",
        )
        row.add(
            "accessed",
            f"(дата обращения: {r.randint(1, 28):02d}.{r.randint(1, 12):02d}.{r.randint(2015, 2024)}).",
        )
        return row
    row.add("title", head + " ")
    if variant.get("rg"):
        row.add("source", "// Российская газета" + sep)
        row.add("year", f"{n['year']}{sep}{r.randint(1, 28)} {r.choice(MONTHS_RU)}.")
        return row
    gazette, _ = r.choice(GAZETTES)
    row.add("source", f"// {gazette}{sep}")
    row.add("year", n["year"] + sep)
    row.add(
        "issue",
        f"№ {n['iss'] if r.random() < 0.7 else r.randint(13, 53)}{r.choice(['', '', ', ч. 1', ' (ч. I)'])}{sep}",
    )
    row.add("note", f"Ст. {r.randint(100, 7999)}.")
    return row


def translit_law(f: Facts, variant: dict) -> Row:
    """'Federal'nyi zakon ot 29.12.2012 № 273-FZ «…» [Federal Law of 29.12.2012 No. 273-FZ “…”].
    Sobranie zakonodatel'stva RF, 2012, no. 53, art. 7598. (In Russ.)'"""
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    n = f.numbers()
    kind, kind_en, at, name, name_en, date, number = _act_heading(f, n)
    row = Row()
    if variant.get("translated"):
        row.add("title", f"{kind_en} of {date} No. {lat(number, scheme)} “{name_en}”. ")
    else:
        row.add("title", f"{lat(f'{kind} {at} «{name}»', scheme)} ")
        row.add("title_en", f"[{kind_en} of {date} No. {lat(number, scheme)} “{name_en}”]. ")
    _, gazette_lat = r.choice(GAZETTES)
    row.add("source", gazette_lat + ", ")
    row.add("year", n["year"] + ", ")
    row.add("issue", f"no. {n['iss']}, ")
    row.add("note", f"art. {r.randint(100, 7999)}. (In Russ.)")
    return row


def vancouver_article(f: Facts, variant: dict) -> Row:
    """The Vancouver form medical and many other Russian journals print, in Cyrillic or in the
    Latin "References": 'Иванов И.И., Петров П.П. Название. Журнал. 2019;5(2):10–20.' /
    'Ivanov II, Petrov PP. Nazvanie [Title]. Zhurnal. 2019;5(2):10–20. (In Russ.) doi: …'."""
    r = f.rng
    scheme = variant.get("scheme", "bgn-pcgn")
    latin = variant.get("latin", False)
    people, (title, title_en), (journal, journal_en, _) = (
        f.people(),
        r.choice(f.titles),
        r.choice(f.journals),
    )
    n = f.numbers()
    row = Row()
    names = []
    for s, i in people:
        if not variant.get("dots"):  # 'АБ' for 'Ал. Б.': one letter an initial
            i = " ".join(part.strip()[0] for part in i.split(".") if part.strip())
        surname, ini = (lat(s, scheme), lat(i, scheme)) if latin else (s, i)
        ini = ini.replace(" ", "") if variant.get("dots") else ini.replace(".", "").replace(" ", "")
        names.append(f"{surname} {ini}")
    if len(names) > 3 and variant.get("etal"):
        names = [*names[:3], "et al." if latin else "и др."]
    add_authors(row, [x + (", " if k < len(names) - 1 else "") for k, x in enumerate(names)])
    row.seg[-1][1] = (
        row.seg[-1][1].rstrip() + ("" if row.seg[-1][1].rstrip().endswith(".") else ".") + " "
    )
    if latin:
        row.add("title", lat(title, scheme) + " ")
        row.add("title_en", f"[{title_en}]. ")
        src = journal_en if variant.get("english_source") else lat(journal, scheme)
    else:
        row.add("title", title + ". ")
        src = journal
    row.add("source", src + ". ")
    dash = "-" if variant.get("hyphen") else "–"
    row.add("year", n["year"] + ";")
    if n["vol"]:
        row.add("volume", n["vol"])
    row.add("issue", f"({n['iss']}):")
    row.add("pages", f"{n['fp']}{dash}{n['lp']}.")
    if latin:
        row.seg[-1][1] += " "
        row.add("note", "(In Russ.)")
    if n["doi"]:
        row.seg[-1][1] += " "
        row.add("doi", f"{r.choice(['doi: ', 'DOI: ', 'https://doi.org/'])}{n['doi']}")
    return row


def translit_chapter(f: Facts, variant: dict) -> Row:
    """'Ivanov I.I. Nazvanie [Title]. In: Sbornik [Collection]. Ed. by P.P. Petrov. Moscow,
    Nauka Publ., 2015, pp. 10–20. (In Russ.)' and 'Trudy konferentsii «…» [Proceedings of
    the conference "…"]. Moscow, 2015, pp. 10–20.'"""
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    people, (title, title_en) = f.people()[:3], r.choice(f.titles)
    (_, _, city_en), _, pub_lat = r.choice(f.publishers)
    n = f.numbers()
    row = Row()
    add_authors(row, latin_authors(people, scheme, r, variant))
    row.add("title", lat(title, scheme) + " ")
    row.add("title_en", f"[{title_en}]. ")
    if variant.get("conference"):
        conf, conf_en = r.choice(f.conferences)
        # 'In:' is a note, as in the converted corpora: never a part of the source
        row.add("note", r.choice(["In: ", ""]))
        row.add(
            "source",
            f"{lat('Материалы Международной научно-практической конференции', scheme)} "
            f"«{lat(conf, scheme)}» [Proceedings of the International research-to-practice conference "
            f"“{conf_en}”]. ",
        )
    else:
        coll, coll_en = r.choice(f.collections)
        row.add("note", "In: ")
        row.add("source", f"{lat(coll, scheme)} [{coll_en}]. ")
        ed_s, ed_i = r.choice(f.authors)
        row.add("editor", f"Ed. by {lat(ed_i, scheme).replace(' ', '')} {lat(ed_s, scheme)}. ")
    if r.random() < 0.6 and not variant.get("conference"):
        row.add("place", city_en + (": " if variant.get("colon") else ", "))
        row.add("publisher", pub_lat + " Publ., ")
    else:
        row.add("place", city_en + ", ")
    row.add("year", n["year"] + ", ")
    row.add("pages", f"pp. {n['fp']}–{n['lp']}.")
    row.seg[-1][1] += " "
    row.add("note", variant.get("note", "(In Russ.)"))
    return row


def translit_thesis(f: Facts, variant: dict) -> Row:
    """'Ivanov I.I. Nazvanie [Title]. Cand. Sci. (Econ.) diss. Moscow, 2015. 200 p. (In Russ.)'"""
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    (s, i), (title, title_en) = r.choice(f.authors), r.choice(f.titles)
    n = f.numbers()
    row = Row()
    add_authors(row, latin_authors([(s, i)], scheme, r, variant))
    row.add("title", lat(title, scheme) + " ")
    row.add("title_en", f"[{title_en}]. ")
    field_ = r.choice(["Econ.", "Hist.", "Philol.", "Tech.", "Law", "Pol."])
    degree = r.choice(["Cand. Sci.", "Dr. Sci."])
    if variant.get("long"):
        row.add("note", f"Dissertation for the degree of {degree} ({field_}). ")
    else:
        row.add("note", f"{degree} ({field_}) {r.choice(['diss.', 'diss. abstract.', 'thesis.'])} ")
    row.add("place", r.choice(["Moscow", "St. Petersburg", "Kazan", "Tomsk"]) + ", ")
    row.add("year", n["year"] + ". ")
    row.add("note", f"{r.randint(20, 300)} p. {variant.get('note', '(In Russ.)')}")
    return row


def translit_web(f: Facts, variant: dict) -> Row:
    """'Ivanov I.I. Nazvanie [Title]. Rossiiskaya gazeta. Available at: https://… (accessed
    12.03.2020). (In Russ.)'"""
    r = f.rng
    scheme = variant.get("scheme", "bsi")
    (title, title_en) = r.choice(f.titles)
    row = Row()
    if r.random() < 0.6:
        s, i = r.choice(f.authors)
        row.add("author", f"{lat(s, scheme)} {lat(i, scheme).replace(' ', '')} ")
    row.add("title", lat(title, scheme) + " ")
    row.add("title_en", f"[{title_en}]. ")
    if r.random() < 0.5:
        _, paper_lat = r.choice(NEWSPAPERS)
        row.add("source", f"{paper_lat}. ")
    row.add(
        "url",
        f"{variant.get('available', 'Available at:')} {r.choice(SITES)}{r.randint(10000, 99999)} ",
    )
    day, month, year = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2024)
    if variant.get("date_words"):
        row.add("accessed", f"(accessed {day} {MONTHS_EN[month - 1]} {year}). ")
    else:
        row.add("accessed", f"(accessed {day:02d}.{month:02d}.{year}). ")
    row.add("note", "(In Russ.)")
    return row


# ----------------------------------------------------------------------------- styles

# Layout variants, in three disjoint sets per style: the training rows use the common form and
# one change at a time; the dev rows (they choose the abstention threshold) and the test rows
# (only measured) each use combinations the training rows never show and a few forms of their
# own, so both see the errors an unseen layout causes. A style whose dev or test set is empty
# uses the training layouts there (its unseen facts are then what is held out).
# The sets were written from the layouts journals print, before any model was measured on them.
# style name, function, lang, training variants, dev-only variants, test-only variants
STYLES = [
    ("gost-7.0.5-2008-article", gost_article, "ru",
     [{}, {"tight": True}, {"vol_sep": ". "}, {"dash": True}, {"medium": True}, {"etal": True, "sep": ", "}, {"city": True}, {"total": True}],
     [{"initials_first": True}, {"no_slashes": True, "tight": True, "vol_sep": ". "}, {"key": True, "dash": True}, {"medium": True, "dash": True, "total": True}, {"city": True, "tight": True}, {"page": "С. {}—{}", "iss": "Вып. {}"}],
     [{"dash": True, "tight": True, "iss": "№{}"}, {"no_slashes": True, "dash": True, "iss": "№{}"}, {"key": True}, {"sep": " ", "tight": True}, {"city": True, "dash": True}, {"vol": "Вып. {}", "page": "С. {}-{}"}]),
    ("gost-7.0.5-2008-article", gost_article, "ru",
     [{"no_slashes": True}, {"key": True, "tight": True}, {"sep": " "}], [{"no_slashes": True, "medium": True}, {"key": True, "sep": " "}], []),
    ("gost-7.0.100-2018-article", gost100_article, "ru", [{}, {"url": True}], [{"no_text": True}, {"url": True, "no_text": True}], [{}]),
    ("gost-7.0.100-2018-book", gost100_book, "ru",
     [{}, {"isbn": False}, {"text_note": False}], [{"edition": True, "text_note": False}], [{"edition": True, "isbn": False}]),
    ("gost-book", gost_book, "ru",
     [{}, {"tight": True}, {"editor": True}, {"dash": True, "full_city": True, "spaced_colon": True}, {"edition": True}],
     [{"spaced_colon": True}, {"editor": True, "dash": True}, {"tight": True, "full_city": True}, {"edition": True, "dash": True}],
     [{"dash": True}, {"editor": True, "tight": True}, {"full_city": True}]),
    ("gost-chapter", gost_chapter, "ru", [{}, {"conference": True}], [{"initials_first": True}, {"conference": True, "sep": " "}], [{"tight": True}, {"conference": True, "tight": True}]),
    ("gost-thesis", gost_thesis, "ru", [{}, {"dash": True}], [{"comma": True, "dash": True}], [{}]),
    ("gost-web", gost_web, "ru", [{}, {"gost100": True}], [{"no_medium": True}], [{}]),
    ("gost-newspaper", gost_newspaper, "ru", [{}], [{"dash": True}], [{}]),
    ("gost-law", gost_law, "ru", [{}, {"dash": True}, {"redaction": True}, {"web": True}], [{"rg": True, "dash": True}, {"web": True, "redaction": True}], [{"rg": True}, {"dash": True, "redaction": True}]),
    ("vancouver-article", vancouver_article, "ru", [{}, {"dots": True}], [{"dots": True, "hyphen": True}], [{"hyphen": True, "etal": True}]),
    ("references-translit-article", translit_article, "ru-Latn",
     [{}, {"scheme": "ala-lc"}, {"english_source": True}, {"doi_first": True}, {"year_after_authors": True, "comma_after_surname": True}, {"vol": "Vol.", "no": "No."}],
     [{"scheme": "bgn-pcgn"}, {"tight": False, "english_source": True}, {"comma_after_surname": True, "doi_first": True}, {"note": "(In Russian)"}, {"vol": "Vol.", "no": "Iss."}],
     [{"scheme": "bgn-pcgn", "both_sources": True}, {"note": "(in Russian)", "tight": False}, {"vol": "T.", "no": "no.", "year_after_authors": True}]),
    ("references-translated-article", translit_article, "ru-Latn",
     [{"translated": True, "english_source": True}],
     [{"translated": True, "english_source": True, "doi_first": True, "vol": "Vol.", "no": "No."}],
     [{"translated": True, "english_source": True, "note": "(in Russian)"}]),
    ("references-translit-book", translit_book, "ru-Latn", [{}, {"translated": True}, {"colon": True}], [{"scheme": "bgn-pcgn", "colon": True, "translated": True}], [{"scheme": "ala-lc", "note": "(in Russian)"}]),
    ("references-translit-chapter", translit_chapter, "ru-Latn", [{}, {"conference": True}], [{"colon": True, "scheme": "bgn-pcgn"}], [{"conference": True, "colon": True, "note": "(in Russian)"}]),
    ("references-translit-thesis", translit_thesis, "ru-Latn", [{}], [{"long": True}], [{"scheme": "ala-lc", "comma_after_surname": True}]),
    ("references-translit-web", translit_web, "ru-Latn", [{}], [{"date_words": True}], [{"available": "URL:", "scheme": "bgn-pcgn"}]),
    ("vancouver-translit-article", vancouver_article, "ru-Latn", [{"latin": True}, {"latin": True, "english_source": True}], [{"latin": True, "dots": True}], [{"latin": True, "hyphen": True, "scheme": "bsi", "etal": True}]),
    ("references-translit-law", translit_law, "ru-Latn", [{}], [{"translated": True}], [{"scheme": "ala-lc"}]),
    ("seed-translit", translit_seed, "ru-Latn", [{}], [{"scheme": "ala-lc"}], [{"scheme": "bsi"}]),
    ("references-translit-newspaper", translit_newspaper, "ru-Latn", [{}], [{"scheme": "ala-lc"}], [{"scheme": "bgn-pcgn"}]),
]  # fmt: skip

COUNTS = {"train": 2200, "dev": 420, "test": 420}


def main() -> None:
    rng = random.Random(7005)
    rows = []
    for split, count in COUNTS.items():
        facts = Facts(rng, split)
        # dev and test rows: their own variants where a style has them, the training ones
        # otherwise (for those, the unseen facts are what makes them held out)
        for k in range(count):
            name, make, lang, train_v, dev_v, test_v = STYLES[k % len(STYLES)]
            variants = {"train": train_v, "dev": dev_v or train_v, "test": test_v or train_v}[split]
            variant = rng.choice(variants)
            row = make(facts, variant)
            seg = row.seg
            seg[-1][1] = seg[-1][1].rstrip()
            if rng.random() < 0.15:
                seg.insert(0, ["other", rng.choice([f"{k % 40 + 1}. ", f"[{k % 40 + 1}] "])])
            layout = ",".join(f"{k}={v}" for k, v in sorted(variant.items())) or "plain"
            rows.append(
                {
                    "src": "russian",
                    "style": name,
                    "layout": layout,
                    "lang": lang,
                    "split": split,
                    "seg": seg,
                }
            )
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT.name}: {len(rows)} references")


if __name__ == "__main__":
    main()
