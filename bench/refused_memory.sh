#!/usr/bin/env bash
# Peak memory of a load that is refused at its last row: the generated
# roster as clean UTF-8, against the same rows as a GBK file under a title
# line (what a statistics office's Excel saves), which goes through a
# transcoded copy and a copy of its table alone. Neither path may read a
# whole file into memory, so the two peaks should be alike (the issue's
# bound: the GBK one within 1.2 times the UTF-8 one).
#   bash bench/refused_memory.sh [SCALE]      (default 80: about 1 GB of CSV)
# Prints each peak (MiB), wall time and their ratio, and the line named.
source "$(dirname "$0")/release.sh"
scale="${1:-80}"

data="$(generated_data "$scale")"
roster_csv "$data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The roster with one more row, last, naming a cluster that does not exist.
utf8="$work/refused.csv"
cp "$data/enterprises.csv" "$utf8"
echo "ZZ0000000000000000,N2099-999,最后一家,small,true,false,true,2010,5,1.5,2022," >> "$utf8"
lines=$(wc -l < "$utf8")
gbk="$work/refused_gbk.csv"
{ printf '企业名录（测试）,,,,,,,,,,,\r\n'; cat "$utf8"; } | iconv -f UTF-8 -t GBK > "$gbk"
"$binary" --empty "$work/base.duckdb" -q load "$data/clusters.csv" --table clusters

run() { # name file -> peak MiB, seconds and the message's line
    cp "$work/base.duckdb" "$work/$1.duckdb"
    /usr/bin/time -v "$binary" "$work/$1.duckdb" load "$2" --table enterprises --no-id-check \
        > /dev/null 2> "$work/$1.err" || true
    grep -o "$(basename "$2"):[0-9]*: column 'cluster_id'" "$work/$1.err" | head -1 \
        > "$work/$1.line"
    echo "$(time_peak "$work/$1.err") $(time_elapsed "$work/$1.err") $(cat "$work/$1.line")"
}
read -r utf8_peak utf8_s utf8_line <<< "$(run utf8 "$utf8")"
read -r gbk_peak gbk_s gbk_line <<< "$(run gbk "$gbk")"
size=$(du -m "$utf8" | cut -f1)
echo "$size MiB, $lines lines: the last named by UTF-8 as '$utf8_line', by GBK under a title as '$gbk_line'"
awk -v u="$utf8_peak" -v g="$gbk_peak" -v us="$utf8_s" -v gs="$gbk_s" \
    'BEGIN { printf "refused load peak: UTF-8 %d MiB in %.1f s, GBK with a title %d MiB in %.1f s, GBK/UTF-8 %.2f\n", u, us, g, gs, g / u }'
