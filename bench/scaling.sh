#!/usr/bin/env bash
# Does the time grow in proportion to the input? One statement on one very
# long line, and one row of very many columns, each at three sizes doubling;
# the "x prev" column is the time over the previous size's (about 2 when
# linear, about 4 when quadratic). With DuckDB's CLI in bench/.venv (made
# by bench/run.sh), its times on the same input are shown alongside.
#   bash bench/scaling.sh
source "$(dirname "$0")/release.sh"
duckdb="bench/.venv/bin/duckdb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds() { # command... -> best wall seconds of three runs
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; if (b == "" || t < b) b = t; printf "%.3f", b }')
    done
    echo "$best"
}

report() { # label size ours previous_ours reference
    awk -v l="$1" -v n="$2" -v t="$3" -v p="$4" -v r="$5" 'BEGIN {
        growth = (p == "") ? "" : sprintf("%.2f", t / p)
        printf "%-32s %10d  clusterql %7.3f s  x prev %5s  duckdb cli %s\n", l, n, t, growth, (r == "") ? "-" : r " s"
    }'
}

previous=""
for size in 2000000 4000000 8000000; do
    script="$work/long-$size.sql"
    awk -v n="$size" 'BEGIN { printf "select length(s), s from (select '"'"'"; for (i = 0; i < n / 10; i++) printf "0123456789"; print "'"'"' as s);" }' > "$script"
    ours=$(seconds "$binary" --empty --format csv -f "$script")
    reference=""
    [ -x "$duckdb" ] && reference=$(seconds "$duckdb" -csv -f "$script")
    report "one line, characters" "$size" "$ours" "$previous" "$reference"
    previous="$ours"
done

for format in table csv json; do
    previous=""
    for columns in 2000 4000 8000; do
        script="$work/wide-$columns.sql"
        awk -v n="$columns" 'BEGIN { printf "select "; for (i = 0; i < n; i++) printf "%srange + %d as c%d", (i ? ", " : ""), i, i; print " from range(20);" }' > "$script"
        ours=$(seconds "$binary" --empty --format "$format" -f "$script")
        reference=""
        [ -x "$duckdb" ] && [ "$format" = csv ] && reference=$(seconds "$duckdb" -csv -f "$script")
        report "wide rows ($format), columns" "$columns" "$ours" "$previous" "$reference"
        previous="$ours"
    done
done
