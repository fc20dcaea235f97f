"""The names OJS gives its contributor groups, in every language OJS ships, and the role each
is: an OJS export names an author's group (``user_group_ref``) by its name in the journal's
primary locale, so a Russian journal's translator is ``Переводчик``, a Spanish one's
``Traductor/a``.

The names are OJS's defaults (``default.groups.name.author``, ``.translator``, ``.editor``,
``.guestEditor``, ``.sectionEditor``, ``.externalReviewer``, ``.manager`` in the locale files
of OJS and pkp-lib 3.1–3.5), with the plain word for an editor and each "/a", "/in" form's two
words; a journal that renamed a group, or made one of its own, gives a name not here.
"""

from __future__ import annotations

# fmt: off
_NAMES: dict[str, tuple[str, ...]] = {
    "author": (
        "Auteur", "Auteur-e", "Auteur·e", "Author", "Autor", "Autor/a", "Autor/in", "Autora",
        "Autore", "Autorin", "Autorius (-ė)", "Autors", "Avtor", "Egilea", "Forfatter",
        "Författare", "Höfundur", "Kirjoittaja", "Müəllif", "Pengarang", "Penulis", "Szerző",
        "Tác giả", "Yazar", "Συγγραφέας", "Автор", "Аутор", "Հեղինակ", "المؤلف", "مؤلف", "نوسەر",
        "نویسنده", "लेखक", "लेखक (एक)", "ผู้เขียน", "ავტორი", "作者", "著者",
    ),
    "translator": (
        "Biên dịch viên", "Dịch giả", "Fordító", "Itzultzailea", "Kääntäjä", "Oversetter",
        "Oversætter", "Penerjemah", "Penterjemah", "Prevajalec", "Prevodilac", "Prevoditelj",
        "Překladatel", "Traducteur", "Traducteur-trice", "Traductor", "Traductor/a", "Traductora",
        "Tradutor", "Tradutor/a", "Tradutora", "Traduttore", "Translator", "Tulkotājs", "Tłumacz",
        "Tərcüməçi", "Tərcüməçi.", "Vertaler", "Vertėjas (-a)", "Çeviren", "Översättare",
        "Übersetzer",
        "Übersetzer/in", "Übersetzerin", "Þýðandi", "Μεταφραστής", "Аудармашы", "Котормочу",
        "Переводчик", "Перекладач", "Преведувач", "Преводач", "Преводилац", "Թարգմանիչ", "مترجم",
        "وەرگێڕ", "अनुवादक", "अनुवादक (एक)", "นักแปล", "მთარგმნელი", "翻訳者", "譯者",
    ),
    "editor": (
        "Ajakirja toimetaja", "Aldizkariaren editorea", "Amaẓrag inebgi", "Ataleko editorea",
        "Bahagian Editor", "Biên tập biên khách mời", "Biên tập viên chuyên mục",
        "Bo'lim muharriri", "Bölmə redaktoru", "Bölüm editörü", "Deasaiche an iris-leabhair",
        "Deasaiche aoigh", "Deasaiche na h-earrainn", "Dergi editörü", "Editor", "Editor Bagian",
        "Editor Convidado", "Editor convidado", "Editor da Revista", "Editor da revista",
        "Editor de Secção", "Editor de Secțiune", "Editor de seção", "Editor di sezione",
        "Editor in capo", "Editor Invitat", "Editor Jurnal", "Editor Secção", "Editor sekce",
        "Editor sekcie", "Editor Tamu", "Editor Tetamu", "Editor časopisu", "Editor/a convidada",
        "Editor/a convidado", "Editor/a convidado/a", "Editor/a convidadoa", "Editor/a convidau",
        "Editor/a convidau/a", "Editor/a convidaua", "Editor/a d'a revista", "Editor/a da revista",
        "Editor/a de la revista", "Editor/a de secció", "Editor/a de sección", "Editor/a invitado",
        "Editor/a invitado/a", "Editor/a invitadoa", "Editora", "Editore gonbidatua",
        "Editorul Revistei", "Editör", "Folyóirat szerkesztő", "Gastredacteur", "Gastredakteur",
        "Gastredakteur/in", "Gastredakteurin", "Gestaritstjóri", "Gjesteredaktør",
        "Gostujoči urednik", "Gostujući urednik", "Guest editor", "Gästredaktör", "Gæsteredaktør",
        "Herausgeber", "Herausgeberin", "Hostující editor", "Hosťujúci editor", "Journal editor",
        "Julkaisun toimittaja", "Jurnal muharriri", "Jurnalın redaktoru", "Kaflaritstjóri",
        "Külalistoimetaja", "Mehmon muharriri", "Mehmon(guest) muharrir", "Misafir editör",
        "Osastotoimittaja", "Qonaq redaktor", "Redakteur", "Redakteurin", "Redaktor",
        "Redaktor czasopisma", "Redaktor działu", "Redaktor gościnny",
        "Redaktorių kolegijos narys", "Redaktør", "Redattore", "Ritstjóri", "Rovatszerkesztő",
        "Rubriigi toimetaja", "Rubrikredakteur", "Rubrikredakteur/in", "Rubrikredakteurin",
        "Rédacteur", "Rédacteur de rubrique", "Rédacteur invité", "Rédacteur-trice",
        "Rédacteur-trice de rubrique", "Rédacteur-trice invité-e", "Rédactrice",
        "Sadaļas redaktors", "Sectieredacteur", "Section editor", "Seksjonsredaktør",
        "Sektionsredaktör", "Sektionsredaktør", "Skyriaus redaktorius (-ė)", "Tidskriftsredaktör",
        "Tidsskriftredaktør", "Tijdschriftredacteur", "Urednik", "Urednik revije",
        "Urednik rubrike", "Urednik sekcije", "Urednik časopisa", "Vendégszerkesztő",
        "Vieraileva toimittaja", "Viesredaktors", "Zeitschriftenredakteur",
        "Zeitschriftenredakteur/in", "Zeitschriftenredakteurin", "Éditeur",
        "Žurnalo redaktorius (-ė)", "Žurnāla redaktors", "Επιμελητής Ενότητας",
        "Επιμελητής Περιοδικού", "Προσκεκλημένος Επιμελητής", "Бөлім редакторы", "Бөлүм редактору",
        "Гост-редактор", "Гостин-уредник", "Гостинный редактор", "Гостујући уредник",
        "Журнал редактору", "Журнал редакторы", "Журналдын редактору", "Запрошаны рэдактар",
        "Запрошений редактор", "Зочин редактор", "Конок редактор", "Приглашенный редактор",
        "Редактор", "Редактор ділу", "Редактор журнала", "Редактор журналу", "Редактор за раздела",
        "Редактор на списанието", "Редактор раздела", "Редактор розділу", "Редактор часопису",
        "Рэдактар", "Рэдактар раздзелу", "Рэдактар часопіса", "Салбар хэсгийн редактор",
        "Сэтгүүлийн редактор", "Уредник", "Уредник на оддел", "Уредник на списанието",
        "Уредник рубрике", "Уредник секције", "Уредник часописа", "Хэсгийн редактор",
        "Өзге редактор", "Ամսագրի խմբագիր", "Բաժնի խմբագիր", "Հրավիրված խմբագիր", "עורך אורח",
        "עורך כתב העת", "עורך מדור", "برخې اېډېټر", "د ژورنال اېډېټر", "دبیر", "دبیر مهمان",
        "سردبیر مجله", "سەرنوسەری بەش", "سەرنوسەری میوان", "سەرنوسەری گۆڤار", "محرر", "محرر قسم",
        "محرر مستضاف", "مېلمه اېډېټر", "अतिथि संपादक", "अतिथी संपादक", "अनुभाग संपादक",
        "जर्नल के संपादक", "नियतकालिकाचा संपादक", "विभागाचा संपादक", "บรรณาธิการประจำส่วน",
        "บรรณาธิการรับเชิญ", "บรรณาธิการวารสาร", "განყოფილების რედაქტორი", "მოწვეული რედაქტორი",
        "ჟურნალის რედაქტორი", "ゲスト編集者", "セクション編集者", "分類編輯", "客席編輯",
        "客座编辑", "期刊編輯", "期刊编辑", "栏目编辑", "雑誌編集者", "섹션 편집자", "초빙 편집자",
        "학술지 편집자",
    ),
    # The journal manager's group (``default.groups.name.manager``): OJS adds a manager who
    # submits an article (or enters it with QuickSubmit) to its contributors under this
    # group, and lists them among the article's authors, as the reader does.
    "manager": (
        "Administrator czasopisma", "Ajakirja haldur",
        "Aldizkariaren zuzendaria", "Chestor d'a revista", "Chestor/a d'a revista",
        "Chestora d'a revista", "Dergi yöneticisi", "Directeur de la revue",
        "Directeur-trice de la revue", "Directeur/ice de la revue", "Directrice de la revue",
        "Director da revista", "Director/a da revista", "Directora da revista", "Editor Şef",
        "Editor-gestor", "Folyóirat menedzser", "Framkvæmdastjóri", "Gerente da revista",
        "Gestor de la revista", "Gestor/a de la revista", "Gestora de la revista",
        "Glavni urednik", "Journal manager", "Julkaisun hallinnoija", "Jurnal menejeri",
        "Jurnalın sahibi", "Manaidsear an iris-leabhair", "Manajer Jurnal",
        "Manaxheri i Revistës", "Manažer časopisu", "Manažér časopisu",
        "Người quản lý tạp chí", "Pengurus Jurnal", "Redaksjonsleder", "Tehnički sekretar",
        "Tidskriftsansvarig", "Tidsskriftsadministrator", "Tidsskriftschef",
        "Tijdschriftbeheerder", "Upravljalec revije", "Xestor da revista",
        "Xestor/a da revista", "Xestora da revista", "Zeitschriftenverwalter",
        "Zeitschriftenverwalter/in", "Zeitschriftenverwalterin", "Žurnalo sekretorius (-ė)",
        "Žurnāla pārvaldnieks", "Διαχειριστής Περιοδικού", "Адміністратор часопису",
        "Журнал менеджери", "журналдын менеджери", "Журнал меңгерушісі", "Кіраўнік часопіса",
        "Менаџер на списанието",
        "Менеджер журналу", "Списание - мениджър/директор", "Сэтгүүлийн менежер",
        "Технички секретар", "Управляющий журналом", "Ամսագրի կառավարիչ", "מנהל כתב העת",
        "بەڕێوەبەری گۆڤار", "د ژورنال مدیر", "رئيس تحرير المجلة", "مدیر مجله", "जर्नल प्रबंधक",
        "नियतकालिकाचा व्यवस्थापक", "ผู้จัดการวารสาร", "ჟურნალის მმართველი", "期刊管理员",
        "期刊管理員", "雑誌管理者", "학술지 관리자",
    ),
    "reviewer": (
        "Arvioija", "Avaliador", "Bedømmer", "Ebaluatzailea", "Evaluator", "externe/r Gutachter",
        "externe/r Gutachter/in", "externe/r Gutachterin", "Fagfelle", "Granskare", "Gutachter",
        "Gutachterin", "Hakem", "Lèirmheasaiche", "Mitra Bestari", "Người phản biện", "Pengulas",
        "Rapporteur", "Recensent", "Recenzent", "Recenzentas (-ė)", "Recenzents", "Retsensent",
        "Reviewer", "Revisor", "Revisor/a", "Revisor/a extern", "Revisor/a externo", "Revisora",
        "Revisore esterno", "Revizor", "Ritrýnir", "Rəyçi", "Szakmai Lektor", "Taqrizchi",
        "Évaluateur-trice", "Αξιολογητής", "Рецензент", "Рэцэнзент", "Хянагч", "Шинжээч", "Գրախոս",
        "מבקר", "بیاکتونکی", "داور", "محكم", "هەڵسەنگێنەر", "समीक्षक", "ผู้ทรงคุณวุฒิพิจารณา",
        "რეცენზენტი", "审稿人", "査読者", "評審員", "심사자",
    ),
}
# fmt: on

# A group of OJS's that is no role of contribution: its contributors are authors.
_AS_AUTHOR = frozenset({"manager"})

# casefolded name, white space collapsed → the model's contributor role
GROUP_ROLES: dict[str, str] = {
    " ".join(name.casefold().split()): "author" if group in _AS_AUTHOR else group
    for group, names in _NAMES.items()
    for name in names
}


def group_role(name: str) -> str | None:
    """The role of an OJS contributor group named ``name`` (any OJS language), or None."""
    return GROUP_ROLES.get(" ".join(name.casefold().split()))
