"""Text that is not UTF-8: the Unicode forms YAML also allows, and a line that says what the
bytes probably are (Russian editors' files are often Windows-1251, older ones KOI8-R)."""

from __future__ import annotations

import codecs
import os
import re

from converter import lazy_re

# UTF-32 first: its little-endian mark begins with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# What a file is by its name's ending, for one whose bytes are no text: a figure, the PDF or the
# manuscript beside the metadata, or an archive, named so rather than as text to save as UTF-8.
_KINDS_BY_NAME = {
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp", ".bmp", ".eps", ".heic"),
        "an image",
    ),
    ".pdf": "a PDF",
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf"), "a text document's"),
    **dict.fromkeys((".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar"), "an archive"),
}


def not_text_by_name(name: str, problem: str) -> str:
    """The line for a file whose bytes are not text (``problem``, the line ``not_utf8`` gave):
    named by its ending when that is an image's, a PDF's, a manuscript's or an archive's
    ("not an article: an image file name, and its bytes are not text"), else ``problem``."""
    kind = _KINDS_BY_NAME.get(os.path.splitext(name)[1].lower())
    if kind is None:
        return problem
    return f"not an article: {kind} file name, and its bytes are not text"


def has_kind_ending(name: str) -> bool:
    """Whether ``name`` ends as an image's, a PDF's, a manuscript's or an archive's does (a
    test on the name alone, before any byte is read)."""
    return os.path.splitext(name)[1].lower() in _KINDS_BY_NAME


def named_not_text(name: str, head: bytes) -> str | None:
    """``not_text_by_name``'s line for a file whose first bytes (``head``, its first few
    thousand) are no text, when its ending names what it is; None otherwise (for a caller that
    sorts files before reading them: the web app's upload)."""
    if os.path.splitext(name)[1].lower() not in _KINDS_BY_NAME or marked_encoding(head):
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # (a cut character)
    except UnicodeDecodeError:
        return not_text_by_name(name, "")
    return None


# How a file of such an ending begins when its first bytes are all text, so that
# ``named_not_text`` cannot tell it: an EPS figure and an RTF manuscript are ASCII, a PDF may
# begin with thousands of ASCII bytes, and a tar of text files or an empty zip holds no byte
# UTF-8 refuses. (offset, bytes) pairs; any one of them tells the kind.
_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".pdf": ((0, b"%PDF-"),),
    ".eps": ((0, b"%!PS"),),
    ".rtf": ((0, b"{\\rtf"),),
    ".zip": ((0, b"PK\x03\x04"), (0, b"PK\x05\x06")),
    ".tar": ((257, b"ustar"),),
}


def named_by_signature(name: str, head: bytes) -> str | None:
    """The line for a file whose ending names what it is and whose first bytes (``head``)
    begin as such a file's do, text or not ('%!PS' for an EPS figure), else None: what a
    folder or a glob finds beside the articles (``batch 'issue/*'``) and is none."""
    ending = os.path.splitext(name)[1].lower()
    for offset, mark in _SIGNATURES.get(ending, ()):
        if head[offset : offset + len(mark)] == mark:
            kind = _KINDS_BY_NAME[ending]
            shown = mark.decode("latin-1").encode("unicode_escape").decode("ascii")
            return f"not an article: {kind} file name, and it begins as one ({shown!r})"
    return None


class NotUnicode(ValueError):
    """Bytes that are no Unicode text jatsconv reads; the message says where and what."""


def decode_fallback(raw: bytes, error: UnicodeDecodeError) -> str:
    """The text of ``raw``, which UTF-8 could not decode (``error``): UTF-16 or UTF-32 with
    their mark, else ``NotUnicode`` with the problem line."""
    text = decode_marked(raw)
    if text is None:
        raise NotUnicode(not_utf8(raw, error))
    return text


def marked_encoding(raw: bytes) -> str | None:
    """The codec, "utf-16" or "utf-32", when ``raw`` starts with its byte-order mark, else None."""
    for mark, encoding in _MARKS:
        if raw.startswith(mark):
            return encoding
    return None


