#!/usr/bin/env bash
# Stata files against pandas, in one run: clusterql writing ROWS rows x 10
# columns to .dta (the query, measuring its columns and the rows, the whole
# process) against pandas' DataFrame.to_stata (format 118) writing the same
# rows from a DataFrame already in memory (only the writing is timed);
# medians, the ratio, and each side's peak memory.
#   bash bench/dta.sh [ROWS] [RUNS]      (defaults 1000000 and 3)
source "$(dirname "$0")/release.sh"
rows="${1:-1000000}"
runs="${2:-3}"
venv="bench/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pandas" 2>/dev/null \
    || "$venv/bin/pip" install --quiet -r tests/dta/requirements.txt
[ -x /usr/bin/time ] || { echo "bench/dta.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

export_sql="select i as id, 'N2022-' || lpad((i % 100 + 1)::varchar, 3, '0') as cluster_id,
  '华精机械有限公司' || (i % 997) as name, ['small', 'micro', 'medium'][i % 3 + 1] as size_class,
  i % 1000 as employees, (i % 10000) / 7.0 as revenue_mn_cny, 1990 + i % 30 as founded_year,
  i % 5 <> 0 as is_sme, (i % 100) / 100.0 as share, '第' || i || '行' as note from range($rows) t(i)"
"$binary" --empty --format csv -o "$work/rows.csv" -c "$export_sql"

ours=() theirs=()
for _ in $(seq "$runs"); do
    /usr/bin/time -v "$binary" --empty -o "$work/ours.dta" -c "$export_sql" 2> "$work/t1"
    ours+=("$(time_elapsed "$work/t1")"); ours_peak=$(time_peak "$work/t1")
    theirs+=("$(/usr/bin/time -v "$venv/bin/python" bench/dta.py "$work/rows.csv" "$work/pandas.dta" 2> "$work/t2")")
    theirs_peak=$(time_peak "$work/t2")
done
a=$(printf '%s\n' "${ours[@]}" | median); b=$(printf '%s\n' "${theirs[@]}" | median)
printf 'runs: clusterql %s s; pandas.to_stata %s s\n' "${ours[*]}" "${theirs[*]}"
awk -v r="$rows" -v a="$a" -v b="$b" -v pa="$ours_peak" -v pb="$theirs_peak" \
    'BEGIN { printf "dta %d rows x 10: clusterql %.2f s (%d MiB)  pandas.to_stata %.2f s (%d MiB, the DataFrame included)  ratio %.2f\n", r, a, pa, b, pb, a / b }'
