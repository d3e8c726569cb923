#!/usr/bin/env bash
# Validated `load` against a bare CREATE TABLE AS over DuckDB's reader, on
# the same file through the same engine, for the enterprise roster of
# `generate --scale SCALE` as CSV and as Parquet; against the same with the
# schema's column types given to the reader (a bare CREATE TABLE AS of the
# CSV guesses the 18-digit ids to be BIGINT, a cheaper and different table;
# a Parquet file carries its types); and against a bare INSERT into the
# schema's table, which checks its constraints but not the roster's key and
# references (the schema gives them no index); and against load with
# --no-id-check, which shows what checking every enterprise_id as a credit
# code costs.
#   bash bench/load.sh [SCALE] [RUNS]      (defaults 80 and 3)
# Prints the median seconds of each and the ratios to load.
source "$(dirname "$0")/release.sh"
scale="${1:-80}"
runs="${2:-3}"

data="$(generated_data "$scale")"
roster_csv "$data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT


# The schema's types of the roster's columns, as a DuckDB struct literal.
types=$("$binary" --empty --format tsv -c "select '{' || string_agg(format('''{}'': ''{}''', column_name, data_type), ', ' order by column_index) || '}' from duckdb_columns() where table_name = 'enterprises'" | tail -1)

for format in csv parquet; do
    file="$data/enterprises.$format"
    rows=$("$binary" --empty --format csv -c "select count(*) from '$file'" | tail -1)
    if [ "$format" = csv ]; then
        typed_reader="read_csv('$file', header = true, types = $types)"
    else
        typed_reader="read_parquet('$file')"
    fi
    bare_times=() typed_times=() insert_times=() load_times=() unchecked_times=()
    for _ in $(seq "$runs"); do
        rm -f "$work"/*.duckdb*
        bare_times+=("$(seconds "$binary" --empty "$work/bare.duckdb" -c \
            "create table roster_copy as select * from '$file'")")
        typed_times+=("$(seconds "$binary" --empty "$work/typed.duckdb" -c \
            "create table roster_copy as select * from $typed_reader")")
        # A database with this scale's clusters, which the roster refers to.
        "$binary" --empty "$work/load.duckdb" -q load "$data/clusters.csv" --table clusters
        cp "$work/load.duckdb" "$work/insert.duckdb"
        cp "$work/load.duckdb" "$work/unchecked.duckdb"
        insert_times+=("$(seconds "$binary" "$work/insert.duckdb" -c \
            "insert into enterprises select * from '$file'")")
        load_times+=("$(seconds "$binary" --empty "$work/load.duckdb" -q load "$file" --table enterprises)")
        unchecked_times+=("$(seconds "$binary" --empty "$work/unchecked.duckdb" -q load "$file" --table enterprises --no-id-check)")
        loaded=$("$binary" --readonly --format csv "$work/load.duckdb" -c "select count(*) from enterprises" | tail -1)
        [ "$loaded" = "$rows" ] || { echo "load wrote $loaded rows of $rows" >&2; exit 1; }
    done
    bare=$(printf '%s\n' "${bare_times[@]}" | median)
    typed=$(printf '%s\n' "${typed_times[@]}" | median)
    insert=$(printf '%s\n' "${insert_times[@]}" | median)
    load=$(printf '%s\n' "${load_times[@]}" | median)
    unchecked=$(printf '%s\n' "${unchecked_times[@]}" | median)
    awk -v f="$format" -v r="$rows" -v b="$bare" -v t="$typed" -v i="$insert" -v l="$load" -v u="$unchecked" \
        'BEGIN { printf "%-8s %9d rows  bare CTAS %5.2f s  typed CTAS %5.2f s  bare INSERT %5.2f s  load %5.2f s  load --no-id-check %5.2f s  load/CTAS %.2f  load/typed CTAS %.2f  load/INSERT %.2f  id check %+.1f %%\n", f, r, b, t, i, l, u, l / b, l / t, l / i, (l / u - 1) * 100 }'
done