def decode_marked(raw: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 bytes that start with their byte-order mark (YAML allows
    both; Windows Notepad's "Unicode" is UTF-16), else None."""
    encoding = marked_encoding(raw)
    if encoding is None:
        return None
    try:
        return raw.decode(encoding)  # (the codec reads the mark and drops it)
    except UnicodeDecodeError:
        return None


def utf16_order(raw: bytes) -> str | None:
    """The byte order, "utf-16le" or "utf-16be", of bytes that are UTF-16 without its
    byte-order mark, else None: each ASCII letter then comes with a zero byte (U+0000 read as
    UTF-8), and a Cyrillic letter (U+0410-U+044F) as a control character and a letter or digit
    (0x17 0x04 for 'З'), which UTF-8 reads too. So the bytes, read as UTF-16 one way round, are
    printable text whose high bytes are one or two values (0x00 for ASCII, 0x04 for Cyrillic),
    and the zero bytes stand on one side of each pair: which side tells the byte order, which
    ``iconv`` must be given (without the mark it cannot tell). A high byte 0x00 or 0x04 is
    required: UTF-8 blanks or a rule of '=' pair up into printable characters too ('  ' is
    U+2020), and XML after 200 spaces was read as UTF-16."""
    if marked_encoding(raw):
        return None
    raw = raw[:128]
    raw = raw[: len(raw) // 2 * 2]
    if len(raw) < 4:
        return None
    for codec, high in (("utf-16le", raw[1::2]), ("utf-16be", raw[0::2])):
        if len(set(high)) > 2 or not set(high) & {0x00, 0x04}:
            continue
        read = raw.decode(codec, "replace")
        if all(c.isprintable() or c in "\t\n\r" for c in read):
            return codec
    return None


def utf16_help(order: str) -> str:
    """The command that makes UTF-16 of byte order ``order`` (``utf16_order``) UTF-8, as the
    other encodings' lines give theirs."""
    return f"(e.g. iconv -f {order} -t utf-8)"


def looks_cp1251(data: bytes) -> bool:
    """Text that is not UTF-8 but reads as Russian in Windows-1251 (what Russian Excel saves),
    and not in KOI8-R (see ``cyrillic_encoding``)."""
    return cyrillic_encoding(data) == "cp1251"


def cyrillic_encoding(data: bytes) -> str | None:
    """The encoding, "cp1251" or "koi8-r", of text that is not UTF-8 but reads as Russian in
    one of them, else None.

    The bytes above ASCII must decode to Cyrillic letters (or Russian punctuation) and come in
    words (a neighbour is one too), unlike Latin-1 text, whose accented letters sit alone
    inside ASCII words; UTF-16 (a BOM, NUL bytes) is never taken for either. Both encodings
    put the Russian letters at 0xC0-0xFF, KOI8-R with the cases the other way round and in
    another order, so either decoding passes that test: the one meant is the one whose
    commonest letters are the commonest Russian ones (о е а и н т с р в л, some 60 % of
    Russian text; read in the other encoding they become rare letters), in either case."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return None
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if len(high) < 4:
        return None
    text = bytes(data[i] for i in high).decode("cp1251", errors="replace")
    cyrillic = sum(("\u0400" <= c <= "\u04ff") or c in "«»–—№“”„’" for c in text)
    marks = set(high)
    paired = sum((i - 1 in marks) or (i + 1 in marks) for i in high)
    if cyrillic < 0.9 * len(high) or paired < 0.8 * len(high):
        return None
    letters = bytes(data[i] for i in high if data[i] >= 0xC0)
    as_koi8 = _common_share(letters.decode("koi8-r"))
    return "koi8-r" if as_koi8 > _common_share(letters.decode("cp1251")) else "cp1251"


_COMMON_RUSSIAN = frozenset("оеаинтсрвлОЕАИНТСРВЛ")


def _common_share(letters: str) -> float:
    return sum(c in _COMMON_RUSSIAN for c in letters) / len(letters) if letters else 0.0


def is_utf8(raw: bytes) -> bool:
    """Whether every byte of ``raw`` is UTF-8."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def undecodable_at(
    raw: bytes, encoding: str = "utf-8", error: UnicodeDecodeError | None = None
) -> str | None:
    """Where the first byte of ``raw`` that is not ``encoding`` stands, as messages say it
    (``line 7, byte 343``: lines counted from 1, bytes from 0), or None when there is none.
    ``error`` is the error of decoding the whole of ``raw``, when the caller has it; a decoding
    stream's error counts from its last chunk, so the bytes are decoded here instead."""
    if error is None:
        try:
            raw.decode(encoding)
        except UnicodeDecodeError as exc:
            error = exc
        else:
            return None
    line = raw.count(b"\n", 0, error.start) + 1
    return f"line {line}, byte {error.start}"


def not_utf8(raw: bytes, error: UnicodeDecodeError) -> str:
    """The problem line for bytes that are not UTF-8: where, and what they look like."""
    where = f"not UTF-8 text ({undecodable_at(raw, error=error)})"
    cyrillic = cyrillic_encoding(raw)
    if cyrillic == "cp1251":
        return (
            f"{where}: it reads as Windows-1251 (Cyrillic); save it as UTF-8 "
            "(e.g. iconv -f cp1251 -t utf-8)"
        )
    if cyrillic == "koi8-r":
        return (
            f"{where}: it reads as KOI8-R (Cyrillic); save it as UTF-8 "
            "(e.g. iconv -f koi8-r -t utf-8)"
        )
    order = utf16_order(raw)
    if order is not None:
        return f"{where}: it looks like UTF-16; save it as UTF-8 {utf16_help(order)}"
    if b"\x00" in raw[:64]:  # (ASCII letters in UTF-16 come with a zero byte each)
        return f"{where}: it looks like UTF-16; save it as UTF-8"
    return f"{where}: save it as UTF-8"


def not_utf8_text(text: str) -> bool:
    """Whether ``text`` holds bytes no encoding decoded: a file name that is not UTF-8, which
    Python keeps as surrogates that no output (a line, a report, JSON) can carry."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown_name(text: str) -> str:
    """``text`` as lines and reports can carry it: bytes that were not UTF-8 as '�'."""
    if not not_utf8_text(text):
        return text
    return os.fsencode(text).decode("utf-8", "replace")


def name_not_utf8(path: str) -> str | None:
    """The problem line of a file whose name is not UTF-8 (a Windows archive unpacked as it
    was: names in Windows-1251 bytes), saying what it reads as and how to rename it; None for a
    name that is text."""
    if not not_utf8_text(path):
        return None
    raw = os.fsencode(path)
    encoding = cyrillic_encoding(os.path.basename(raw)) or cyrillic_encoding(raw)
    reads = ""
    if encoding is not None:
        label = "Windows-1251" if encoding == "cp1251" else "KOI8-R"
        reads = f" it reads as {label} {os.path.basename(raw).decode(encoding)!r};"
    return (
        f"{shown_name(path)}: the file name is not UTF-8:{reads} rename it "
        f"(e.g. convmv -f {encoding or 'ENCODING'} -t utf-8 --notest FILE)"
    )


# Single-byte encodings an XML declaration names when a tool writes the header it always writes
# whatever the bytes are; UTF-8 read as one of them gives 'Ð Ð¾Ñ' for 'Ро', with no error. The
# Cyrillic ones too (a Russian journal's tool declaring windows-1251 gives 'Р РѕСЃ'): real
# Cyrillic text in them has two letters in a row that are no UTF-8, so it is never taken.
_SINGLE_BYTE_DECLARED = frozenset(
    {"iso-8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
     "windows-1251", "cp1251", "koi8-r", "koi8-u", "iso-8859-5", "iso_8859-5"}
)  # fmt: skip


_DECLARED = re.compile(rb"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names, read from the bytes: for XML the parser could
    not read (UTF-8 under windows-1251 stops it at a byte that encoding lacks, 0x98)."""
    found = _DECLARED.match(data[:300])
    return found[1].decode("ascii") if found else None


def _misread(word: str, declared: str) -> str:
    """``word`` as the declared encoding reads its UTF-8 bytes (cp1252 for a name Python does
    not know)."""
    try:
        return word.encode("utf-8").decode(codecs.lookup(declared).name, "replace")
    except LookupError:
        return word.encode("utf-8").decode("cp1252", "replace")


_WORD_BEYOND_ASCII = lazy_re.compile(r"[^\s<>\"'=&;]*[^\x00-\x7f][^\s<>\"'=&;]*")


def utf8_declared_otherwise(data: bytes, declared: str | None) -> str | None:
    """The problem line of XML whose declaration names a single-byte encoding (ISO-8859-1,
    Windows-1252, Windows-1251, KOI8-R) while its bytes are UTF-8 with letters beyond ASCII,
    giving one word as it was meant and as the declaration would read it; None otherwise.
    Bytes that are UTF-8 by chance in real Latin-1 text take two letters like 'Ã©' in a row,
    which such text does not hold (nor real Cyrillic text two lower-case letters that are)."""
    if not declared or declared.lower() not in _SINGLE_BYTE_DECLARED or data.isascii():
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found = _WORD_BEYOND_ASCII.search(text)  # (a word, not the tag around it)
    word = found.group()[:20] if found else ""
    misread = _misread(word, declared)
    return (
        f'line 1: the XML declaration says encoding="{declared}", but its bytes are UTF-8 '
        f"(read as the declaration says, '{word}' would be '{misread}'): correct the "
        'declaration to encoding="UTF-8"'
    )
