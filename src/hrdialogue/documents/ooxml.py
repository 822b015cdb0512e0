"""DOCX (OOXML) packages: the checks an upload passes before any of its XML is parsed.

A DOCX file is a ZIP archive of XML parts tied together by `[Content_Types].xml` and
relationship parts (`_rels/*.rels`). Hostile files use the archive (a zip bomb: a few
kilobytes that expand to gigabytes; thousands of entries; lying sizes), the XML (a DOCTYPE
with external entities, "XXE", or nested ones, "billion laughs"; an encoding such as UTF-7 in
which `<!DOCTYPE` is spelled otherwise), the relationships (a template or image that Word
fetches from a server when the file is opened) and macros. `check_docx_package` refuses all
of these with one line naming the file; `sanitise` shares the helpers that read the package.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from typing import Any, Final

from lxml import etree

from hrdialogue.documents.errors import NotText

__all__ = [
    "CONTENT_TYPES",
    "MAX_DOCX_EXPANDED",
    "MAX_DOCX_PARTS",
    "MAX_DOCX_RATIO",
    "RELATIONSHIPS",
    "ZIP_ERRORS",
    "check_docx_package",
    "content_types",
    "is_remote",
    "parse_xml",
]

MAX_DOCX_EXPANDED: Final = 50_000_000
"""A DOCX whose parts expand to more than this is refused (a zip bomb, not a resolution)."""

MAX_DOCX_RATIO: Final = 100
"""Nor may it expand more than 100 times, once it expands past `_RATIO_FLOOR` bytes."""

MAX_DOCX_PARTS: Final = 1000
"""A DOCX package with more parts is refused (Word writes a few dozen, a few hundred images)."""

_RATIO_FLOOR: Final = 1_000_000

ZIP_ERRORS: Final = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
"""A damaged archive: bad CRC, lying sizes, overlapping entries ("possible zip bomb"), an
unknown compression method, a password-protected entry, a truncated stream."""

CONTENT_TYPES: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_MACRO_MARKS: Final = ("vbaproject", "vbadata", "macroenabled")
_SCHEME: Final = re.compile(r"[a-z][a-z0-9+.-]+", re.IGNORECASE)
_XML_ENCODING: Final = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")


def check_docx_package(data: bytes, *, name: str | None = None) -> None:
    """Refuse a DOCX package that is hostile, before any of its XML is parsed.

    Refused, each with a `NotText` naming the file: a damaged archive; more than
    `MAX_DOCX_PARTS` parts; parts that would expand past `MAX_DOCX_EXPANDED` bytes or 100
    times their packed size (a zip bomb); macros (`vbaProject.bin`, a macro-enabled content
    type); an XML part (UTF-8 or UTF-16) that declares a DOCTYPE or entities, or another
    encoding than the two Word writes; a relationship that Word would fetch from the network
    when opening the file (a remote template, image, frame or object; links to web pages are
    fine). Embedded objects and media are not looked into: the reader ignores them.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, name)
            types = content_types(archive, name=name)
            for info in infos:
                lowered = info.filename.lower()
                if any(mark in lowered for mark in _MACRO_MARKS) or any(
                    mark in types.get(info.filename, "").lower() for mark in _MACRO_MARKS
                ):
                    msg = "macro-enabled documents are not accepted; save it as a plain .docx"
                    raise NotText(msg, source=name)
                if _is_xml_part(info.filename, types):
                    blob = archive.read(info)
                    _check_xml_part(info.filename, blob, name)
                    if lowered.endswith(".rels"):
                        _check_relationships(info.filename, blob, name)
    except ZIP_ERRORS as error:
        msg = f"the DOCX document is damaged and cannot be read ({type(error).__name__}: {error})"
        raise NotText(" ".join(msg.split()), source=name) from None


def _check_sizes(infos: list[zipfile.ZipInfo], name: str | None) -> None:
    if len(infos) > MAX_DOCX_PARTS:
        msg = (
            f"the DOCX package holds {len(infos):,} parts, over the {MAX_DOCX_PARTS:,} "
            "a document needs; refused as a possibly hostile file"
        )
        raise NotText(msg, source=name)
    expanded = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if expanded > MAX_DOCX_EXPANDED or (
        expanded > _RATIO_FLOOR and expanded > MAX_DOCX_RATIO * max(packed, 1)
    ):
        msg = (
            f"the DOCX document would expand to {expanded / 1_000_000:.1f} MB from "
            f"{packed / 1_000_000:.1f} MB (over {MAX_DOCX_EXPANDED // 1_000_000} MB or "
            f"{MAX_DOCX_RATIO}×); refused as a possible zip bomb"
        )
        raise NotText(msg, source=name)


