# Sourced by the bench scripts: from the repository root, with the release
# binary built in the shared target directory (where DuckDB is compiled
# once) and named in $binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/clusterql-target}"
cargo build --release --quiet
binary="$CARGO_TARGET_DIR/release/clusterql"

# Prints the folder of `generate --scale SCALE` data, generating it first
# if it is not there yet.
generated_data() {
    local data="bench/data-scale-$1"
    if [ ! -f "$data/enterprises.parquet" ]; then
        "$binary" generate --out "$data" --scale "$1" >&2 || return
    fi
    echo "$data"
}
