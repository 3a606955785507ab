"""Bytes -> text: the order of evidence (BOM, header, meta, UTF-8, detection, windows-1252)."""

from __future__ import annotations

import gzip
import random

import pytest

from transforms.clean.decode import codec_for, declared_in_markup, decode, inflate
from transforms.clean.errors import CleanError

# Curly quotes, dashes, an ellipsis and accented letters: all inside windows-1252's 0x80-0xFF.
WESTERN = (
    "The minister said: “We will not give up — not now, not ever.” "
    "It’s a long road… from the café in Zürich – she added."
)
PAGE = "<html><head><title>Talks</title></head><body><p>{}</p></body></html>"
RUSSIAN = (
    "Министр иностранных дел России заявил журналистам, что переговоры продолжатся "
    "на следующей неделе в Москве."
)


def test_windows_1252_without_any_declaration_keeps_curly_quotes_and_dashes() -> None:
    body = PAGE.format(WESTERN).encode("cp1252")
    decoded = decode(body)
    assert WESTERN in decoded.text
    assert decoded.encoding == "cp1252"


def test_short_windows_1252_text_is_not_mistaken_for_a_dos_code_page() -> None:
    # charset_normalizer alone guesses cp1125 for this; the Western default must win.
    decoded = decode("He said “no” – twice.".encode("cp1252"), html=False)
    assert decoded.text == "He said “no” – twice."


def test_utf8_bom_is_used_and_stripped() -> None:
    decoded = decode(b"\xef\xbb\xbf" + PAGE.format(WESTERN).encode("utf-8"))
    assert decoded.method == "bom"
    assert decoded.text.startswith("<html>")
    assert WESTERN in decoded.text


def test_utf16_with_bom_is_decoded() -> None:
    decoded = decode(PAGE.format(WESTERN).encode("utf-16"))
    assert decoded.method == "bom"
    assert WESTERN in decoded.text


def test_bom_beats_a_wrong_header() -> None:
    decoded = decode(b"\xef\xbb\xbf" + WESTERN.encode("utf-8"), "windows-1251", html=False)
    assert decoded.text == WESTERN


def test_header_charset_is_used() -> None:
    decoded = decode(PAGE.format(RUSSIAN).encode("koi8-r"), "KOI8-R")
    assert decoded.method == "header"
    assert RUSSIAN in decoded.text


def test_meta_charset_is_used_when_the_header_says_nothing() -> None:
    page = PAGE.replace("<head>", '<head><meta charset="koi8-r">').format(RUSSIAN)
    decoded = decode(page.encode("koi8-r"))
    assert decoded.method == "meta"
    assert RUSSIAN in decoded.text


def test_http_equiv_content_type_is_used() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    page = PAGE.replace("<head>", f"<head>{meta}").format(RUSSIAN)
    decoded = decode(page.encode("cp1251"))
    assert (decoded.encoding, decoded.method) == ("cp1251", "meta")


def test_meta_is_ignored_for_plain_text() -> None:
    text = '<meta charset="koi8-r"> is how a page declares KOI8-R, “she wrote”.'
    decoded = decode(text.encode("utf-8"), html=False)
    assert decoded.method == "utf-8"
    assert decoded.text == text


def test_latin1_label_means_windows_1252_as_in_browsers() -> None:
    decoded = decode(WESTERN.encode("cp1252"), "ISO-8859-1", html=False)
    assert decoded.text == WESTERN  # not C1 control characters


def test_utf8_bytes_under_a_latin1_header_are_read_as_utf8() -> None:
    decoded = decode(WESTERN.encode("utf-8"), "iso-8859-1", html=False)
    assert decoded.text == WESTERN
    assert "â€" not in decoded.text


def test_a_wrong_utf8_declaration_falls_through_to_windows_1252() -> None:
    page = PAGE.replace("<head>", '<head><meta charset="utf-8">').format(WESTERN)
    decoded = decode(page.encode("cp1252"), "utf-8")
    assert WESTERN in decoded.text
    assert "\ufffd" not in decoded.text


def test_undeclared_cyrillic_is_detected() -> None:
    decoded = decode(PAGE.format(RUSSIAN).encode("cp1251"))
    assert decoded.method == "detected"
    assert RUSSIAN in decoded.text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("日本の首相は火曜日、記者団に対し、交渉は来週東京で続けられると述べた。", "shift_jis"),
        ("外交部长周二表示，谈判将于下周在北京继续进行。", "gbk"),
        ("외교부 장관은 화요일 협상이 다음 주 서울에서 계속될 것이라고 말했다.", "euc_kr"),
        ("Ο υπουργός Εξωτερικών δήλωσε ότι οι συνομιλίες θα συνεχιστούν στην Αθήνα.", "cp1253"),
    ],
)
def test_undeclared_non_latin_scripts_are_detected(text: str, codec: str) -> None:
    # Several of these also decode (as mojibake) under windows-1252; that reading is refused.
    decoded = decode(PAGE.format(text).encode(codec))
    assert text in decoded.text
    assert decoded.method == "detected"


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré à la presse : « Nous n’abandonnerons jamais » à Genève.",
        "Der Außenminister äußerte sich am Dienstag über die Lage in München.",
        "Ráðherrann sagði að viðræðurnar myndu halda áfram í Reykjavík.",
    ],
)
def test_undeclared_western_european_pages_are_windows_1252(text: str) -> None:
    assert text in decode(PAGE.format(text).encode("cp1252")).text