def content_types(archive: zipfile.ZipFile, *, name: str | None = None) -> dict[str, str]:
    """Part name (as in the archive) → content type, from `[Content_Types].xml`."""
    try:
        blob = archive.read("[Content_Types].xml")
    except KeyError:
        return {}  # python-docx refuses such a package as damaged
    _check_xml_part("[Content_Types].xml", blob, name)
    root = parse_xml(blob)
    if root is None:
        return {}
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in root.iterchildren(f"{CONTENT_TYPES}Default")
    }
    types = {
        info.filename: defaults.get(info.filename.rpartition(".")[2].lower(), "")
        for info in archive.infolist()
    }
    for override in root.iterchildren(f"{CONTENT_TYPES}Override"):
        types[override.get("PartName", "").lstrip("/")] = override.get("ContentType", "")
    return types


def _is_xml_part(part: str, types: dict[str, str]) -> bool:
    """Parts python-docx or Word parse as XML (images, SVG included, are left alone)."""
    kind = types.get(part, "").lower()
    if kind.startswith(("image/", "video/", "audio/")):
        return False
    return part.lower().endswith((".xml", ".rels")) or kind.endswith("xml")


def _check_xml_part(part: str, blob: bytes, name: str | None) -> None:
    """Refuse a DOCTYPE or entities (XXE, billion laughs) and encodings Word never writes."""
    if blob.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding: str | None = "UTF-32"
        text = ""
    elif blob.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, text = None, blob.decode("utf-16", "replace")
    elif blob.startswith(b"<\x00"):
        encoding, text = None, blob.decode("utf-16-le", "replace")
    elif blob.startswith(b"\x00<"):
        encoding, text = None, blob.decode("utf-16-be", "replace")
    else:
        declared = _XML_ENCODING.match(blob.removeprefix(codecs.BOM_UTF8))
        encoding = declared.group(1).decode("ascii", "replace") if declared else None
        text = blob.decode("utf-8", "replace")
    if encoding is not None and encoding.lower().replace("_", "-") not in {"utf-8", "utf8"}:
        msg = (
            f"the DOCX part {part} is encoded in {encoding[:20]}, not UTF-8 or UTF-16 as "
            "Word writes; refused as a possibly hostile file"
        )
        raise NotText(msg, source=name)
    upper = text.upper()
    if "<!DOCTYPE" in upper or "<!ENTITY" in upper:
        msg = (
            f"the DOCX part {part} declares a DOCTYPE or XML entities, "
            "which Word never writes; refused as a possibly hostile file"
        )
        raise NotText(msg, source=name)


def _check_relationships(part: str, blob: bytes, name: str | None) -> None:
    """Refuse relationships Word would follow over the network when opening the file."""
    root = parse_xml(blob)
    if root is None:
        return
    for rel in root.iterchildren(f"{RELATIONSHIPS}Relationship"):
        if rel.get("TargetMode", "").lower() != "external":
            continue
        kind = rel.get("Type", "").rpartition("/")[2]
        if kind != "hyperlink" and is_remote(rel.get("Target", "")):
            msg = (
                f"the DOCX part {part} links to an outside resource ({kind or 'unknown'}) that "
                "Word would fetch from the network when opening the file; refused as a "
                "possibly hostile file"
            )
            raise NotText(msg, source=name)


def is_remote(target: str) -> bool:
    """Whether a relationship's target is on another machine (a URL, `\\\\server\\share`)."""
    target = target.strip().replace("\\", "/")
    if target.startswith("//"):
        return True
    scheme, colon, rest = target.partition(":")
    if not colon or not _SCHEME.fullmatch(scheme):  # a relative path, or `C:` a drive
        return False
    if scheme.lower() != "file":
        return True
    host = rest[2:].partition("/")[0] if rest.startswith("//") else ""
    return host.lower() not in {"", "localhost"} and not host.endswith(":")


def parse_xml(blob: bytes) -> Any | None:
    """An XML part's root, parsed without DTDs, entities or network; None if not well formed."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return None
