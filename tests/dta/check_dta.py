#!/usr/bin/env python3
"""What Stata's readers make of a .dta file, cell by cell.

    check_dta.py FILE.dta FILE.csv [--expect-label NAME=TEXT] [--expect-type NAME=TYPE]
                 [--expect-format NAME=FMT] [--expect-value-label NAME=VALUE=TEXT]
                 [--expect-dataset-label-contains TEXT] [--quiet]

Reads FILE.dta with pyreadstat and with pandas' read_stata and compares
every cell with FILE.csv, the csv output of the same query (a header line,
NULL as an empty cell). Columns are matched by position, since Stata names
may differ from the query's. What a cell must be depends on the variable:

- numbers: the csv's number (integers exactly, doubles to 1e-12 relative);
  an empty cell, `nan` or `inf` is Stata's missing `.`;
- a variable with a value label: `true`/`false` are 1/0, other text is
  the label of the stored code;
- %td: the csv's date; %tc: its timestamp, to the millisecond (Stata's
  clock has no finer unit, so fractions are cut toward the past);
- strings: the csv's text; an empty cell is the empty string (Stata's
  strings have no missing value).

Prints each variable's name, storage type, format, label and value label,
the value labels, the dataset label and notes. Exits 0 when both readers
agree with the csv and every --expect holds, 1 when not, 2 when a file
cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import re
import struct
import sys

import pandas as pd
import pyreadstat

STATA_EPOCH = dt.datetime(1960, 1, 1)
NUMBER_TYPES = {"byte", "int", "long", "float", "double"}
MISSING_WORDS = {"", "nan", "-nan", "inf", "-inf", "infinity", "-infinity"}
TIMESTAMP = re.compile(
    r"^(-?\d{4,})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$"
)
MAX_REPORTED = 20


def storage_types(path: str) -> list[str]:
    """Each variable's storage type, read from the file's own header
    (format 117-119), since the readers do not tell str# from strL."""
    with open(path, "rb") as f:
        data = f.read(1 << 20)
    if not data.startswith(b"<stata_dta>"):
        raise ValueError("not a .dta file of format 117 or later")
    release = int(data[28:31])
    order = "<" if data[52:55] == b"LSF" else ">"
    k_width = 4 if release >= 119 else 2
    k = struct.unpack(order + ("I" if k_width == 4 else "H"), data[70 : 70 + k_width])[0]
    map_at = data.index(b"<map>") + 5
    types_at = struct.unpack(order + "Q", data[map_at + 16 : map_at + 24])[0] + len(
        b"<variable_types>"
    )
    with open(path, "rb") as f:
        f.seek(types_at)
        codes = struct.unpack(order + "H" * k, f.read(2 * k))
    names = {65530: "byte", 65529: "int", 65528: "long", 65527: "float",
             65526: "double", 32768: "strL"}
    return [names.get(code, f"str{code}") for code in codes]


