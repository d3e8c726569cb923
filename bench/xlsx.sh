#!/usr/bin/env bash
# Spreadsheets against Python's tools, in one run: clusterql's xlsx export of
# ROWS rows x 10 columns against xlsxwriter (constant-memory mode), and
# clusterql reading that workbook into DuckDB (read_xlsx) against
# python-calamine reading it; medians, ratios and peak memory.
#   bash bench/xlsx.sh [ROWS] [RUNS]      (defaults 1000000 and 3)
source "$(dirname "$0")/release.sh"
rows="${1:-1000000}"
runs="${2:-3}"
venv="bench/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import xlsxwriter, python_calamine" 2>/dev/null \
    || "$venv/bin/pip" install --quiet xlsxwriter python-calamine
[ -x /usr/bin/time ] || { echo "bench/xlsx.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export_sql="select i as id, 'N2022-' || lpad((i % 100 + 1)::varchar, 3, '0') as cluster_id,
  '华精机械有限公司' || (i % 997) as name, ['small', 'micro', 'medium'][i % 3 + 1] as size_class,
  i % 1000 as employees, (i % 10000) / 7.0 as revenue_mn_cny, 1990 + i % 30 as founded_year,
  i % 5 <> 0 as is_sme, (i % 100) / 100.0 as share, '第' || i || '行' as note from range($rows) t(i)"

ours_export=() theirs_export=() ours_read=() theirs_read=()
for _ in $(seq "$runs"); do
    /usr/bin/time -v "$venv/bin/python" bench/xlsx.py write "$work/python.xlsx" "$rows" > /dev/null 2> "$work/t1"
    theirs_export+=("$(time_elapsed "$work/t1")"); theirs_export_peak=$(time_peak "$work/t1")
    /usr/bin/time -v "$binary" --empty -o "$work/ours.xlsx" -c "$export_sql" 2> "$work/t2"
    ours_export+=("$(time_elapsed "$work/t2")"); ours_export_peak=$(time_peak "$work/t2")
    /usr/bin/time -v "$venv/bin/python" bench/xlsx.py read "$work/python.xlsx" > /dev/null 2> "$work/t3"
    theirs_read+=("$(time_elapsed "$work/t3")"); theirs_read_peak=$(time_peak "$work/t3")
    /usr/bin/time -v "$binary" --empty -c "create table t as select * from read_xlsx('$work/python.xlsx'); select count(*) from t" > /dev/null 2> "$work/t4"
    ours_read+=("$(time_elapsed "$work/t4")"); ours_read_peak=$(time_peak "$work/t4")
done
a=$(printf '%s\n' "${ours_export[@]}" | median); b=$(printf '%s\n' "${theirs_export[@]}" | median)
c=$(printf '%s\n' "${ours_read[@]}" | median); d=$(printf '%s\n' "${theirs_read[@]}" | median)
awk -v r="$rows" -v a="$a" -v b="$b" -v pa="$ours_export_peak" -v pb="$theirs_export_peak" \
    'BEGIN { printf "export %d rows x 10: clusterql %.2f s (%d MiB)  xlsxwriter %.2f s (%d MiB)  ratio %.2f\n", r, a, pa, b, pb, a / b }'
awk -v r="$rows" -v c="$c" -v d="$d" -v pc="$ours_read_peak" -v pd="$theirs_read_peak" \
    'BEGIN { printf "read   %d rows x 10: clusterql into DuckDB %.2f s (%d MiB)  python-calamine %.2f s (%d MiB)  ratio %.2f\n", r, c, pc, d, pd, c / d }'
