import csv
import io

from openpyxl import Workbook

# A cell starting with one of these is a formula for a spreadsheet (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_to_csv(columns: list, rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # what Excel expects in Belgian locales
    writer.writerow([safe_cell(label) for _key, label in columns])
    for row in rows:
        writer.writerow([safe_cell(row.get(key, "")) for key, _label in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens UTF-8 correctly


def table_to_xlsx(columns: list, rows: list[dict], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(label) for _key, label in columns])
    for row in rows:
        sheet.append([safe_cell(row.get(key)) for key, _label in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
