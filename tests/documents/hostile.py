"""Hostile files, made in the tests (never stored in the repository).

Each maker returns the bytes of one file an attacker, or a careless converter, could upload:
zip bombs, DOCX with external entities or remote relationships or macros, PDF bombs that
decompress to gigabytes from a megabyte, deeply nested PDFs, PDFs with too many pages. The
PDFs are written object by object (`pdf_from_objects`), the ZIPs entry by entry
(`zip_from_entries`), so that the tests control every byte, including lying sizes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "MB",
    "W_NS",
    "Entry",
    "billion_laughs",
    "deflate_zeros",
    "docx_with",
    "nested_pdf",
    "pdf_bomb",
    "pdf_from_objects",
    "pdf_pages",
    "plain_docx",
    "read_part",
    "text_pdf",
    "with_relationship",
    "xxe_document",
    "zip_bomb_docx",
    "zip_from_entries",
]

MB = 1 << 20
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


# --- PDF --------------------------------------------------------------------------------------


def pdf_from_objects(objects: Sequence[bytes]) -> bytes:
    """A PDF whose objects 1…n are `objects`, with a correct cross-reference table.

    Object 1 must be the catalog.
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(content: bytes, filters: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(content), filters, content)


def _show(text: str) -> bytes:
    """A content stream that prints `text` (ASCII) in Helvetica at the top of the page."""
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("ascii")


def pdf_pages(contents: Sequence[bytes], *, declared: int | None = None) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1); `declared` lies in /Count."""
    count = len(contents)
    first_page = 4  # 1 catalog, 2 pages, 3 font
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (kids, count if declared is None else declared),
        _FONT,
    ]
    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (first_page + 2 * i + 1)
        )
        objects.append(content if content.startswith(b"<<") else _stream(content))
    return pdf_from_objects(objects)


def text_pdf(lines: Sequence[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII), one page each."""
    return pdf_pages([_show(line) for line in lines])


def deflate_zeros(total: int) -> bytes:
    """A zlib stream that inflates to `total` zero bytes (a multiple of 1 MiB), about total/1000.

    Each MiB is compressed once and ended with a full flush, which resets the compressor: the
    compressed MiB is then the same every time, and is repeated instead of recompressed, so
    the 1 GiB bomb is made in milliseconds. It ends with an empty final block and the Adler-32
    of `total` zeros (a = 1, b = total mod 65521).
    """
    compressor = zlib.compressobj(9)
    zeros = bytes(MB)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = ((total % 65521) << 16) | 1
    return first + block * (total // MB - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def pdf_bomb(expanded: int = 1 << 30) -> bytes:
    """A valid one-page PDF whose Flate content stream expands to `expanded` bytes."""
    return pdf_pages([_stream(deflate_zeros(expanded), b"/Filter /FlateDecode ")])


def nested_pdf(depth: int = 50_000) -> bytes:
    """A PDF whose content stream opens `depth` arrays inside each other."""
    return pdf_pages([b"[" * depth + b"]" * depth + b" " + _show("deep")])


# --- ZIP and DOCX -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One ZIP entry, with its data already compressed (raw deflate) or stored."""

    name: str
    data: bytes
    size: int
    """The uncompressed size written in the headers (a lie, if the test wants one)."""
    crc: int
    deflated: bool = True


def zip_from_entries(entries: Sequence[Entry]) -> bytes:
    """A ZIP archive written entry by entry, so that sizes and data can be forged."""
    out = bytearray()
    central = bytearray()
    for entry in entries:
        name = entry.name.encode()
        method = 8 if entry.deflated else 0
        fields = (20, 0, method, 0, 0x21, entry.crc, len(entry.data), entry.size, len(name), 0)
        offset = len(out)
        out += b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + name + entry.data
        central += b"PK\x01\x02" + struct.pack("<HHHHHHIIIHHHHHII", 20, *fields, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + b"PK\x05\x06" + end)


def _deflate_raw(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def plain_docx(paragraphs: Sequence[str] = ("Reply of Demo State A",)) -> bytes:
    """A real DOCX written by python-docx, with these paragraphs."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with(
    replace: Mapping[str, bytes | None], base: bytes | None = None, *, stored: bool = False
) -> bytes:
    """`base` (a plain DOCX) with parts replaced, added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(base or plain_docx()))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    for name, data in replace.items():
        if data is None:
            parts.pop(name, None)
        else:
            parts[name] = data
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(expanded: int = 200 * MB) -> bytes:
    """A DOCX whose `word/document.xml` is `expanded` bytes of zeros (about 1 000 : 1)."""
    raw = deflate_zeros(expanded)[2:-4]  # the zlib stream without its header and checksum
    crc = 0
    zeros = bytes(MB)
    for _ in range(expanded // MB):
        crc = zlib.crc32(zeros, crc)
    source = zipfile.ZipFile(io.BytesIO(plain_docx()))
    entries = [
        Entry(info.filename, _deflate_raw(data), len(data), zlib.crc32(data))
        for info in source.infolist()
        if info.filename != "word/document.xml"
        for data in [source.read(info)]
    ]
    entries.append(Entry("word/document.xml", raw, expanded, crc))
    return zip_from_entries(entries)


def xxe_document(target: str, *, encoding: str = "utf-8") -> bytes:
    """A `word/document.xml` that declares an external entity at `target` and uses it."""
    xml = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "{target}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return xml.encode(encoding)


def billion_laughs() -> bytes:
    """A `word/document.xml` with nested entities that would expand to gigabytes."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()


def read_part(docx_bytes: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return archive.read(part)


def with_relationship(
    kind: str, target: str, *, rels: str = "word/_rels/document.xml.rels", base: bytes | None = None
) -> bytes:
    """A plain DOCX with one more relationship (`kind`: the type's last segment) to an
    external `target`, in the relationship part `rels` (added if the DOCX has none)."""
    base = base or plain_docx()
    try:
        xml = read_part(base, rels).decode()
    except KeyError:
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
    item = f'<Relationship Id="rIdX" Type="{_REL}/{kind}" Target="{target}" TargetMode="External"/>'
    return docx_with(
        {rels: xml.replace("</Relationships>", item + "</Relationships>").encode()}, base
    )
