#!/usr/bin/env python3
"""Reads a klausul CSV or XLSX export with independent parsers (Python's csv module, openpyxl)
and prints its rows as JSON Lines: one object per row, keyed by the header row.

    read_export.py FILE.csv [DELIMITER]   -> checks the UTF-8 BOM, undoes the formula guard (')
    read_export.py FILE.xlsx              -> first sheet; also checks that no cell is a formula
                                             and that the header row is frozen and filtered

Numbers are printed as numbers, empty cells as null. Exits 1 with a message on any problem.
"""
import csv
import json
import re
import sys

FORMULA_GUARD = re.compile(r"^'+[=+\-@\t\r]")


def fail(message):
    print("read_export: " + message, file=sys.stderr)
    sys.exit(1)


def csv_value(text):
    if text == "":
        return None
    if FORMULA_GUARD.match(text):
        return text[1:]
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if re.fullmatch(r"-?\d+", text) else number


def read_csv(path, delimiter):
    with open(path, "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("no UTF-8 BOM")
    text = raw[3:].decode("utf-8")  # strict: raises on invalid UTF-8
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True))
    header, body = rows[0], rows[1:]
    for row in body:
        if len(row) != len(header):
            fail("row with %d fields, header has %d" % (len(row), len(header)))
        yield {name: csv_value(value) for name, value in zip(header, row)}


def read_xlsx(path):
    import openpyxl  # Debian: python3-openpyxl

    book = openpyxl.load_workbook(path, read_only=False)
    sheet = book.worksheets[0]
    if sheet.freeze_panes != "A2":
        fail("header row not frozen (freeze_panes=%r)" % sheet.freeze_panes)
    if not sheet.auto_filter.ref or not sheet.auto_filter.ref.startswith("A1:"):
        fail("no autofilter on the header row")
    if len(book.worksheets) < 2 or book.worksheets[1].title != "Om exporten":
        fail("second sheet 'Om exporten' missing")
    rows = sheet.iter_rows()
    header = [cell.value for cell in next(rows)]
    for row in rows:
        record = {}
        for name, cell in zip(header, row):
            if cell.data_type == "f":
                fail("formula in cell %s: %r" % (cell.coordinate, cell.value))
            if cell.data_type not in ("s", "n", "inlineStr") and cell.value is not None:
                fail("unexpected cell type %r in %s" % (cell.data_type, cell.coordinate))
            value = cell.value
            if isinstance(value, float) and value.is_integer() and name != "score":
                value = int(value)
            record[name] = value
        yield record


def main():
    if len(sys.argv) < 2:
        fail("usage: read_export.py FILE.csv|FILE.xlsx [DELIMITER]")
    path = sys.argv[1]
    if path.endswith(".xlsx"):
        rows = read_xlsx(path)
    else:
        rows = read_csv(path, sys.argv[2] if len(sys.argv) > 2 else ",")
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
