#!/usr/bin/env bash
# Benchmarks clusterql against DuckDB's own CLI (PyPI duckdb-cli) and the
# DuckDB Python package, in one run, on generated data. Prints a table of
# medians and ratios. Usage: bench/run.sh [SCALE] [RUNS]   (defaults 80, 5)
source "$(dirname "$0")/release.sh"
scale="${1:-80}"
runs="${2:-5}"

venv="bench/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# The Python package of exactly clusterql's engine version is the same-engine
# reference; PyPI's CLI may lag behind, so it takes the same version if there
# is one and the newest otherwise (the `engines:` line says which ran).
engine_version="$("$binary" --empty --format csv -c "select library_version from pragma_version()" | tail -1 | tr -d v)"
if [ "$("$venv/bin/python" -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null)" != "$engine_version" ]; then
    "$venv/bin/pip" install --quiet "duckdb==$engine_version" \
        || "$venv/bin/pip" install --quiet duckdb
fi
if [ ! -x "$venv/bin/duckdb" ]; then
    "$venv/bin/pip" install --quiet "duckdb-cli==$engine_version" 2>/dev/null \
        || "$venv/bin/pip" install --quiet duckdb-cli
fi

data="$(generated_data "$scale")"
"$venv/bin/python" bench/bench.py --clusterql "$binary" --duckdb "$venv/bin/duckdb" \
    --python "$venv/bin/python" --data "$data" --runs "$runs"
