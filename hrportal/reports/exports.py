import csv
import io

from django.utils.formats import number_format
from django.utils.translation import get_language
from openpyxl import Workbook

# A cell starting with one of these is a formula for a spreadsheet (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_value(value):
    """Numbers as the reader's spreadsheet reads them: a decimal comma under a Dutch header."""
    if value is None:
        return ""
    if isinstance(value, float):
        return number_format(value, use_l10n=True, force_grouping=False)
    return safe_cell(value)


def table_to_csv(columns: list, rows: list[dict]) -> bytes:
    """Columns and rows already in the reader's language (hrportal.reports.rendering)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # what Excel expects in Belgian locales
    writer.writerow([safe_cell(label) for _key, label in columns])
    for row in rows:
        writer.writerow([_csv_value(row.get(key, "")) for key, _label in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def table_to_xlsx(columns: list, rows: list[dict], *, title: str) -> bytes:
    """Numbers stay numbers (the spreadsheet shows them in its own locale); the report's full title is the
    first row, since a sheet name holds at most 31 characters."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Rapport" if (get_language() or "nl").startswith("nl") else "Report")
    sheet.append([safe_cell(title)])
    sheet.append([safe_cell(label) for _key, label in columns])
    for row in rows:
        sheet.append([safe_cell(row.get(key)) for key, _label in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
