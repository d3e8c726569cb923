# Sourced by the bench scripts: from the repository root, with the release
# binary built and named in $binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The build the README's commands made: the default target directory, or
# CARGO_TARGET_DIR when it is set, so DuckDB is never compiled a second time.
target_dir="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
binary="$target_dir/release/clusterql"

# Prints the folder of `generate --scale SCALE` data, generating it first
# if it is not there yet.
generated_data() {
    # v3: the roster written by clusterql's own generator and Parquet writer
    # (v2 had DuckDB write it; older folders have other columns).
    local data="bench/data-v3-scale-$1"
    if [ ! -f "$data/enterprises.parquet" ]; then
        "$binary" generate --out "$data" --scale "$1" >&2 || return
    fi
    echo "$data"
}

# Writes the generated roster of folder $1 as CSV too, once.
roster_csv() {
    if [ ! -f "$1/enterprises.csv" ]; then
        "$binary" --empty -c "copy (from '$1/enterprises.parquet') to '$1/enterprises.csv'"
    fi
}

# Wall seconds of a command, its output dropped.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Peak resident MiB and wall seconds from the report of `/usr/bin/time -v`
# saved in file $1.
time_peak() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
time_elapsed() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"
}