def test_binary_data_is_bad_encoding() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(1).randbytes(4000)
    with pytest.raises(CleanError) as err:
        decode(png)
    assert err.value.kind == "bad_encoding"


def test_random_bytes_without_nul_are_bad_encoding() -> None:
    noise = bytes(b or 1 for b in random.Random(2).randbytes(4000))
    with pytest.raises(CleanError) as err:
        decode(noise)
    assert err.value.kind == "bad_encoding"


@pytest.mark.parametrize("body", [b"", b"  \n\t "])
def test_no_content_is_empty(body: bytes) -> None:
    with pytest.raises(CleanError) as err:
        decode(body)
    assert err.value.kind == "empty"


def test_gzip_bodies_are_inflated() -> None:
    data = PAGE.format(WESTERN).encode("utf-8")
    assert inflate(gzip.compress(data)) == data
    assert WESTERN in decode(gzip.compress(data)).text


def test_plain_bytes_are_not_touched_by_inflate() -> None:
    assert inflate(b"<html></html>") == b"<html></html>"


def test_corrupt_gzip_is_bad_encoding() -> None:
    with pytest.raises(CleanError) as err:
        inflate(b"\x1f\x8b\x08\x00" + b"\xff" * 40)
    assert err.value.kind == "bad_encoding"


def test_clean_error_survives_pickling() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(CleanError("too_long", "Too long.")))
    assert (err.kind, str(err)) == ("too_long", "Too long.")


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF-8", "utf-8"),
        ("utf8", "utf-8"),
        ('"windows-1252"', "cp1252"),
        ("iso-8859-1", "cp1252"),
        ("US-ASCII", "cp1252"),
        ("shift_jis", "cp932"),
        ("gb2312", "gb18030"),
        ("koi8-r", "koi8-r"),
        ("no-such-charset", None),
        (None, None),
    ],
)
def test_charset_labels(label: str | None, codec: str | None) -> None:
    assert codec_for(label) == codec


def test_declared_in_markup_reads_meta_and_xml_declaration() -> None:
    assert declared_in_markup(b'<html><head><meta charset="utf-8">') == "utf-8"
    assert declared_in_markup(b"<?xml version='1.0' encoding='ISO-8859-15'?><html>") == (
        "ISO-8859-15"
    )
    assert declared_in_markup(b"<html><head><title>x</title>") is None


# --- a few bad bytes in a UTF-8 page (issue 13, case 3) -------------------------------------

STORY = (
    "“We will rebuild the bridge before the first snow,” the mayor of Škofja Loka told "
    "reporters on Tuesday. The café owners on the river bank — most of them closed since "
    "the flood — said they were “cautiously hopeful”. Engineers from Zürich and Graz will "
    "inspect the piers next week, according to the regional government’s statement. "
)


def _with_bad_bytes(text: str, n: int) -> bytes:
    """UTF-8 with ``n`` stray windows-1252 apostrophes (0x92) pasted over ASCII spaces."""
    data = bytearray(text.encode("utf-8"))
    spaces = [i for i, b in enumerate(data) if b == 0x20]
    for i in spaces[5 : 5 + 7 * n : 7]:
        data[i] = 0x92
    return bytes(data)


@pytest.mark.parametrize(
    ("header", "meta"), [("utf-8", True), ("utf-8", False), (None, True), (None, False)]
)
def test_a_few_invalid_bytes_keep_a_utf8_page_utf8(header: str | None, meta: bool) -> None:
    head = '<head><meta charset="utf-8"><title>Bridge</title></head>' if meta else "<head></head>"
    page = f"<html>{head}<body><p>{STORY * 3}</p></body></html>"
    decoded = decode(_with_bad_bytes(page, 5), header)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 5
    assert decoded.text.count("\ufffd") == 5
    for word in ("“We will rebuild", "Škofja", "café", "Zürich", "government’s", "— most"):
        assert word in decoded.text


def test_a_mostly_utf8_page_under_a_latin1_header_is_utf8() -> None:
    decoded = decode(_with_bad_bytes(STORY * 3, 3), "iso-8859-1", html=False)
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 3)
    assert "“cautiously hopeful”" in decoded.text


def test_many_invalid_bytes_are_not_forced_into_utf8() -> None:
    # Real windows-1252 text declared UTF-8: every non-ASCII byte is invalid UTF-8 and none is
    # a valid multi-byte character, so replacement characters would destroy it.
    decoded = decode((STORY * 3).encode("cp1252", errors="replace"), "utf-8", html=False)
    assert decoded.encoding == "cp1252" and decoded.replaced == 0


def test_clean_utf8_reports_no_replacements() -> None:
    assert decode(STORY.encode("utf-8"), "utf-8", html=False).replaced == 0


def test_cleaned_document_counts_the_replaced_bytes() -> None:
    from transforms.clean import clean
    from transforms.model import RawDoc

    paragraphs = "".join(f"<p>{p}</p>" for p in (STORY, STORY.upper(), STORY.lower()))
    page = (
        '<html><head><meta charset="utf-8"><title>Bridge</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )
    raw = RawDoc("https://news.example/bridge", _with_bad_bytes(page, 5), charset="utf-8")
    doc = clean(raw)
    assert doc.decode_errors == 5
    assert "“We will rebuild the bridge" in doc.text and "Škofja Loka" in doc.text
