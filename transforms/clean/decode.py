"""Raw bytes into text: find the character encoding the way a careful browser would.

Order of evidence (strongest first):

1. a byte-order mark, which cannot be there by accident;
2. the charset of the HTTP ``Content-Type`` header (``RawDoc.charset``);
3. for HTML, ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` / the XML declaration,
   looked for in the first bytes as the WHATWG "prescan" does;
4. UTF-8: random legacy-encoded text is almost never valid UTF-8, and a page whose valid
   multi-byte characters far outnumber a few invalid bytes is UTF-8 with a few bad bytes
   (a stray windows-1252 apostrophe pasted into a CMS), decoded with U+FFFD for each;
5. windows-1252, the browsers' default for Western pages with no declaration, when the bytes
   read as Western text under it;
6. statistical detection (charset_normalizer) otherwise: non-Latin scripts and multi-byte
   encodings, which read as strings of accented letters under windows-1252.

Declarations are only evidence: one that does not decode strictly is skipped, and a declared
single-byte charset is overridden when the bytes are valid, non-ASCII UTF-8 (the classic
"Apache says ISO-8859-1" misconfiguration; cp1252 text is practically never valid UTF-8).
A declared or detected UTF-8 page with a few invalid bytes stays UTF-8: reading the whole page
in a legacy code page instead would garble every curly quote and accented letter in it.
Labels are read as the WHATWG Encoding Standard does, so ``iso-8859-1`` / ``us-ascii`` mean
windows-1252: pages that say "latin-1" routinely contain cp1252 curly quotes (0x93/0x94) and
dashes (0x96/0x97), which real ISO-8859-1 would turn into invisible C1 control characters.

Gzip-compressed bodies (a ``.html.gz`` file read as-is) are inflated first.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from typing import Literal

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from transforms.clean.errors import CleanError

DecodeMethod = Literal["bom", "header", "meta", "utf-8", "detected", "fallback"]

#: Inflated size cap for gzip input: no article is this big, a decompression bomb is.
MAX_INFLATED_BYTES = 50_000_000
#: How much of the start of an HTML page is searched for a <meta> charset (WHATWG uses 1024;
#: real pages often put 2-3 kB of scripts and preload links before it).
META_PRESCAN_BYTES = 4096
#: Bytes handed to the statistical detector; more adds time, not accuracy.
DETECT_SAMPLE_BYTES = 32_768
#: Above this share of accented letters (within the words that have any, see _accented_share)
#: a windows-1252 reading is mojibake of a non-Latin script: Cyrillic, Greek, Chinese or
#: Korean bytes score 0.9-1.0, French, German, Spanish or Icelandic prose 0.15-0.3.
MAX_WESTERN_ACCENTED_SHARE = 0.5
#: Decoded text with more than this share of control or replacement characters is not text.
MAX_GARBAGE_SHARE = 0.01
#: A page is UTF-8 with a few bad bytes when its invalid sequences number at most this share
#: of its bytes (or 8, for short texts) ...
MAX_INVALID_UTF8_SHARE = 0.002
#: ... and its valid multi-byte characters outnumber them at least this many times. Legacy
#: text read as UTF-8 has (almost) no valid multi-byte characters at all.
MIN_UTF8_EVIDENCE = 2

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG label -> the codec browsers really use (supersets of the declared legacy charsets).
_WHATWG_ALIASES = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "cp819": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
}

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", re.I)
_WORD = re.compile(r"[^\W\d_]+")
# C0 controls other than tab/newline/carriage return/form feed, C1 controls, U+FFFD.
_GARBAGE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the Python codec that produced it, which evidence chose it, and how many
    invalid byte sequences were replaced by U+FFFD (only ever for UTF-8, see ``_mostly_utf8``)."""

    text: str
    encoding: str
    method: DecodeMethod
    replaced: int = 0


def codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label as found in a header or page, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def inflate(body: bytes) -> bytes:
    """Gzip bytes inflated (capped at MAX_INFLATED_BYTES); anything else returned unchanged.

    A truncated gzip stream yields the part that did arrive: a page cut short is still worth
    cleaning. Corrupt data raises CleanError("bad_encoding").
    """
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # 16+: expect a gzip header
    try:
        data = inflater.decompress(body, MAX_INFLATED_BYTES)
    except zlib.error as err:
        raise CleanError("bad_encoding", f"gzip-compressed input is corrupt ({err}).") from err
    if inflater.unconsumed_tail:
        raise CleanError(
            "bad_encoding",
            f"gzip-compressed input inflates to more than {MAX_INFLATED_BYTES} bytes.",
        )
    return data


