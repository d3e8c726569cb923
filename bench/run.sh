#!/usr/bin/env bash
# Benchmarks clusterql against DuckDB's own CLI (PyPI duckdb-cli) and the
# DuckDB Python package, in one run, on generated data. Prints a table of
# medians and ratios. Usage: bench/run.sh [SCALE] [RUNS]   (defaults 10, 5)
source "$(dirname "$0")/release.sh"
scale="${1:-10}"
runs="${2:-5}"

venv="bench/.venv"
if [ ! -x "$venv/bin/duckdb" ]; then
    python3 -m venv "$venv"
    # The same engine version as clusterql's bundled DuckDB, for a fair comparison.
    engine_version="$("$binary" --empty --format csv -c "select library_version from pragma_version()" | tail -1 | tr -d v)"
    "$venv/bin/pip" install --quiet "duckdb==$engine_version" "duckdb-cli==$engine_version" \
        || "$venv/bin/pip" install --quiet duckdb duckdb-cli
fi

data="bench/data-scale-$scale"
if [ ! -f "$data/enterprises.parquet" ]; then
    "$binary" generate --out "$data" --scale "$scale"
fi
"$venv/bin/python" bench/bench.py --clusterql "$binary" --duckdb "$venv/bin/duckdb" \
    --python "$venv/bin/python" --data "$data" --runs "$runs"
