#!/usr/bin/env bash
# Runs the property tests of tests/fuzz.rs with a larger budget than
# `cargo test` gives them, and reports cases and time.
#   bash bench/fuzz.sh [CASES]      (default 2000 cases per property)
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-2000}"
cargo test --release --test fuzz --no-run >/dev/null 2>&1
echo "fuzz: $cases cases per property" >&2
start=$(date +%s.%N)
PROPTEST_CASES="$cases" cargo test --release --test fuzz -- --test-threads 2 2>&1 | grep -E '^test |^test result|Test failed|minimal failing input'
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v c="$cases" 'BEGIN { printf "fuzz: %d cases per property in %.1f s\n", c, e - s }' >&2
