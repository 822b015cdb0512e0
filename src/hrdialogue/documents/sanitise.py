"""Strip what a file says about who wrote it, before the platform publishes it.

A reply uploaded by a human-rights defender or a State's focal point carries more than its
text: the author's and the last editor's names, the organisation, comments and their
authors, text deleted with tracked changes, custom properties from a document system.
Publishing those can put a person at risk. `strip_pdf_metadata` drops a PDF's document
information (`/Info`: author, creator, producer…) and every XMP metadata stream;
`strip_docx_metadata` empties a DOCX document's core and application properties, removes
custom properties, custom XML, comments, the people part and the thumbnail, accepts tracked
changes (deleted text goes, inserted text stays, without authors or dates) and removes a
template linked from outside. The text and pages are kept.

Both take the bytes of a file that `read_document` accepted, and refuse others with a
`ReaderError` naming the file, as the reader does.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any, Final

from lxml import etree

from hrdialogue.documents.errors import NotText
from hrdialogue.documents.ooxml import (
    CONTENT_TYPES,
    RELATIONSHIPS,
    ZIP_ERRORS,
    check_docx_package,
    content_types,
    parse_xml,
)

__all__ = ["strip_docx_metadata", "strip_pdf_metadata"]

# --- PDF --------------------------------------------------------------------------------------

_PDF_METADATA_KEYS: Final = ("/Metadata", "/PieceInfo")


def strip_pdf_metadata(data: bytes, *, name: str | None = None) -> bytes:
    """The PDF without its document information dictionary and XMP metadata, pages intact."""
    from pypdf import PdfReader, PdfWriter  # noqa: PLC0415  (imported when needed, as in source)
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            msg = "the PDF is encrypted with a password; save an unprotected copy first"
            raise NotText(msg, source=name)
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        writer.xmp_metadata = None
        _drop_pdf_keys(writer.root_object, set())
        # The dropped dictionaries and streams are still objects of the file until then.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        msg = f"the PDF is damaged and cannot be rewritten ({type(error).__name__}: {error})"
        raise NotText(" ".join(msg.split()), source=name) from None
    return out.getvalue()


def _drop_pdf_keys(obj: Any, seen: set[int]) -> None:
    """Remove `/Metadata` and `/PieceInfo` from every dictionary and stream reachable."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject  # noqa: PLC0415

    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams are dictionaries too
            for key in _PDF_METADATA_KEYS:
                item.pop(key, None)
            stack.extend(dict.values(item))  # unresolved: references are followed above
        elif isinstance(item, ArrayObject):
            stack.extend(list.__iter__(item))


# --- DOCX -------------------------------------------------------------------------------------

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WORDML: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_REMOVED_TYPES: Final = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
        _WORDML + "comments+xml",
        "application/vnd.ms-word.commentsExtended+xml",
        "application/vnd.ms-word.commentsIds+xml",
        "application/vnd.ms-word.commentsExtensible+xml",
        "application/vnd.ms-word.people+xml",
    }
)
_REMOVED_NAMES: Final = frozenset(
    {
        "docProps/custom.xml",
        "word/comments.xml",
        "word/commentsExtended.xml",
        "word/commentsIds.xml",
        "word/commentsExtensible.xml",
        "word/people.xml",
    }
)
_REMOVED_PREFIXES: Final = ("customXml/", "docProps/thumbnail")
_CORE_TYPE: Final = "application/vnd.openxmlformats-package.core-properties+xml"
_APP_TYPE: Final = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

_EMPTY_CORE: Final = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
_EMPTY_APP: Final = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'docPropsVTypes"/>'
)

# Tracked changes are accepted: deletions and their marks go, insertions stay unwrapped.
_DROPPED: Final = frozenset(
    f"{_W}{tag}"
    for tag in (
        "del",
        "moveFrom",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "rsids",
        "attachedTemplate",
    )
)
_UNWRAPPED: Final = frozenset({f"{_W}ins", f"{_W}moveTo"})
_PERSONAL_ATTRIBUTES: Final = frozenset({f"{_W}author", f"{_W}initials", f"{_W}date"})


