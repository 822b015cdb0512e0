"""Reading a CSV of NGOs or NHRIs: every row accepted or rejected with its line and reason.

Pure: `parse_organisations_csv` returns rows and rejections; nothing is written here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify
from django.utils.translation import gettext as _

__all__ = ["ImportRow", "ParsedCSV", "Rejection", "parse_organisations_csv"]

REQUIRED_COLUMNS = ("name", "country", "status")
_STATUSES = {
    "ngo": {"general", "special", "roster", "none"},
    "nhri": {"A", "B"},
}


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    code: str
    name: str
    acronym: str
    country: str
    email: str
    status: str


@dataclass
class ParsedCSV:
    rows: list[ImportRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    error: str | None = None  # the file as a whole is unreadable


def parse_organisations_csv(data: bytes, *, kind: str, countries: set[str]) -> ParsedCSV:
    """Rows of `name,acronym,country,email,status`; `countries` are the known ISO3 codes."""
    result = ParsedCSV()
    if not data.strip():
        result.error = _("The file is empty.")
        return result
    if len(data) > settings.STAKEHOLDER_CSV_MAX_BYTES:
        result.error = _("The file is larger than 2 MB.")
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        result.error = _("The file is not UTF-8 text (byte %(position)d).") % {
            "position": error.start + 1
        }
        return result
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        result.error = _("Line 1: the header lacks the column(s) %(columns)s.") % {
            "columns": ", ".join(missing)
        }
        return result
    reader.fieldnames = header
    seen: dict[str, int] = {}
    try:
        for record in reader:
            line = reader.line_num
            row, reason = _read_row(record, line, kind=kind, countries=countries)
            if row is not None and row.code in seen:
                reason = _("the same organisation is already on line %(line)d") % {
                    "line": seen[row.code]
                }
                row = None
            if row is None:
                result.rejected.append(Rejection(line, reason or ""))
            else:
                seen[row.code] = line
                result.rows.append(row)
    except csv.Error as error:
        result.error = _("Line %(line)d: the CSV is malformed (%(detail)s).") % {
            "line": reader.line_num,
            "detail": str(error),
        }
    if not result.rows and not result.rejected and result.error is None:
        result.error = _("The file has a header but no rows.")
    return result


def _read_row(
    record: dict[str | None, str | list[str] | None], line: int, *, kind: str, countries: set[str]
) -> tuple[ImportRow | None, str | None]:
    if None in record:
        return None, _("more cells than columns")
    values = {k: str(v or "").strip() for k, v in record.items() if isinstance(k, str)}
    if any(v is None for v in record.values()):
        return None, _("fewer cells than columns")
    name = str(values.get("name", ""))
    if not name:
        return None, _("the name is empty")
    if len(name) > 300:
        return None, _("the name is longer than 300 characters")
    country = str(values.get("country", "")).upper()
    if country not in countries:
        return None, _("unknown country code %(code)r (use ISO 3166-1 alpha-3, e.g. FRA)") % {
            "code": country
        }
    status = str(values.get("status", ""))
    status = status.upper() if kind == "nhri" else status.lower()
    if status not in _STATUSES[kind]:
        return None, _("unknown status %(status)r (expected one of: %(allowed)s)") % {
            "status": values.get("status", ""),
            "allowed": ", ".join(sorted(_STATUSES[kind])),
        }
    email = str(values.get("email", ""))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            return None, _("the e-mail address %(email)r is not valid") % {"email": email}
    acronym = str(values.get("acronym", ""))[:40]
    code = slugify(f"{kind}-{country}-{acronym or name}")[:80]
    return ImportRow(line, code, name, acronym, country, email, status), None
