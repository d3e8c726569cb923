#!/usr/bin/env bash
# A validated `load` of the generated roster saved as GB18030 (what Chinese
# Windows writes; converted here by iconv) against the same rows in UTF-8:
# the price of clusterql's transcoding. Prints the medians and their ratio.
#   bash bench/encoding.sh [SCALE] [RUNS]      (defaults 40, about 2.7 million rows, and 3)
source "$(dirname "$0")/release.sh"
scale="${1:-40}"
runs="${2:-3}"

data="$(generated_data "$scale")"
roster_csv "$data"
if [ ! -f "$data/enterprises.gb18030.csv" ]; then
    iconv -f UTF-8 -t GB18030 "$data/enterprises.csv" > "$data/enterprises.gb18030.csv"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$binary" --empty "$work/base.duckdb" -q load "$data/clusters.csv" --table clusters


utf8_times=() gb_times=()
for _ in $(seq "$runs"); do
    cp "$work/base.duckdb" "$work/utf8.duckdb"
    utf8_times+=("$(seconds "$binary" "$work/utf8.duckdb" -q load "$data/enterprises.csv" --table enterprises)")
    cp "$work/base.duckdb" "$work/gb.duckdb"
    gb_times+=("$(seconds "$binary" "$work/gb.duckdb" -q load "$data/enterprises.gb18030.csv" --table enterprises)")
done
same=$("$binary" --readonly --format csv "$work/gb.duckdb" -c "select count(*) from (from enterprises except all from '$data/enterprises.parquet')" | tail -1)
[ "$same" = "0" ] || { echo "the GB18030 load differs from the roster in $same rows" >&2; exit 1; }
# Peak memory of one more load of each: the transcoding streams, so it
# should not grow with the file.
peak() { # command... -> peak resident MiB
    /usr/bin/time -v "$@" > /dev/null 2> "$work/time"
    awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time"
}
cp "$work/base.duckdb" "$work/peak.duckdb"
utf8_peak=$(peak "$binary" "$work/peak.duckdb" -q load "$data/enterprises.csv" --table enterprises)
cp "$work/base.duckdb" "$work/peak.duckdb"
gb_peak=$(peak "$binary" "$work/peak.duckdb" -q load "$data/enterprises.gb18030.csv" --table enterprises)
utf8=$(printf '%s\n' "${utf8_times[@]}" | median)
gb=$(printf '%s\n' "${gb_times[@]}" | median)
rows=$("$binary" --empty --format csv -c "select count(*) from '$data/enterprises.parquet'" | tail -1)
awk -v r="$rows" -v u="$utf8" -v g="$gb" -v pu="$utf8_peak" -v pg="$gb_peak" \
    'BEGIN { printf "%d rows  UTF-8 load %.2f s (%d MiB)  GB18030 load %.2f s (%d MiB)  GB18030/UTF-8 %.2f\n", r, u, pu, g, pg, g / u }'
