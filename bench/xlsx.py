"""The Python side of bench/xlsx.sh: writes the reference workbook with
xlsxwriter in constant-memory mode, or reads one with python-calamine, and
prints the seconds it took."""
import sys
import time


def write(path, rows):
    import xlsxwriter

    start = time.perf_counter()
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("Result 1")
    header = ["id", "cluster_id", "name", "size_class", "employees",
              "revenue_mn_cny", "founded_year", "is_sme", "share", "note"]
    for column, title in enumerate(header):
        sheet.write_string(0, column, title)
    for i in range(rows):
        row = i + 1
        sheet.write_number(row, 0, i)
        sheet.write_string(row, 1, "N2022-%03d" % (i % 100 + 1))
        sheet.write_string(row, 2, "华精机械有限公司%d" % (i % 997))
        sheet.write_string(row, 3, ("small", "micro", "medium")[i % 3])
        sheet.write_number(row, 4, i % 1000)
        sheet.write_number(row, 5, (i % 10000) / 7.0)
        sheet.write_number(row, 6, 1990 + i % 30)
        sheet.write_boolean(row, 7, i % 5 != 0)
        sheet.write_number(row, 8, (i % 100) / 100.0)
        sheet.write_string(row, 9, "第%d行" % i)
    book.close()
    return time.perf_counter() - start


def read(path):
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    assert len(rows) > 1
    return time.perf_counter() - start


if __name__ == "__main__":
    if sys.argv[1] == "write":
        print("%.3f" % write(sys.argv[2], int(sys.argv[3])))
    else:
        print("%.3f" % read(sys.argv[2]))
