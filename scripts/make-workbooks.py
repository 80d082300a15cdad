#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/Fixtures/workbooks/ from the CSV fixtures, with two real producers:
openpyxl (PyPI) and LibreOffice (Debian's libreoffice-calc-nogui, `soffice --headless --convert-to xlsx`).

The workbooks are committed, so `make test` needs neither producer; run this after changing a CSV fixture:
    python3 -m venv /tmp/xl && /tmp/xl/bin/pip install openpyxl==3.1.5 && /tmp/xl/bin/python scripts/make-workbooks.py
Each workbook holds the table of Tests/Fixtures/trilingual/Content/budgets/tamchy/<year>.csv, the way spreadsheets
hold tables: a title row above the header, Russian or Kyrgyz headers, a header cell merged over two rows, amounts
stored as numbers or as text in the spreadsheet's formats, a hidden row, formulas, empty rows after the table.
"""
import csv
import pathlib
import shutil
import subprocess
import tempfile

import openpyxl

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "Tests/Fixtures/trilingual/Content/budgets/tamchy"
out = root / "Tests/Fixtures/workbooks"
out.mkdir(parents=True, exist_ok=True)


def table(year):
    with open(source / f"{year}.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def amount(text):
    return int(text.replace(" ", "")) if text else None


def openpyxl_workbook(year, path):
    """Numbers as numbers (one as text, as '1 900 000' typed with a leading apostrophe), Russian headers, the code
    header merged over the title's second row, a hidden row, and the sheet named in Kyrgyz."""
    header, rows = table(year)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Бюджет"
    sheet["A1"] = f"Тамчы айыл аймагынын бюджети, {year}-жыл"
    sheet.merge_cells("A1:D1")
    names = {"code": "Код", "name": "Наименование", "approved": "Утверждено", "executed": "Исполнено"}
    sheet["A2"] = names["code"]
    sheet.merge_cells("A2:A3")  # the code header spans two rows; the others are on row 3
    for column, key in enumerate(header[1:], start=2):
        sheet.cell(row=3, column=column, value=names[key])
    for number, row in enumerate(rows, start=4):
        code, name, *amounts = row
        sheet.cell(row=number, column=1, value=int(code))
        sheet.cell(row=number, column=2, value=name)
        for column, text in enumerate(amounts, start=3):
            value = amount(text)
            # One amount stored as text in the spreadsheet's grouping, as a careless paste leaves it.
            if number == 5 and column == 4 and value is not None:
                sheet.cell(row=number, column=column, value=f"{value:,}".replace(",", " "))
            else:
                sheet.cell(row=number, column=column, value=value)
    sheet.row_dimensions[6].hidden = True
    book.create_sheet("Notes")["A1"] = "Not the budget"
    book.save(path)


def openpyxl_formula_without_value(path):
    """A formula cell that no spreadsheet has calculated: openpyxl writes no saved value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "name", "approved"])
    sheet.append([1111, "Income tax", 100])
    sheet.append([1, "Revenue", "=C2"])
    book.save(path)


def libreoffice_workbook(year, path):
    """LibreOffice's own xlsx from a CSV in Kyrgyz, with a subtotal as a formula it calculates and saves."""
    header, rows = table(year)
    names = {"code": "Коду", "name": "Аталышы", "approved": "Бекитилген", "executed": "Аткарылган"}
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        lines = [["Тамчы айыл аймагы", "", "", ""], [names[key] for key in header]]
        first = len(lines) + 1
        for row in rows:
            code, name, *amounts = row
            lines.append([code, name] + [str(amount(text)) if text else "" for text in amounts])
        # The revenue total (code 1, the first line) as a formula over the lines under it, which LibreOffice saves with
        # its value.
        if rows[0][0] == "1":
            under = [first + i for i, row in enumerate(rows) if row[0].startswith("1") and row[0] != "1"]
            lines[first - 1][2] = "=" + "+".join(f"C{r}" for r in under)
        lines += [["", "", "", ""], ["", "", "", ""]]
        csv_path = work / f"{year}.csv"
        with open(csv_path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(lines)
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile",
                        "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1", "--convert-to", "xlsx",
                        "--outdir", str(work), str(csv_path)], check=True, capture_output=True, timeout=180)
        shutil.copy(work / f"{year}.xlsx", path)


openpyxl_workbook(2023, out / "openpyxl-2023.xlsx")
openpyxl_workbook(2024, out / "openpyxl-2024.xlsx")
openpyxl_formula_without_value(out / "openpyxl-formula-without-value.xlsx")
if shutil.which("soffice"):
    libreoffice_workbook(2023, out / "libreoffice-2023.xlsx")
    libreoffice_workbook(2024, out / "libreoffice-2024.xlsx")
else:
    print("soffice not found: the LibreOffice workbooks were not written (apt-get install libreoffice-calc-nogui)")
print("written:", ", ".join(sorted(p.name for p in out.glob("*.xlsx"))))