def declared_in_markup(body: bytes) -> str | None:
    """The charset label a page declares in its first bytes (meta tag or XML declaration)."""
    head = body[:META_PRESCAN_BYTES]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def decode(body: bytes, declared: str | None = None, *, html: bool = True) -> Decoded:
    """Decode ``body`` following the order of evidence in the module docstring.

    ``declared`` is the HTTP header charset; ``html`` enables the in-page declaration lookup.
    Raises CleanError("empty") for no bytes and CleanError("bad_encoding") for binary data or
    bytes no encoding turns into text.
    """
    body = inflate(body)
    if not body.strip():
        raise CleanError("empty", "The input has no content (0 bytes or only whitespace).")

    for bom, bom_codec in _BOMS:
        if body.startswith(bom):
            return _checked(_strict(body, bom_codec), bom_codec, "bom")

    # Past this point NUL bytes mean binary data (UTF-16/32 without a BOM is not worth the risk
    # of reading a PNG or PDF as Chinese).
    if b"\x00" in body[:8192]:
        raise CleanError("bad_encoding", "The input is binary data (it contains NUL bytes).")

    candidates: list[tuple[str | None, DecodeMethod]] = [(codec_for(declared), "header")]
    if html:
        in_page = codec_for(declared_in_markup(body))
        # A meta tag readable as ASCII cannot be in UTF-16/32 (WHATWG: treat as UTF-8).
        if in_page and in_page.startswith(("utf-16", "utf-32")):
            in_page = "utf-8"
        candidates.append((in_page, "meta"))
    utf8 = _mostly_utf8(body)
    for codec, method in candidates:
        if codec is None:
            continue
        if codec != "utf-8" and not is_multi_byte_encoding(codec) and utf8 is not None:
            return _checked(utf8[0], "utf-8", "utf-8", replaced=utf8[1])  # mislabelled
        text = _strict(body, codec)
        if text is not None:
            return _checked(text, codec, method)
        if codec == "utf-8" and utf8 is not None:
            return _checked(utf8[0], "utf-8", method, replaced=utf8[1])  # a few bad bytes

    text = _strict(body, "utf-8")
    if text is not None:
        return _checked(text, "utf-8", "utf-8")
    if utf8 is not None:
        return _checked(utf8[0], "utf-8", "utf-8", replaced=utf8[1])
    return _detect(body)


def _detect(body: bytes) -> Decoded:
    """No usable declaration and not UTF-8: windows-1252 if it reads as Western text, else
    statistical detection.

    Statistical detectors cannot tell single-byte Latin code pages apart on English text
    (charset_normalizer says cp1250, or even DOS cp1125, for a page with curly quotes), so the
    detector is only asked when the windows-1252 reading looks foreign: Cyrillic, Greek or
    CJK bytes read as cp1252 turn whole words into accented letters ("Ìèíèñòð").
    """
    western = _strict(body, "cp1252")
    if western is not None and _accented_share(western) <= MAX_WESTERN_ACCENTED_SHARE:
        return _checked(western, "cp1252", "fallback")
    best = from_bytes(body[:DETECT_SAMPLE_BYTES]).best()
    if best is not None:
        guessed = _strict(body, best.encoding)
        if guessed is not None:
            return _checked(guessed, best.encoding, "detected")
    if western is not None:
        return _checked(western, "cp1252", "fallback")
    raise CleanError(
        "bad_encoding", "The bytes are not valid in any detected or default character encoding."
    )


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(body: bytes) -> tuple[str, int] | None:
    """``(text, invalid sequences)`` when ``body`` is UTF-8 with at most a few bad bytes.

    Needs non-ASCII content (pure ASCII proves nothing) and, when some sequences are
    invalid, few of them (``MAX_INVALID_UTF8_SHARE``) against many more valid multi-byte
    characters (``MIN_UTF8_EVIDENCE``): legacy text read as UTF-8 has almost none of those.
    Each invalid sequence becomes one U+FFFD.
    """
    if body.isascii():
        return None
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - body.count("\ufffd".encode())
    if invalid == 0:
        return text, 0
    multibyte = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    few = invalid <= max(8, MAX_INVALID_UTF8_SHARE * len(body))
    return (text, invalid) if few and multibyte >= MIN_UTF8_EVIDENCE * invalid else None


def _accented_share(text: str) -> float:
    """Share of non-ASCII letters within the words that have any (0.0 if none do).

    Counting inside words keeps the measure independent of how much ASCII markup or English
    surrounds the text: "café" scores 0.25, mojibake such as "Ìèíèñòð" scores 1.0.
    """
    total = accented = 0
    for word in _WORD.findall(text):
        if not word.isascii():
            total += len(word)
            accented += sum(1 for c in word if not c.isascii())
    return accented / total if total else 0.0


def _checked(text: str | None, codec: str, method: DecodeMethod, *, replaced: int = 0) -> Decoded:
    """Reject decodings that are mostly control or replacement characters (binary data)."""
    if text is None:
        raise CleanError("bad_encoding", f"The input is not valid {codec} despite its {method}.")
    text = text.removeprefix("\ufeff")
    garbage = len(_GARBAGE.findall(text))
    if garbage > max(8, MAX_GARBAGE_SHARE * len(text)):
        raise CleanError(
            "bad_encoding",
            f"The input does not look like text: {garbage} of {len(text)} characters decoded "
            f"as {codec} are control or replacement characters.",
        )
    return Decoded(text, codec, method, replaced)
