"""A focal point uploads a hostile file: each gets a one-line refusal, nothing is fetched, and
the web process's memory stays low.

The hostile files are made here (`hostile.py`), never stored. Each is read the way the web
platform reads an upload: through `extract_in_sandbox`, a separate process with limits, while
`tracemalloc` watches the memory of this (the parent) process.
"""

from __future__ import annotations

import io
import socket
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrdialogue.documents.errors import (
    InputTooLarge,
    NeedsOCR,
    NotText,
    ReaderError,
    TooManyPages,
)
from hrdialogue.documents.sandbox import extract_in_sandbox
from hrdialogue.documents.source import MAX_BYTES, read_document, read_limited, read_stream
from tests.documents import hostile
from tests.documents.hostile import MB

PARENT_MEMORY_LIMIT = 40 * MB
"""The most the parent may allocate while the child reads a file of a few megabytes."""


@pytest.fixture
def canary() -> Iterator[socket.socket]:
    """A listening socket on loopback: a file that makes the reader fetch a URL hits it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(0.2)
        yield server


def _canary_url(server: socket.socket, path: str) -> str:
    host, port = server.getsockname()
    return f"http://{host}:{port}/{path}"


def _hits(server: socket.socket) -> int:
    hits = 0
    while True:
        try:
            connection, _ = server.accept()
        except TimeoutError:
            return hits
        connection.close()
        hits += 1


def _refusal(data: bytes, name: str) -> tuple[ReaderError, int]:
    """The sandbox's refusal of `data`, and the peak memory this process allocated meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError) as caught:
            extract_in_sandbox(data, name=name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return caught.value, peak


def _docx_xxe(server: socket.socket) -> bytes:
    return hostile.docx_with(
        {"word/document.xml": hostile.xxe_document(_canary_url(server, "entity"))}
    )


def _docx_xxe_utf16(server: socket.socket) -> bytes:
    target = _canary_url(server, "entity16")
    return hostile.docx_with({"word/document.xml": hostile.xxe_document(target, encoding="utf-16")})


def _docx_xxe_in_styles(server: socket.socket) -> bytes:
    # Not the main document: a part python-docx parses when styles are looked up.
    return hostile.docx_with({"word/styles.xml": hostile.xxe_document(_canary_url(server, "s"))})


def _docx_remote_template(server: socket.socket) -> bytes:
    target = _canary_url(server, "template.dotm")
    return hostile.with_relationship(
        "attachedTemplate", target, rels="word/_rels/settings.xml.rels"
    )


def _docx_remote_image(server: socket.socket) -> bytes:
    return hostile.with_relationship("image", _canary_url(server, "pixel.png"))


def _docx_macros(server: socket.socket) -> bytes:
    types = hostile.read_part(hostile.plain_docx(), "[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    return hostile.docx_with(
        {"[Content_Types].xml": types, "word/vbaProject.bin": b"\xd0\xcf\x11\xe0Attribute VB"}
    )


def _encrypted_pdf(server: socket.socket) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(hostile.text_pdf(["Secret reply"]))))
    writer.encrypt("user password", "owner password", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_pdf(server: socket.socket) -> bytes:
    from tests.documents.makedocs import make_blank_pdf

    return make_blank_pdf(pages=2)


def _truncated_pdf(server: socket.socket) -> bytes:
    whole = hostile.text_pdf(["Reply of Demo State A", "on operative paragraph 10"])
    return whole[: len(whole) // 2]


# (maker, upload name, error class, the message after "name: ")
CASES: list[tuple[Callable[[socket.socket], bytes], str, type[ReaderError], str]] = [
    (
        lambda _: hostile.zip_bomb_docx(200 * MB),
        "bomb.docx",
        NotText,
        # 200 MiB (209.7 MB) of document.xml and 0.8 MB of python-docx's other parts (checked
        # in test_a_zip_bomb_part_really_inflates_to_200_mb)
        "the DOCX document would expand to 210.5 MB from 0.2 MB (over 50 MB or 100×); "
        "refused as a possible zip bomb",
    ),
    (
        _docx_xxe,
        "xxe.docx",
        NotText,
        "the DOCX part word/document.xml declares a DOCTYPE or XML entities, which Word never "
        "writes; refused as a possibly hostile file",
    ),
    (
        _docx_xxe_utf16,
        "xxe-utf16.docx",
        NotText,
        "the DOCX part word/document.xml declares a DOCTYPE or XML entities, which Word never "
        "writes; refused as a possibly hostile file",
    ),
    (
        _docx_xxe_in_styles,
        "xxe-styles.docx",
        NotText,
        "the DOCX part word/styles.xml declares a DOCTYPE or XML entities, which Word never "
        "writes; refused as a possibly hostile file",
    ),
    (
        lambda _: hostile.docx_with({"word/document.xml": hostile.billion_laughs()}),
        "laughs.docx",
        NotText,
        "the DOCX part word/document.xml declares a DOCTYPE or XML entities, which Word never "
        "writes; refused as a possibly hostile file",
    ),
    (
        _docx_remote_template,
        "template.docx",
        NotText,
        "the DOCX part word/_rels/settings.xml.rels links to an outside resource "
        "(attachedTemplate) that Word would fetch from the network when opening the file; "
        "refused as a possibly hostile file",
    ),
    (
        _docx_remote_image,
        "tracker.docx",
        NotText,
        "the DOCX part word/_rels/document.xml.rels links to an outside resource (image) that "
        "Word would fetch from the network when opening the file; refused as a possibly "
        "hostile file",
    ),
    (
        _docx_macros,
        "macros.docx",
        NotText,
        "macro-enabled documents are not accepted; save it as a plain .docx",
    ),
    (
        lambda _: hostile.pdf_bomb(1 << 30),
        "bomb.pdf",
        NotText,
        "the PDF holds a stream that expands past 25 MB; refused as a possible decompression bomb",
    ),
    (
        lambda _: hostile.nested_pdf(50_000),
        "deep.pdf",
        NotText,
        "the PDF nests its objects too deeply to be read; refused as a possibly hostile file",
    ),
    (
        lambda _: hostile.pdf_pages([b"BT ET"] * 501),
        "long.pdf",
        TooManyPages,
        "the PDF declares 501 pages, over the 500-page limit",
    ),
    (
        _blank_pdf,
        "scan.pdf",
        NeedsOCR,
        "the PDF has no text layer (2 pages of images or drawings); run OCR first",
    ),
    (
        _encrypted_pdf,
        "locked.pdf",
        NotText,
        "the PDF is encrypted with a password; save an unprotected copy first",
    ),
    (
        _truncated_pdf,
        "cut.pdf",
        NotText,
        "the PDF is damaged and cannot be read (PdfStreamError: Stream has ended unexpectedly)",
    ),
    (
        lambda _: b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "reply.docx",
        NotText,
        "the file is named .docx but its bytes are not a DOCX document (a PNG image)",
    ),
    (
        lambda _: b"\x7fELF\x02\x01\x01" + bytes(2000),
        "reply.pdf",
        NotText,
        "the file is named .pdf but its bytes are not a PDF document (an executable program)",
    ),
    (
        lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        "reply.docx",
        NotText,
        "the file is named .docx but its bytes are not a DOCX document (an old Word .doc or "
        "other OLE2 file; save it as DOCX)",
    ),
]


@pytest.mark.parametrize(
    ("make", "name", "error", "message"), CASES, ids=[f"{case[1]}" for case in CASES]
)
def test_a_hostile_upload_is_refused_in_one_line_without_fetching_or_memory_blow_up(
    canary: socket.socket,
    make: Callable[[socket.socket], bytes],
    name: str,
    error: type[ReaderError],
    message: str,
) -> None:
    data = make(canary)
    assert len(data) < 2 * MB  # every hostile file is small; the damage is in what it does
    refusal, peak = _refusal(data, name)
    assert type(refusal) is error
    assert str(refusal) == f"{name}: {message}"
    assert "\n" not in str(refusal)
    assert peak < PARENT_MEMORY_LIMIT, f"the parent allocated {peak / MB:.0f} MiB"
    assert _hits(canary) == 0


def test_the_pdf_bomb_really_expands_past_a_gigabyte() -> None:
    # The 1 GiB stream is the same compressed MiB repeated: check that one MiB inflates to
    # zeros, that the stream is the header, 1024 of them and the end, and that 8 MiB inflate.
    one, eight, gig = (hostile.deflate_zeros(n * MB) for n in (1, 8, 1024))
    block = (len(eight) - len(one)) // 7
    assert len(gig) == len(one) + 1023 * block
    assert zlib.decompress(eight) == bytes(8 * MB)
    assert len(hostile.pdf_bomb(1 << 30)) < 1_100_000


def test_a_zip_bomb_part_really_inflates_to_200_mb() -> None:
    import zipfile

    data = hostile.zip_bomb_docx(200 * MB)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as part:
        total = 0
        while chunk := part.read(4 * MB):
            total += len(chunk)
        declared = sum(info.file_size for info in archive.infolist())
    assert total == 200 * MB
    assert round(declared / 1_000_000, 1) == 210.5
    assert len(data) < 300_000


def test_a_zip_whose_header_lies_about_its_size_is_refused_as_damaged() -> None:
    # The header says 100 bytes; the data inflates to 10 MB. zipfile stops at 100 and the
    # CRC of the whole part does not match.
    xml = b"<w:document/>" + b" " * 10_000_000
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    entry = hostile.Entry(
        "word/document.xml", raw.compress(xml) + raw.flush(), 100, zlib.crc32(xml)
    )
    data = hostile.zip_from_entries([entry])
    with pytest.raises(NotText, match=r"^liar\.docx: the DOCX document is damaged .*BadZipFile"):
        read_document(data, name="liar.docx")


def test_a_docx_with_too_many_parts_is_refused() -> None:
    parts: dict[str, bytes | None] = {f"word/media/p{i}.txt": b"x" for i in range(1001)}
    with pytest.raises(NotText) as error:
        read_document(hostile.docx_with(parts), name="parts.docx")
    assert str(error.value).startswith("parts.docx: the DOCX package holds 1,0")
    assert "over the 1,000 a document needs" in str(error.value)


def test_an_xml_part_in_utf7_is_refused_for_its_encoding() -> None:
    # In UTF-7 "<!DOCTYPE" is written "+ADw-!DOCTYPE": a search for the bytes misses it.
    xml = hostile.xxe_document("file:///etc/passwd", encoding="utf-7")
    with pytest.raises(NotText) as error:
        read_document(hostile.docx_with({"word/document.xml": xml}), name="utf7.docx")
    assert str(error.value) == (
        "utf7.docx: the DOCX part word/document.xml is encoded in utf-7, not UTF-8 or UTF-16 as "
        "Word writes; refused as a possibly hostile file"
    )


def test_links_to_web_pages_and_local_templates_are_kept_and_never_fetched(
    canary: socket.socket,
) -> None:
    data = hostile.with_relationship("hyperlink", _canary_url(canary, "page"))
    data = hostile.with_relationship(
        "attachedTemplate",
        "file:///C:/Users/focal.point/Templates/Normal.dotm",
        rels="word/_rels/settings.xml.rels",
        base=data,
    )
    document = extract_in_sandbox(data, name="links.docx")
    assert document.text == "Reply of Demo State A"
    assert _hits(canary) == 0


def test_an_embedded_object_is_ignored() -> None:
    rels = hostile.read_part(hostile.plain_docx(), "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdOle" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>',
    )
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"CANARY text inside the object" + bytes(512)
    types = hostile.read_part(hostile.plain_docx(), "[Content_Types].xml").replace(
        b"</Types>",
        b'<Default Extension="bin" '
        b'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>',
    )
    data = hostile.docx_with(
        {
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": rels,
            "word/embeddings/oleObject1.bin": ole,
        }
    )
    document = read_document(data, name="ole.docx")
    assert document.text == "Reply of Demo State A"


def test_pdf_bytes_named_docx_are_read_as_the_pdf_they_are() -> None:
    document = extract_in_sandbox(hostile.text_pdf(["Reply of Demo State A"]), name="reply.docx")
    assert (document.format, document.text, document.pages) == ("pdf", "Reply of Demo State A", 1)


def test_a_page_count_that_lies_is_refused_before_the_pages_are_read() -> None:
    data = hostile.pdf_pages([b"BT ET"], declared=1_000_000_000)
    with pytest.raises(TooManyPages) as error:
        read_document(data, name="lie.pdf")
    assert (
        str(error.value) == "lie.pdf: the PDF declares 1,000,000,000 pages, over the 500-page limit"
    )


def test_the_page_limit_can_be_set_by_the_caller() -> None:
    data = hostile.pdf_pages([b"BT /F1 12 Tf (a) Tj ET"] * 3)
    assert read_document(data, name="three.pdf", max_pages=3).pages == 3
    with pytest.raises(TooManyPages, match=r"^three\.pdf: the PDF declares 3 pages, over the 2-"):
        read_document(data, name="three.pdf", max_pages=2)


# --- A 200 MB upload, streamed -----------------------------------------------------------------


def test_a_200_mb_upload_is_refused_after_the_limit_without_being_held() -> None:
    taken = 0

    def upload() -> Iterator[bytes]:  # as Django's UploadedFile.chunks() gives it
        nonlocal taken
        chunk = b"A" * MB
        for _ in range(200):
            taken += len(chunk)
            yield chunk

    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge) as error:
            read_stream(upload(), name="huge.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(error.value) == "huge.pdf: the input is over the 20 MB limit"
    assert MAX_BYTES < taken <= MAX_BYTES + MB  # one chunk past the limit, never 200 MB
    assert peak < 2.5 * MAX_BYTES, f"{peak / MB:.0f} MiB held"


def test_a_200_mb_stream_is_read_to_the_limit_plus_one_byte() -> None:
    class Upload(io.RawIOBase):
        """200 MB of a file-like upload, counting the bytes handed out."""

        given = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            n = min(len(buffer), 200 * MB - self.given)
            buffer[:n] = b"A" * n
            self.given += n
            return n

    upload = Upload()
    with pytest.raises(InputTooLarge):
        read_stream(upload, name="huge.docx", limit=10_000_000)
    assert upload.given == 10_000_001


def test_a_stream_at_the_limit_is_read() -> None:
    chunks = [b"word " * 200_000] * 2  # 2 MB in two chunks
    document = read_stream(iter(chunks), name="ok.txt", limit=2_000_000)
    assert len(document.text) == 2_000_000
    with pytest.raises(
        InputTooLarge, match=r"^ok\.txt: the input is over the 1,999,999-byte limit$"
    ):
        read_stream(iter(chunks), name="ok.txt", limit=1_999_999)


# --- Damaged copies of good files: a refusal or a document, never another exception ----------

_SEEDS = {
    "docx": hostile.plain_docx(["Reply of Demo State A", "operative paragraph 10"]),
    "pdf": hostile.text_pdf(["Reply of Demo State A", "operative paragraph 10"]),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(_SEEDS)),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1, exclude_max=True), st.binary(min_size=0, max_size=8), st.booleans()
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_a_mutated_docx_or_pdf_gives_a_document_or_a_reader_error(
    kind: str, edits: list[tuple[float, bytes, bool]]
) -> None:
    data = bytearray(_SEEDS[kind])
    for where, new, replace in edits:  # overwrite or insert a few bytes anywhere
        at = int(where * len(data))
        data[at : at + (len(new) if replace else 0)] = new
    refusal: ReaderError | None = None
    try:
        document = read_document(bytes(data), name=f"mutant.{kind}")
    except ReaderError as error:
        refusal = error
    if refusal is None:
        assert document.text.strip()
    else:
        assert str(refusal).startswith(f"mutant.{kind}: ")
        assert "\n" not in str(refusal)


def test_an_upload_is_taken_to_its_limit_then_read_in_the_sandbox() -> None:
    # What the web platform does: bounded bytes first, then the separate process.
    chunks = iter([b"Reply of ", b"Demo State A"])
    data = read_limited(chunks, name="reply.txt", limit=21)
    assert extract_in_sandbox(data, name="reply.txt").text == "Reply of Demo State A"
    with pytest.raises(InputTooLarge, match=r"^reply\.txt: the input is over the 20-byte limit$"):
        read_limited(iter([b"Reply of ", b"Demo State A"]), name="reply.txt", limit=20)