def read_csv(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise ValueError(f"{path}: no header line")
    return rows[0], rows[1:]


def csv_millis(text: str) -> int | None:
    """Milliseconds since 1960-01-01 of a csv timestamp, cut toward the past."""
    match = TIMESTAMP.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()
    moment = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second))
    whole = (moment - STATA_EPOCH) // dt.timedelta(milliseconds=1)
    return whole + (int((fraction or "0").ljust(9, "0")) // 1_000_000)


def reader_millis(value) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    moment = pd.Timestamp(value)
    return (moment - pd.Timestamp(STATA_EPOCH)) // pd.Timedelta(milliseconds=1)


def reader_day(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return pd.Timestamp(value).date().isoformat()


def is_missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def expected_number(text: str, value_labels: dict | None) -> tuple[bool, float | None]:
    """The number a csv cell means: (understood, value); None is missing."""
    word = text.strip().lower()
    if word in MISSING_WORDS:
        return True, None
    if word in ("true", "false"):
        return True, 1.0 if word == "true" else 0.0
    try:
        return True, float(text)
    except ValueError:
        pass
    for code, label in (value_labels or {}).items():
        if label == text:
            return True, float(code)
    return False, None


def same_number(expected: float | None, got) -> bool:
    if expected is None:
        return is_missing(got)
    if is_missing(got):
        return False
    got = float(got)
    if expected == got:
        return True
    return math.isclose(expected, got, rel_tol=1e-12, abs_tol=0.0)


def compare(reader: str, frame: pd.DataFrame, header: list[str], rows: list[list[str]],
            types: list[str], formats: list[str], value_labels: list[dict | None],
            problems: list[str]) -> None:
    if frame.shape != (len(rows), len(header)):
        problems.append(f"{reader}: {frame.shape[0]} rows x {frame.shape[1]} columns, "
                        f"the csv has {len(rows)} x {len(header)}")
        return
    for column, name in enumerate(header):
        values = frame.iloc[:, column].tolist()
        kind, fmt = types[column], formats[column].lower()
        for row, (text, got) in enumerate(zip((r[column] for r in rows), values)):
            where = f"{reader}: row {row + 1}, column {column + 1} ({name})"
            if fmt.startswith("%td"):
                # DuckDB's infinite dates are past Stata's range: missing.
                want = None if text.strip().lower() in MISSING_WORDS else text.strip()[:10]
                ok = reader_day(got) == want
            elif fmt.startswith("%tc"):
                want = None if text.strip().lower() in MISSING_WORDS else csv_millis(text)
                ok = reader_millis(got) == want
            elif kind in NUMBER_TYPES:
                understood, want = expected_number(text, value_labels[column])
                ok = understood and same_number(want, got)
            else:
                want = text
                ok = (got if isinstance(got, str) else ("" if is_missing(got) else str(got))) == text
            if not ok:
                problems.append(f"{where}: csv {text!r}, read {got!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dta")
    parser.add_argument("csv")
    parser.add_argument("--expect-label", action="append", default=[], metavar="NAME=TEXT")
    parser.add_argument("--expect-type", action="append", default=[], metavar="NAME=TYPE")
    parser.add_argument("--expect-format", action="append", default=[], metavar="NAME=FMT")
    parser.add_argument("--expect-value-label", action="append", default=[],
                        metavar="NAME=VALUE=TEXT")
    parser.add_argument("--expect-dataset-label-contains", action="append", default=[],
                        metavar="TEXT")
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    args = parser.parse_args()

    try:
        header, rows = read_csv(args.csv)
        types = storage_types(args.dta)
        by_pyreadstat, meta = pyreadstat.read_dta(args.dta, apply_value_formats=False)
        with pd.read_stata(args.dta, iterator=True, convert_categoricals=False) as reader:
            by_pandas = reader.read()
            pandas_labels = reader.variable_labels()
            pandas_value_labels = reader.value_labels()
            pandas_dataset_label = reader.data_label
    except Exception as error:  # noqa: BLE001 - any failure to read is the verdict
        print(f"cannot read: {type(error).__name__}: {error}", file=sys.stderr)
        return 2

    names = list(meta.column_names)
    formats = [meta.original_variable_types.get(n, "") for n in names]
    labels = list(meta.column_labels or [None] * len(names))
    label_sets = [meta.variable_to_label.get(n) for n in names]
    value_labels = [meta.value_labels.get(s) if s else None for s in label_sets]
    problems: list[str] = []

    if not args.quiet:
        print(f"{args.dta}: {len(rows)} rows, {len(names)} variables")
        print(f"dataset label: {meta.file_label!r}")
        for note in getattr(meta, "notes", None) or []:
            print(f"note: {note}")
        for name, kind, fmt, label, label_set in zip(names, types, formats, labels, label_sets):
            print(f"  {name:<32} {kind:<8} {fmt:<8} {label_set or '':<8} {label or ''}")
        for label_set, table in meta.value_labels.items():
            pairs = ", ".join(f"{code} = {text}" for code, text in sorted(table.items()))
            print(f"value label {label_set}: {pairs}")

    # The two readers must agree on the metadata, too.
    if pandas_dataset_label != (meta.file_label or ""):
        problems.append(f"dataset label: pandas {pandas_dataset_label!r}, "
                        f"pyreadstat {meta.file_label!r}")
    for name, label in zip(names, labels):
        if pandas_labels.get(name, "") != (label or ""):
            problems.append(f"label of {name}: pandas {pandas_labels.get(name)!r}, "
                            f"pyreadstat {label!r}")
    for label_set, table in meta.value_labels.items():
        theirs = {int(k): v for k, v in pandas_value_labels.get(label_set, {}).items()}
        if theirs != {int(k): v for k, v in table.items()}:
            problems.append(f"value label {label_set}: pandas {theirs}, pyreadstat {table}")

    compare("pyreadstat", by_pyreadstat, header, rows, types, formats, value_labels, problems)
    compare("pandas", by_pandas, header, rows, types, formats, value_labels, problems)

    def pairs(items: list[str], what: str):
        for item in items:
            name, sep, value = item.partition("=")
            if not sep:
                problems.append(f"--expect-{what} {item!r}: not NAME=VALUE")
            elif name not in names:
                problems.append(f"--expect-{what} {item!r}: no variable {name}")
            else:
                yield names.index(name), name, value

    for index, name, want in pairs(args.expect_label, "label"):
        if (labels[index] or "") != want:
            problems.append(f"label of {name}: {labels[index]!r}, expected {want!r}")
    for index, name, want in pairs(args.expect_type, "type"):
        if types[index] != want:
            problems.append(f"type of {name}: {types[index]}, expected {want}")
    for index, name, want in pairs(args.expect_format, "format"):
        if formats[index] != want:
            problems.append(f"format of {name}: {formats[index]}, expected {want}")
    for index, name, rest in pairs(args.expect_value_label, "value-label"):
        code, _, want = rest.partition("=")
        table = value_labels[index] or {}
        got = {int(k): v for k, v in table.items()}.get(int(code)) if code.lstrip("-").isdigit() else None
        if got != want:
            problems.append(f"value label of {name} = {code}: {got!r}, expected {want!r}")
    for text in args.expect_dataset_label_contains:
        if text not in (meta.file_label or ""):
            problems.append(f"dataset label {meta.file_label!r} lacks {text!r}")

    for problem in problems[:MAX_REPORTED]:
        print(problem, file=sys.stderr)
    if len(problems) > MAX_REPORTED:
        print(f"... and {len(problems) - MAX_REPORTED} more", file=sys.stderr)
    cells = len(rows) * len(header)
    verdict = "ok" if not problems else f"{len(problems)} problems"
    print(f"{args.dta}: {cells} cells read by pyreadstat and pandas: {verdict}",
          file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
