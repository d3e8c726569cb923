#!/usr/bin/env bash
# The generator's speed and memory: roster rows a second and peak memory of
# `generate --scale SCALE`, then of `--scale national` (about 52 million
# SMEs in 2022) unless SKIP_NATIONAL is set. Each run writes to a temporary
# folder that is removed afterwards.
#   bash bench/generate.sh [SCALE] [RUNS]      (defaults 300, about 20 million rows, and 1)
source "$(dirname "$0")/release.sh"
scale="${1:-300}"
runs="${2:-1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

measure() { # scale -> one line: rows, seconds, rows a second, peak MiB
    /usr/bin/time -v "$binary" generate --out "$work/out" --scale "$1" 2> "$work/time" >/dev/null \
        || { cat "$work/time" >&2; exit 1; }
    local rows seconds peak
    rows=$("$binary" --empty --format csv -c "select count(*) from '$work/out/enterprises.parquet'" | tail -1)
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
    awk -v sc="$1" -v r="$rows" -v s="$seconds" -v p="$peak" \
        'BEGIN { printf "scale %-9s %11d roster rows  %7.2f s  %5.2f million rows/s  peak %5d MiB\n", sc, r, s, r / s / 1e6, p }'
    rm -rf "$work/out"
}

[ -x /usr/bin/time ] || { echo "bench/generate.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
for _ in $(seq "$runs"); do measure "$scale"; done
[ -n "${SKIP_NATIONAL:-}" ] || measure national
