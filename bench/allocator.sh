#!/usr/bin/env bash
# Times one Parquet join three times in a process, with clusterql's malloc
# thresholds and with glibc's defaults. Usage: bench/allocator.sh [SCALE] [RUNS]
source "$(dirname "$0")/release.sh"
scale="${1:-10}"
runs="${2:-7}"
data="bench/data-scale-$scale"
if [ ! -f "$data/enterprises.parquet" ]; then
    "$binary" generate --out "$data" --scale "$scale"
fi
python3 bench/allocator.py --clusterql "$binary" --data "$data" --runs "$runs"
