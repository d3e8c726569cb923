# Sourced by the bench scripts: from the repository root, with the release
# binary built in the shared target directory (where DuckDB is compiled
# once) and named in $binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/clusterql-target}"
cargo build --release --quiet
binary="$CARGO_TARGET_DIR/release/clusterql"
