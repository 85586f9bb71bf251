"""Bytes to text: byte-order marks, UTF-8, then a detected legacy charset.

Decoding never fails: every byte string becomes some text, and what was guessed
is reported as a :class:`~cleaner.document.Repair`. Refusing binary input is a
policy of the caller (the CLI and batch use :func:`looks_binary`), not of the core.
"""

from __future__ import annotations

import codecs

from .document import Repair

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NON_ASCII = bytes(range(128))
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
          b"BZh", b"\xfd7zXZ", b"RIFF", b"OggS", b"\x00\x00\x01\x00", b"wOFF", b"wOF2")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _byte_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects one by one as cp1252 (latin-1 where cp1252 has a hole)."""
    out = []
    for b in error.object[error.start:error.end]:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out), error.end


codecs.register_error("cleaner-cp1252", _byte_fallback)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names, if the data starts with one.

    >>> bom_encoding(b"\\xef\\xbb\\xbfhello"), bom_encoding(b"hello")
    ('utf-8', None)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_binary(data: bytes) -> bool:
    """Is this an image, archive or other non-text file rather than text?

    Text in UTF-16/32 (with a BOM) is text; NUL bytes or many control bytes are not.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n..."), looks_binary("Grüße".encode("utf-16"))
    (True, False)
    >>> looks_binary(b"plain text\\n")
    False
    """
    if bom_encoding(data):
        return False
    head = data[:8192]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    return len(head) - len(head.translate(None, _CONTROL)) > len(head) * 0.1


def decode(data: bytes) -> tuple[str, list[Repair]]:
    """Decode bytes, reporting any guess that was made.

    >>> decode("café".encode("utf-8"))
    ('café', [])
    >>> decode("café".encode("cp1252"))
    ('café', [Repair(step='decode', detail='cp1252', line=0)])
    >>> decode(b"\\xef\\xbb\\xbfBOM")
    ('BOM', [Repair(step='decode', detail='utf-8 byte-order mark removed', line=0)])
    """
    enc = bom_encoding(data)
    if enc:
        text = data.decode(enc, errors="replace")
        return text.lstrip("\ufeff"), [Repair("decode", f"{enc} byte-order mark removed")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    valid = len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    invalid = len(data) - valid
    non_ascii = len(data.translate(None, _NON_ASCII))
    valid_multibyte = non_ascii - invalid
    if valid_multibyte >= 2 * invalid:
        # Mostly UTF-8 with a few stray legacy bytes: keep the UTF-8, read the strays as cp1252.
        text = data.decode("utf-8", errors="cleaner-cp1252")
        return text, [Repair("decode", f"utf-8 with {invalid} invalid byte(s) read as cp1252")]
    enc = _guess_legacy(data)
    return data.decode(enc, errors="cleaner-cp1252"), [Repair("decode", enc)]


#: Below this many non-ASCII bytes a charset guess is noise: read them as cp1252.
MIN_GUESS_BYTES = 32


def _guess_legacy(data: bytes) -> str:
    """A single-byte or CJK legacy charset for bytes that are not UTF-8 (cp1252 by default).

    cp1252 is the web's de facto legacy charset: it wins whenever the bytes decode
    as cp1252 and the detector rates it as well as its best guess (Western text is
    routinely scored equal to a sibling such as cp1250 or latin-1).
    """
    if len(data.translate(None, _NON_ASCII)) < MIN_GUESS_BYTES:
        return _cp1252_or_latin1(data)
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer comes with trafilatura
        return _cp1252_or_latin1(data)
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "ascii") or (
            best.encoding.startswith(("utf_16", "utf_32")) and b"\x00" not in data):
        return _cp1252_or_latin1(data)
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    if best.encoding in ("latin_1", "iso8859_15", "mac_roman", "cp850", "cp437"):
        return _cp1252_or_latin1(data)
    return best.encoding


def _cp1252_or_latin1(data: bytes) -> str:
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"