def strip_docx_metadata(data: bytes, *, name: str | None = None) -> bytes:
    """The DOCX document without properties, comments, people, custom XML or change authors."""
    check_docx_package(data, name=name)
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result,
        ):
            types = content_types(archive, name=name)
            removed = {part for part in archive.namelist() if _is_removed(part, types)}
            removed |= {_relationships_of(part) for part in removed}
            for info in archive.infolist():
                part = info.filename
                if part in removed:
                    continue
                blob = archive.read(info)
                kind = types.get(part, "")
                if part == "docProps/core.xml" or kind == _CORE_TYPE:
                    blob = _EMPTY_CORE
                elif part == "docProps/app.xml" or kind == _APP_TYPE:
                    blob = _EMPTY_APP
                elif part == "[Content_Types].xml":
                    blob = _without_overrides(blob, removed)
                elif part.endswith(".rels"):
                    blob = _without_relationships(part, blob, removed)
                elif kind.startswith(_WORDML):
                    blob = _accept_changes(blob)
                result.writestr(_copy_info(info), blob)
    except ZIP_ERRORS as error:
        msg = f"the DOCX document is damaged and cannot be rewritten ({type(error).__name__})"
        raise NotText(msg, source=name) from None
    return out.getvalue()


def _is_removed(part: str, types: dict[str, str]) -> bool:
    return (
        part in _REMOVED_NAMES
        or part.startswith(_REMOVED_PREFIXES)
        or types.get(part, "") in _REMOVED_TYPES
    )


def _relationships_of(part: str) -> str:
    """`word/comments.xml` → `word/_rels/comments.xml.rels`."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The entry's name, deflated, with a fixed time (the original's time says when it was
    edited); nothing else of the original header is kept."""
    copy = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
    copy.compress_type = zipfile.ZIP_DEFLATED
    return copy


def _without_overrides(blob: bytes, removed: set[str]) -> bytes:
    root = parse_xml(blob)
    if root is None:
        return blob
    for override in list(root.iterchildren(f"{CONTENT_TYPES}Override")):
        if override.get("PartName", "").lstrip("/") in removed:
            root.remove(override)
    return _serialise(root)


def _without_relationships(rels_part: str, blob: bytes, removed: set[str]) -> bytes:
    """Drop relationships to removed parts, and to a template linked from outside."""
    root = parse_xml(blob)
    if root is None:
        return blob
    # `word/_rels/document.xml.rels` relates `word/document.xml`: targets are relative to `word/`
    folder = posixpath.dirname(posixpath.dirname(rels_part))
    for rel in list(root.iterchildren(f"{RELATIONSHIPS}Relationship")):
        target = rel.get("Target", "")
        external = rel.get("TargetMode", "").lower() == "external"
        kind = rel.get("Type", "").rpartition("/")[2]
        if external:
            drop = kind == "attachedTemplate"
        else:
            resolved = (
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            drop = posixpath.normpath(resolved) in removed
        if drop:
            root.remove(rel)
    return _serialise(root)


def _accept_changes(blob: bytes) -> bytes:
    """A WordprocessingML part with tracked changes accepted, comment marks removed, and no
    author, initials, date or revision session id left on any element."""
    root = parse_xml(blob)
    if root is None:
        return blob
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _DROPPED:
            parent = element.getparent()
            if parent is not None:
                _remove_keeping_tail(element)
            continue
        for attribute in list(element.attrib):
            if attribute in _PERSONAL_ATTRIBUTES or attribute.startswith(f"{_W}rsid"):
                del element.attrib[attribute]
    for element in list(root.iter(*_UNWRAPPED)):
        _unwrap(element)
    return _serialise(root)


def _remove_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _unwrap(element: Any) -> None:
    """Put `element`'s children where it stands, and remove it."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    _remove_keeping_tail(element)


def _serialise(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
